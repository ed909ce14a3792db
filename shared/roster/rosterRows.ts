// Checks every data row of a roster against the column mapping the user confirmed, and sorts the
// good rows into new enterprises and updates of existing ones (matched by credit code). Nothing
// here writes: the preview is built from this, and the import writes only what it lists.
import { checkCreditCode } from '../creditCode';
import { foreignSources, serviceTiers, type Enterprise } from '../domain/records';
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
}

export interface RosterRowsResult {
  good: RosterGoodRow[];
  rejects: RosterReject[];
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

/** Checks the rows below `headerIndex`. `towns` are the settings' 区镇 (a value must name one). */
export function checkRosterRows(
  sheet: RosterSheet,
  headerIndex: number,
  mapping: ColumnMapping,
  towns: readonly string[],
): RosterRowsResult {
  const good: RosterGoodRow[] = [];
  const rejects: RosterReject[] = [];
  const firstRowOfCode = new Map<string, number>();
  const columnOf = new Map<RosterField, number>();
  mapping.forEach((field, index) => {
    if (field && !columnOf.has(field)) columnOf.set(field, index);
  });
  const where = (field: RosterField) => `${columnLetter(columnOf.get(field) ?? 0)}列「${rosterFieldLabel(field)}」`;
  const townLookup = buildTownLookup(towns);

  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]!;
    const rowNumber = sheet.rowNumbers[r]!;
    const issues: RosterIssue[] = [];
    const values: RosterValues = {};

    for (const [field, col] of columnOf) {
      const cell = cells[col] ?? null;
      if (cell !== null && typeof cell === 'object') {
        issues.push({ field, column: where(field), message: `是公式（=${cell.formula.slice(0, 40)}），请复制后「选择性粘贴为数值」再导入` });
        continue;
      }
      const result = readField(field, cell, townLookup);
      if (result.error) issues.push({ field, column: where(field), message: result.error });
      else if (result.value !== undefined) (values as Record<string, unknown>)[field] = result.value;
    }

    if (cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))) continue;
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
    else good.push({ row: rowNumber, values: values as RosterGoodRow['values'] });
  }
  return { good, rejects };
}

type FieldResult = { value?: RosterValues[keyof RosterValues]; error?: string };

function readField(field: RosterField, cell: RosterCell, townLookup: Map<string, string>): FieldResult {
  if (field === 'contactPhone') return readPhone(cell);
  const text = cell === null ? '' : typeof cell === 'number' ? numberText(cell) : normalizeCellText(String(cell));
  if (text === '') return {};
  switch (field) {
    case 'name':
      return { value: text.replace(/\(/g, '（').replace(/\)/g, '）') }; // company names use full-width brackets
    case 'creditCode': {
      const check = checkCreditCode(compactCellText(text));
      return check.ok ? { value: check.code } : { error: `「${text}」${check.message}` };
    }
    case 'town': {
      const town = townLookup.get(townKey(text));
      return town ? { value: town } : { error: `「${text}」不在区镇列表中（区镇列表可在设置中维护）` };
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

const townKey = (text: string) => compactCellText(text);

/** Each town by its full name and by each part ("汾湖高新区（黎里镇）" answers to "黎里镇" too). */
function buildTownLookup(towns: readonly string[]): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const town of towns) {
    const key = townKey(town);
    lookup.set(key, town);
    for (const part of key.split(/[()]/)) if (part.length >= 2 && !lookup.has(part)) lookup.set(part, town);
  }
  return lookup;
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
    if (changes.length > 0) result.updates.push({ row: row.row, existing, values: row.values, changes });
    else result.unchanged.push({ row: row.row, existing });
  }
  return result;
}
