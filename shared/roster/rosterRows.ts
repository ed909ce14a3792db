// Checks every data row of a roster against the column mapping the user confirmed, and sorts the
// good rows into new enterprises and updates of existing ones (matched by credit code). Nothing
// here writes: the preview is built from this, and the import writes only what it lists.
import { checkCreditCode } from '../creditCode';
import { enterpriseSchema, foreignSources, serviceTiers, type Enterprise } from '../domain/records';
import { compactCellText, normalizeCellText } from './normalizeCellText';
import { rosterFieldLabel, type ColumnMapping, type RosterField } from './rosterColumns';
import type { RosterCell, RosterSheet } from './readRosterFile';

type ForeignSource = (typeof foreignSources)[number];
type ServiceTier = (typeof serviceTiers)[number];

/** The values one roster row gives; a field the row leaves empty is absent (it erases nothing). */
export interface RosterValues {
  name?: string;
  creditCode?: string;
  town?: string;
  address?: string;
  industry?: string;
  foreignSource?: ForeignSource;
  contactPerson?: string;
  contactPhone?: string;
  assignedOfficer?: string;
  linkedLeader?: string;
  serviceTier?: ServiceTier;
  isKeyEnterprise?: boolean;
  isAboveScale?: boolean;
}

export interface RosterIssue {
  field: RosterField | null;
  /** Where, as the user sees it: "C列「统一社会信用代码」". */
  column: string;
  message: string;
}

export interface RosterReject {
  row: number;
  name: string;
  issues: RosterIssue[];
}

export interface RosterGoodRow {
  row: number;
  values: RosterValues & { name: string; creditCode: string };
  /** The town as the file wrote it, when it was matched through an alias rather than by its own name. */
  townWritten?: string;
}

/** A row that is no enterprise: a 合计 line, the signatures, notes and date under the table. */
export interface RosterSkippedRow {
  row: number;
  /** The row's text, as shown in the preview. */
  text: string;
}

export interface RosterRowsResult {
  good: RosterGoodRow[];
  rejects: RosterReject[];
  skipped: RosterSkippedRow[];
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Checks the rows below `headerIndex`. `towns` are the settings' 区镇 (a value must name one, by its
 * own name or through `townAliases`: alias → town).
 */
export function checkRosterRows(
  sheet: RosterSheet,
  headerIndex: number,
  mapping: ColumnMapping,
  towns: readonly string[],
  townAliases: Readonly<Record<string, string>> = {},
): RosterRowsResult {
  const good: RosterGoodRow[] = [];
  const rejects: RosterReject[] = [];
  const skipped: RosterSkippedRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  const columnOf = new Map<RosterField, number>();
  mapping.forEach((field, index) => {
    if (field && !columnOf.has(field)) columnOf.set(field, index);
  });
  const where = (field: RosterField) => `${columnLetter(columnOf.get(field) ?? 0)}列「${rosterFieldLabel(field)}」`;
  const townLookup = buildTownLookup(towns, townAliases);

  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]!;
    const rowNumber = sheet.rowNumbers[r]!;
    const issues: RosterIssue[] = [];
    const values: RosterValues = {};

    if (cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))) continue;
    // Before any field check: a 合计 row often carries a =COUNTA() formula, which is no enterprise's fault.
    const creditCol = columnOf.get('creditCode');
    if (isFooterRow(cells, creditCol === undefined ? null : (cells[creditCol] ?? null))) {
      skipped.push({ row: rowNumber, text: rowText(cells) });
      continue;
    }
    let townWritten: string | undefined;

    for (const [field, col] of columnOf) {
      const cell = cells[col] ?? null;
      if (cell !== null && typeof cell === 'object') {
        issues.push({ field, column: where(field), message: `是公式（=${cell.formula.slice(0, 40)}），请复制后「选择性粘贴为数值」再导入` });
        continue;
      }
      const formula = typeof cell === 'string' ? formulaLikeText(cell) : null;
      if (formula) {
        issues.push({ field, column: where(field), message: formula });
        continue;
      }
      const result = readField(field, cell, townLookup);
      if (result.error) issues.push({ field, column: where(field), message: result.error });
      else if (result.value !== undefined) {
        (values as Record<string, unknown>)[field] = result.value;
        if (result.written) townWritten = result.written;
      }
    }

    if (!values.name && !issues.some((i) => i.field === 'name')) {
      issues.push({ field: 'name', column: columnOf.has('name') ? where('name') : '企业名称', message: '企业名称为空' });
    }
    if (!values.creditCode && !issues.some((i) => i.field === 'creditCode')) {
      issues.push({
        field: 'creditCode',
        column: columnOf.has('creditCode') ? where('creditCode') : '统一社会信用代码',
        message: '统一社会信用代码为空（按信用代码识别企业，不能为空）',
      });
    }
    if (values.creditCode) {
      const first = firstRowOfCode.get(values.creditCode);
      if (first !== undefined) {
        issues.push({ field: 'creditCode', column: where('creditCode'), message: `与第 ${first} 行的统一社会信用代码重复` });
      } else firstRowOfCode.set(values.creditCode, rowNumber);
    }

    if (issues.length > 0) rejects.push({ row: rowNumber, name: values.name ?? '', issues });
    else good.push({ row: rowNumber, values: values as RosterGoodRow['values'], ...(townWritten ? { townWritten } : {}) });
  }
  return { good, rejects, skipped };
}

