// The figures of an enterprise's monthly operations (经营数据, seed 004: 产值、新增投资应统尽统), what
// each is called and counted in, and how a typed figure is read. One list, so the form, the rules,
// the jump check and the trend charts name every figure the same way. Pure.
import type { OperationReport } from '../domain/records';

export const operationFigureKeys = [
  'outputValue',
  'outputValueYtd',
  'employees',
  'vacancies',
  'orderMonths',
  'newInvestmentYtd',
  'exports',
] as const;
export type OperationFigureKey = (typeof operationFigureKeys)[number];

/** The figures of one month; an absent one was not given. */
export type OperationFigures = Partial<Pick<OperationReport, OperationFigureKey>>;

export interface OperationFigureSpec {
  key: OperationFigureKey;
  /** The field's name on the form and in every message. */
  label: string;
  unit: '万元' | '人' | '个月';
  /** People are counted whole. */
  integer: boolean;
  /** A running total from January (本年累计): never below an earlier month's of the same year. */
  yearToDate: boolean;
}

export const operationFigureSpecs: readonly OperationFigureSpec[] = [
  { key: 'outputValue', label: '本月产值', unit: '万元', integer: false, yearToDate: false },
  { key: 'outputValueYtd', label: '本年累计产值', unit: '万元', integer: false, yearToDate: true },
  { key: 'employees', label: '用工人数', unit: '人', integer: true, yearToDate: false },
  { key: 'vacancies', label: '缺工人数', unit: '人', integer: true, yearToDate: false },
  { key: 'orderMonths', label: '在手订单', unit: '个月', integer: false, yearToDate: false },
  { key: 'newInvestmentYtd', label: '本年新增投资', unit: '万元', integer: false, yearToDate: true },
  { key: 'exports', label: '本月出口额', unit: '万元', integer: false, yearToDate: false },
];

export const operationFigureSpec = (key: OperationFigureKey): OperationFigureSpec =>
  operationFigureSpecs.find((spec) => spec.key === key)!;

/** What a figure's message says it should look like. */
function expected(spec: OperationFigureSpec): string {
  return spec.integer ? `${spec.label}应为整数（${spec.unit}），如 320` : `${spec.label}应为数字（${spec.unit}），如 1200 或 1200.5`;
}

/**
 * A figure as typed (text from the form, a number from a package or a test) → the number, or
 * undefined when left empty; a Chinese message when it is not a figure of its kind. Full-width digits
 * and thousands separators (1,200 / １，２００) are read as the officer meant them; a unit typed
 * after the number (1200万元) is not guessed at.
 */
export function readFigure(spec: OperationFigureSpec, raw: unknown): { value?: number } | { message: string } {
  if (raw === undefined || raw === null) return {};
  let value: number;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { message: expected(spec) };
    value = raw;
  } else if (typeof raw === 'string') {
    const plain = raw.normalize('NFKC').replace(/[\s,]/g, '');
    if (plain === '') return {};
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return { message: expected(spec) };
    value = Number(plain);
  } else {
    return { message: expected(spec) };
  }
  if (value < 0) return { message: `${spec.label}不能为负数` };
  if (spec.integer && !Number.isInteger(value)) return { message: expected(spec) };
  // -0 typed as "-0" is zero.
  return { value: value === 0 ? 0 : value };
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A figure for the officer: 1,200.5 万元 / 320 人 / 3 个月; 未填 when absent. */
export function formatFigure(spec: OperationFigureSpec, value: number | undefined): string {
  return value === undefined ? '未填' : `${numberFormat.format(value)} ${spec.unit}`;
}
