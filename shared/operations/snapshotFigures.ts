// Numbers in the free-text operations snapshots of older visits (用工、订单、产值、新增投资, typed as
// words before figures existed): a figure is read out of a text only when the text leaves no doubt —
// one number, a unit that names the figure, nothing saying it is a plan, a bound or another period —
// so that it can be OFFERED to the officer ("从走访记录中识别到：用工人数 320 人"), never stored
// without their click. Whatever is not certain is left alone, with the reason. Pure.
//
// Decisions (test/shared/operations/snapshotFigures.test.ts holds a phrase for each):
// - One number only: a range (300-350 人, 300 至 350 人), two numbers (在岗 320 人，缺工 20 人), a
//   month or a date beside the number (1-10 月产值 2 亿元, 排产到 3 月) are not read.
// - A percentage (15%, 百分之十五) is a rate, never a figure: it is set aside, and the one other number,
//   if any, is read (产值 1.2 亿元，同比增长 15% → 1.2 亿元).
// - The unit must follow the number: 人/名 for people, 个月 for orders, 亿元/亿/万元/万/元 for money
//   (亿 → ×10000 万元, 元 → ÷10000 万元); a foreign currency (万美元), 人次, 万人, or no unit: not read.
// - 约/大约/大概/左右/上下 mark a round figure the enterprise gave: read, and the offer says it was
//   约数. A bound is not a value: 余/多/超/超过/逾/近/将近/不到/不足/以上/以下 → not read.
// - A plan or forecast (预计、计划、目标、拟、力争…) or another period (去年、上年、同期、全年、明年、
//   月均) → not read.
// - Chinese numerals (三百人) are not read: only digits (full-width ones included).
// - 产值 read as 本年累计产值 (the visit form asked for 本年产值), or as 本月产值 when the text says
//   本月/当月; 新增投资 as 本年新增投资; 用工 as 用工人数, or 缺工人数 when the text says 缺工/缺员/缺口
//   (招工/招聘 is a plan: not read); 订单 only as 在手订单 N 个月. 产业链配套 has no figure.
import type { OperationsSnapshot } from '../domain/records';
import type { OperationFigureKey } from './operationFigures';

/** The snapshot fields a figure may be read from (产业链配套 is text only). */
export type SnapshotFigureSource = Exclude<keyof OperationsSnapshot, 'supplyChain'>;

export const snapshotFigureSources: readonly SnapshotFigureSource[] = ['employment', 'orders', 'outputValue', 'newInvestment'];

/** The names of the snapshot fields on the old visit form. */
export const snapshotFieldLabels: Record<keyof OperationsSnapshot, string> = {
  employment: '用工',
  orders: '订单',
  supplyChain: '产业链配套',
  outputValue: '产值',
  newInvestment: '新增投资',
};

export interface SnapshotFigure {
  source: SnapshotFigureSource;
  key: OperationFigureKey;
  /** In the figure's unit (万元, 人, 个月). */
  value: number;
  /** The number as written in the text (digits, after NFKC: full-width made plain), e.g. "1.2". */
  written: string;
  /** The unit as written: 亿元, 万, 人, 个月… */
  writtenUnit: string;
  /** The text said 约 / 左右: a round figure. */
  approximate: boolean;
}

/** Read: the figure; not read: why not (Chinese, for the tests and the reader of this file); nothing numeric: undefined. */
export type SnapshotReading = { figure: SnapshotFigure } | { skipped: string } | undefined;

const numberPattern = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
const percentAfter = /^\s*[%‰]/;
const chineseNumeral = /[一二三四五六七八九十百千两][十百千万亿]?\s*(?:人|名|个月|万|亿|元)/;

const planWords = /预计|预期|计划|目标|拟|力争|争取|有望|打算|规划/;
const otherPeriodWords = /去年|上年|前年|同期|全年|明年|下月|上月|月均|年均|日均|人均/;
const boundBefore = /(?:超过|超出|超|逾|近|将近|接近|不到|不足|至少|最多|多达|高达|达到近)\s*$/;
const boundAfter = /^\s*(?:余|多|来|以上|以下|以内|开外)/;
const approxBefore = /(?:约|大约|大概|约为|估计)\s*$/;
const approxAfter = /^\s*(?:人|名|个月|亿元|亿|万元|万|元)?\s*(?:左右|上下)/;
const foreignCurrency = /^\s*(?:亿|万|千)?\s*(?:美元|美金|欧元|日元|港元|港币|英镑)/;

const moneyUnits: { unit: RegExp; shift: number }[] = [
  { unit: /^\s*(亿元|亿)/, shift: 4 },
  { unit: /^\s*(万元|万)/, shift: 0 },
  { unit: /^\s*(元)/, shift: -4 },
];

/**
 * `digits` (plain, with an optional decimal point) × 10^shift, exactly: the decimal point is moved in
 * the text, so 1.2 亿 is 12000 万元 and not 12000.000000000002.
 */