// ---- rows under the table that are not enterprises --------------------------------------------

/**
 * The words that open the lines clerks put under a roster: totals, the sign-off (填表人、审核人、
 * 负责人), notes and the date. Totals open with the word whatever follows ("合计：120家"); the others
 * must be followed by a non-Han character or nothing, so that "注塑科技有限公司" is still a company.
 */
const footerTotals = /^(合计|总计|小计|共计|累计|汇总)/;
const footerSignOff = /^(单位负责人|主要负责人|分管领导|填表人|填报人|制表人|审核人|审批人|复核人|负责人|经办人|统计人)/;
const footerWords =
  /^(填表说明|制表日期|填报日期|填表日期|报送日期|统计日期|制表单位|填报单位|报送单位|单位盖章|盖章|备注|附注|说明|日期|制表|审核|注)(?![\p{Script=Han}])/u;

export function isFooterRow(cells: readonly RosterCell[], creditCell: RosterCell): boolean {
  // A row with a valid credit code is an enterprise, whatever its first cell says.
  if (typeof creditCell === 'string' && checkCreditCode(compactCellText(creditCell)).ok) return false;
  const first = cells.find((cell) => cell !== null && !(typeof cell === 'string' && cell.trim() === ''));
  if (typeof first !== 'string') return false;
  const text = compactCellText(first.normalize('NFKC'));
  return footerTotals.test(text) || footerSignOff.test(text) || footerWords.test(text);
}

/** The row as the clerk wrote it (full-width colons kept), cells separated by an ideographic space. */
const rowText = (cells: readonly RosterCell[]): string =>
  cells
    .flatMap((cell) => (cell === null ? [] : [typeof cell === 'object' ? `=${cell.formula}` : String(cell).replace(/\s+/g, ' ').trim()]))
    .filter((text) => text !== '')
    .join('　')
    .slice(0, 120);

// ---- formulas typed as text ---------------------------------------------------------------------

/**
 * Text that a spreadsheet would run as a formula when the data is exported again (CSV injection):
 * checked after NFKC, so the full-width ＝＋－＠ an input method types are caught as well. A phone
 * or number with a leading + or - ("+86 512 6300 1234", "-12") and a bare "-" placeholder are fine.
 */
export function formulaLikeText(cell: string): string | null {
  const text = cell.normalize('NFKC').replace(/^[\s\u200b\ufeff]+/, '').trimEnd();
  const lead = text[0];
  if (lead === undefined || !'=+-@'.includes(lead) || text.length < 2) return null;
  if (lead !== '=' && lead !== '@' && /^[+-][\d\s().-]*\d[\d\s().-]*$/.test(text)) return null;
  if (/^-+$/.test(text)) return null;
  return `「${text.slice(0, 40)}」以“${lead}”开头，会被表格软件当作公式执行，不予导入。请删去开头的符号或改为纯文本`;
}

type FieldResult = { value?: RosterValues[keyof RosterValues]; error?: string; written?: string };

/** The caps of the enterprise schema, so a roster row and the enterprise form refuse the same text. */
const cappedFields = ['name', 'address', 'industry', 'contactPerson', 'assignedOfficer', 'linkedLeader'] as const;

function capError(field: (typeof cappedFields)[number], text: string): string | undefined {
  const check = enterpriseSchema.shape[field].safeParse(text);
  return check.success ? undefined : `${check.error.issues[0]?.message ?? '内容过长'}（本行 ${[...text].length} 个字符）`;
}

function readField(field: RosterField, cell: RosterCell, townLookup: Map<string, TownMatch>): FieldResult {
  if (field === 'contactPhone') return readPhone(cell);
  const text = cell === null ? '' : typeof cell === 'number' ? numberText(cell) : normalizeCellText(String(cell));
  if (text === '') return {};
  if ((cappedFields as readonly string[]).includes(field)) {
    const error = capError(field as (typeof cappedFields)[number], text);
    if (error) return { error };
  }
  switch (field) {
    case 'name':
      return { value: text.replace(/\(/g, '（').replace(/\)/g, '）') }; // company names use full-width brackets
    case 'creditCode': {
      const check = checkCreditCode(compactCellText(text));
      return check.ok ? { value: check.code } : { error: `「${text}」${check.message}` };
    }
    case 'town': {
      const match = lookupTown(townLookup, text);
      if (!match) return { error: `「${text}」不在区镇列表中，也不是已知的别名（区镇和别名可在设置中维护）` };
      return match.exact ? { value: match.town } : { value: match.town, written: text };
    }
    case 'foreignSource':
      return { value: foreignSourceOf(text) };
    case 'serviceTier': {
      const tier = serviceTierOf(text);
      return tier ? { value: tier } : { error: `「${text}」无法识别，应为 A、B 或 C` };
    }
    case 'isKeyEnterprise':
    case 'isAboveScale': {
      if (/^(是|√|✓|y|yes|1|true|重点|规上)$/i.test(text)) return { value: true };
      if (/^(否|×|n|no|0|false|-)$/i.test(text)) return { value: false };
      return { error: `「${text}」应填“是”或“否”` };
    }
    default:
      return { value: text };
  }
}

/** A number as its plain digits (never 1.38E+10). */
function numberText(n: number): string {
  return Number.isInteger(n) ? BigInt(n).toString() : String(n);
}

/**
 * Phones typed into Excel as numbers lose digits: shown as 1.38E+10 they are saved that way to CSV,
 * and a landline's leading 0 vanishes. Such a phone is rejected rather than stored wrong.
 */
function readPhone(cell: RosterCell): FieldResult {
  if (cell === null) return {};
  if (typeof cell === 'number') {
    const digits = numberText(cell);
    if (/^1[3-9]\d{9}$/.test(digits)) return { value: digits };
    return { error: `「${digits}」以数字保存，号码位数已丢失（手机应为11位，座机区号的0会丢失）。请把该列设为文本后重新填写` };
  }
  const text = normalizeCellText(String(cell));
  if (text === '') return {};
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(text)) {
    return { error: `「${text}」是科学计数法，号码位数已丢失。请在 Excel 中把该列设为文本后重新导出` };
  }
  const digits = text.replace(/\D/g, '');
  if (digits.length < 7) return { error: `「${text}」位数不足，不像电话号码` };
  if (/^1\d*$/.test(text) && digits.length !== 11) return { error: `「${text}」是 ${digits.length} 位，手机号应为11位` };
  return { value: text };
}

const townKey = (text: string) => compactCellText(text.normalize('NFKC'));

interface TownMatch {
  town: string;
  /** Written exactly as the town's own name (no alias involved). */
  exact: boolean;
}

/**
 * Each town by its full name, by each part ("汾湖高新区（黎里镇）" answers to "黎里镇" too) and by its
 * aliases. An alias whose town is not in the list (renamed or removed in 设置) explains nothing.
 */