export function shiftDecimal(digits: string, shift: number): number {
  const [whole = '0', fraction = ''] = digits.split('.');
  let all = whole + fraction;
  let point = whole.length + shift;
  if (point < 0) {
    all = '0'.repeat(-point) + all;
    point = 0;
  }
  if (point > all.length) all = all + '0'.repeat(point - all.length);
  return Number(`${all.slice(0, point) || '0'}.${all.slice(point) || '0'}`);
}

interface NumberToken {
  text: string;
  start: number;
  end: number;
}

/** The numbers of a text that are not percentages. */
function figureNumbers(text: string): { tokens: NumberToken[]; percentages: number } {
  const tokens: NumberToken[] = [];
  let percentages = 0;
  for (const match of text.matchAll(numberPattern)) {
    const start = match.index;
    const end = start + match[0].length;
    // A number glued to a letter or another number (a model name, 3x, v2.0) is not a figure either.
    if (percentAfter.test(text.slice(end))) {
      percentages++;
      continue;
    }
    tokens.push({ text: match[0], start, end });
  }
  const spelledPercentages = (text.match(/百分之/g) ?? []).length;
  return { tokens, percentages: percentages + spelledPercentages };
}

/** Which figure the text of `source` is about, or why none. */
function targetOf(source: SnapshotFigureSource, text: string): OperationFigureKey | { skipped: string } {
  switch (source) {
    case 'employment':
      if (/招工|招聘|招收|招募/.test(text)) return { skipped: '招工人数是计划，不是在岗或缺工人数' };
      return /缺工|缺员|缺口|空缺/.test(text) ? 'vacancies' : 'employees';
    case 'orders':
      return 'orderMonths';
    case 'outputValue':
      return /本月|当月/.test(text) ? 'outputValue' : 'outputValueYtd';
    case 'newInvestment':
      return 'newInvestmentYtd';
  }
}

/** The figure in one snapshot field's text, or why there is none. */
export function readSnapshotText(source: SnapshotFigureSource, raw: string): SnapshotReading {
  const text = raw.normalize('NFKC');
  const { tokens, percentages } = figureNumbers(text);
  if (tokens.length === 0) {
    if (chineseNumeral.test(text)) return { skipped: '数字为汉字，不识别' };
    return percentages > 0 ? { skipped: '只有百分比，没有数值' } : undefined;
  }
  if (tokens.length > 1) return { skipped: '有多个数字（区间、多项或日期），无法确定' };
  const token = tokens[0]!;
  if (/[-~～—–]\s*$/.test(text.slice(0, token.start)) || /^\s*[-~～至到—–]/.test(text.slice(token.end))) {
    return { skipped: '是区间或日期，无法确定' };
  }
  if (/[A-Za-z.]$/.test(text.slice(0, token.start)) || /^[A-Za-z]/.test(text.slice(token.end))) {
    return { skipped: '数字属于型号或编号' };
  }
  if (planWords.test(text)) return { skipped: '是计划或预计数' };
  if (otherPeriodWords.test(text)) return { skipped: '不是本月或本年的数' };
  const before = text.slice(0, token.start);
  const after = text.slice(token.end);
  if (boundBefore.test(before) || boundAfter.test(after)) return { skipped: '是上下限（如“300 余人”“超过 300 人”），不是确数' };

  const target = targetOf(source, text);
  if (typeof target !== 'string') return target;
  const approximate = approxBefore.test(before) || approxAfter.test(after);
  const digits = token.text.replace(/,/g, '');

  if (source === 'employment') {
    const unit = /^\s*(人|名)(?!次)/.exec(after);
    if (!unit) return { skipped: /^\s*万人/.test(after) ? '万人不是用工人数的单位' : '没有单位“人”' };
    if (digits.includes('.')) return { skipped: '人数不是整数' };
    return { figure: { source, key: target, value: Number(digits), written: token.text, writtenUnit: unit[1]!, approximate } };
  }
  if (source === 'orders') {
    const unit = /^\s*(个月)/.exec(after);
    if (!unit) return { skipped: /^\s*月/.test(after) ? '是月份，不是订单可排产的月数' : '没有单位“个月”' };
    return { figure: { source, key: target, value: Number(digits), written: token.text, writtenUnit: unit[1]!, approximate } };
  }
  if (foreignCurrency.test(after)) return { skipped: '是外币金额' };
  for (const { unit, shift } of moneyUnits) {
    const found = unit.exec(after);
    if (found) return { figure: { source, key: target, value: shiftDecimal(digits, shift), written: token.text, writtenUnit: found[1]!, approximate } };
  }
  return { skipped: '没有金额单位（亿元、万元或元）' };
}

/** The figures read out of a visit's snapshot, one per field at most. */
export function snapshotFigures(snapshot: Partial<OperationsSnapshot>): SnapshotFigure[] {
  const figures: SnapshotFigure[] = [];
  for (const source of snapshotFigureSources) {
    const reading = readSnapshotText(source, snapshot[source] ?? '');
    if (reading && 'figure' in reading) figures.push(reading.figure);
  }
  return figures;
}