function buildTownLookup(towns: readonly string[], aliases: Readonly<Record<string, string>>): Map<string, TownMatch> {
  const lookup = new Map<string, TownMatch>();
  for (const town of towns) lookup.set(townKey(town), { town, exact: true });
  for (const town of towns) {
    for (const part of townKey(town).split(/[()]/)) if (part.length >= 2 && !lookup.has(part)) lookup.set(part, { town, exact: false });
  }
  for (const [alias, target] of Object.entries(aliases)) {
    const key = townKey(alias);
    const town = lookup.get(townKey(target))?.town;
    if (key && town && !lookup.has(key)) lookup.set(key, { town, exact: false });
  }
  return lookup;
}

/** Rosters often prefix the district ("吴江区平望镇", "苏州市吴江区松陵街道"); the prefix names no town. */
const districtPrefix = /^(江苏省)?(苏州市)?(吴江区|吴江市)/;

function lookupTown(lookup: Map<string, TownMatch>, text: string): TownMatch | undefined {
  const key = townKey(text);
  const found = lookup.get(key);
  if (found) return found;
  const bare = key.replace(districtPrefix, '');
  const viaBare = bare && bare !== key ? lookup.get(bare) : undefined;
  return viaBare ? { town: viaBare.town, exact: false } : undefined;
}

const regionWords: [ForeignSource, RegExp][] = [
  ['港澳台', /港|澳门|台湾|中国台|hong ?kong|macao|macau|taiwan/i],
  ['日韩', /日本|韩国|japan|korea/i],
  [
    '欧美',
    /欧|美国|美洲|加拿大|德国|法国|英国|意大利|荷兰|瑞士|瑞典|丹麦|芬兰|挪威|比利时|奥地利|西班牙|葡萄牙|爱尔兰|卢森堡|usa|america|germany|france|uk|europe/i,
  ],
];

function foreignSourceOf(text: string): ForeignSource {
  if ((foreignSources as readonly string[]).includes(text)) return text as ForeignSource;
  for (const [source, pattern] of regionWords) if (pattern.test(text)) return source;
  return '其他';
}

function serviceTierOf(text: string): ServiceTier | undefined {
  const t = text.toUpperCase().replace(/[类级档]/g, '');
  if (t === 'A' || t === '一' || t === '1') return 'A';
  if (t === 'B' || t === '二' || t === '2') return 'B';
  if (t === 'C' || t === '三' || t === '3') return 'C';
  return undefined;
}

// ---- sorting good rows into adds and updates -------------------------------------------------

export interface RosterChange {
  field: RosterField;
  label: string;
  from: string;
  to: string;
}

export interface RosterUpdate {
  row: number;
  existing: Enterprise;
  values: RosterGoodRow['values'];
  changes: RosterChange[];
  townWritten?: string;
}

export interface RosterClassified {
  adds: RosterGoodRow[];
  updates: RosterUpdate[];
  unchanged: { row: number; existing: Enterprise }[];
}

const shown = (value: unknown): string =>
  value === undefined || value === null ? '' : value === true ? '是' : value === false ? '否' : String(value);

/** `existingByCode`: the live enterprises whose credit code appears in the file. */
export function classifyRosterRows(good: readonly RosterGoodRow[], existingByCode: ReadonlyMap<string, Enterprise>): RosterClassified {
  const result: RosterClassified = { adds: [], updates: [], unchanged: [] };
  for (const row of good) {
    const existing = existingByCode.get(row.values.creditCode);
    if (!existing) {
      result.adds.push(row);
      continue;
    }
    const changes: RosterChange[] = [];
    for (const [field, value] of Object.entries(row.values) as [RosterField, unknown][]) {
      const before = shown((existing as Record<string, unknown>)[field]);
      const after = shown(value);
      if (before !== after) changes.push({ field, label: rosterFieldLabel(field), from: before, to: after });
    }
    if (changes.length > 0) {
      result.updates.push({ row: row.row, existing, values: row.values, changes, ...(row.townWritten ? { townWritten: row.townWritten } : {}) });
    }
    else result.unchanged.push({ row: row.row, existing });
  }
  return result;
}
