// 签到表: the sign-in sheet of an activity (Excel or CSV) read into the enterprises that came and who
// came for each. The file is read by the roster reader (shared/roster/readRosterFile.ts, in the roster
// worker, with its limits against hostile files); the header is found among the first rows with the
// roster's column names (企业名称, 统一社会信用代码 and their variants) plus the sign-in sheet's own
// (参会人员/姓名, 职务, 联系电话); footer rows (合计, 填表人, 备注…) are skipped as in the roster import.
// Each row is matched to the roster by its credit code, or else by its name (written as the roster
// writes names: full-width brackets, no spaces); the rows naming no enterprise of the roster are listed,
// each with its row number and why. Several rows of one enterprise (one per person) make one attendee.
// Nothing here writes. Pure.
import { checkCreditCode } from '../creditCode';
import { compactCellText, normalizeCellText } from '../roster/normalizeCellText';
import type { RosterCell, RosterSheet } from '../roster/readRosterFile';
import { fieldForHeader } from '../roster/rosterColumns';
import { columnLetter, formulaLikeText, isFooterRow } from '../roster/rosterRows';

export type SignInColumn = 'name' | 'creditCode' | 'person' | 'title' | 'phone';

const signInLabels: Record<SignInColumn, string> = {
  name: '企业名称',
  creditCode: '统一社会信用代码',
  person: '参会人员',
  title: '职务',
  phone: '联系电话',
};

const personHeaders = ['参会人员', '参加人员', '参会人', '参会代表', '出席人员', '签到人', '签名', '本人签名', '姓名', '人员姓名', '参会人姓名', '代表姓名'];
const titleHeaders = ['职务', '职位', '职务/职称', '岗位'];

/** The column a sign-in sheet's header names, or null. */
export function signInColumnFor(header: string): SignInColumn | null {
  const text = compactCellText(header).replace(/[*:：]/g, '');
  if (!text) return null;
  if (personHeaders.includes(text)) return 'person';
  if (titleHeaders.includes(text)) return 'title';
  const roster = fieldForHeader(text);
  if (roster === 'name') return 'name';
  if (roster === 'creditCode') return 'creditCode';
  if (roster === 'contactPhone') return 'phone';
  if (roster === 'contactPerson') return 'person';
  return null;
}

export type SignInMapping = Partial<Record<SignInColumn, number>>;

/** The header row among the first ten: the first that names the enterprise column and one other known column. */
export function findSignInHeader(sheet: RosterSheet): { index: number; mapping: SignInMapping } | null {
  for (let r = 0; r < Math.min(10, sheet.rows.length); r++) {
    const mapping: SignInMapping = {};
    (sheet.rows[r] ?? []).forEach((cell, column) => {
      if (typeof cell !== 'string') return;
      const field = signInColumnFor(cell);
      if (field && mapping[field] === undefined) mapping[field] = column;
    });
    if (mapping.name !== undefined && Object.keys(mapping).length >= 2) return { index: r, mapping };
  }
  return null;
}

/** A name as the roster stores it, compared without spaces and with full-width brackets. */
export function enterpriseNameKey(name: string): string {
  return compactCellText(name.normalize('NFKC')).replace(/\(/g, '（').replace(/\)/g, '）');
}

export interface SignInEnterprise {
  id: string;
  name: string;
  creditCode: string;
  town?: string;
}

/** The live roster enterprises the file names: by credit code, and by name key (a name may be shared). */
export interface SignInLookup {
  byCode: ReadonlyMap<string, SignInEnterprise>;
  byName: ReadonlyMap<string, readonly SignInEnterprise[]>;
}

export interface SignInMatch {
  enterprise: SignInEnterprise;
  /** Row numbers as the officer sees them in the file. */
  rows: number[];
  /** Who came: 姓名（职务）, joined with 、 in the file's order. */
  people: string;
  /** How it was recognised. */
  by: 'creditCode' | 'name';
}

export interface SignInUnknown {
  row: number;
  name: string;
  creditCode: string;
  reason: string;
}

export interface SignInReject {
  row: number;
  /** Where and why, e.g. "B列「统一社会信用代码」「9132…」校验位不正确". */
  message: string;
}

export interface SignInResult {
  headerRow: number;
  matched: SignInMatch[];
  unknown: SignInUnknown[];
  rejects: SignInReject[];
  skipped: { row: number; text: string }[];
}

/** What the rows give, before matching: the candidate keys a repository looks up in the roster. */
export function signInKeys(sheet: RosterSheet, header: { index: number; mapping: SignInMapping }): { codes: string[]; names: string[] } {
  const codes = new Set<string>();
  const names = new Set<string>();
  for (let r = header.index + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]!;
    const code = textAt(cells, header.mapping.creditCode);
    const checked = code ? checkCreditCode(compactCellText(code)) : undefined;
    if (checked?.ok) codes.add(checked.code);
    const name = textAt(cells, header.mapping.name);
    if (name) names.add(enterpriseNameKey(name));
  }
  return { codes: [...codes], names: [...names] };
}

function textAt(cells: readonly RosterCell[], column: number | undefined): string {
  if (column === undefined) return '';
  const cell = cells[column] ?? null;
  if (cell === null || typeof cell === 'object') return '';
  return normalizeCellText(typeof cell === 'number' ? (Number.isInteger(cell) ? BigInt(cell).toString() : String(cell)) : String(cell));
}

/**
 * Reads the rows under the header and matches them to the roster. A formula, a formula-like text or a
 * credit code that fails its check rejects its row, named by row and column; a row naming no roster
 * enterprise is listed as unknown; the rest are the attendees, one per enterprise.
 */
export function matchSignInSheet(
  sheet: RosterSheet,
  header: { index: number; mapping: SignInMapping },
  lookup: SignInLookup,
): SignInResult {
  const { mapping } = header;
  const result: SignInResult = { headerRow: sheet.rowNumbers[header.index] ?? header.index + 1, matched: [], unknown: [], rejects: [], skipped: [] };
  const byEnterprise = new Map<string, SignInMatch>();
  const where = (field: SignInColumn) => `${columnLetter(mapping[field] ?? 0)}列「${signInLabels[field]}」`;

  for (let r = header.index + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]!;
    const row = sheet.rowNumbers[r] ?? r + 1;
    if (cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))) continue;
    const creditCell = mapping.creditCode === undefined ? null : (cells[mapping.creditCode] ?? null);
    if (isFooterRow(cells, creditCell)) {
      result.skipped.push({ row, text: cells.filter((c) => typeof c === 'string' || typeof c === 'number').join('　').slice(0, 120) });
      continue;
    }
    const problems: string[] = [];
    for (const field of Object.keys(mapping) as SignInColumn[]) {
      const cell = cells[mapping[field]!] ?? null;
      if (cell !== null && typeof cell === 'object') problems.push(`${where(field)}是公式（=${cell.formula.slice(0, 40)}），请复制后「选择性粘贴为数值」再导入`);
      else if (typeof cell === 'string') {
        const formula = formulaLikeText(cell);
        if (formula) problems.push(`${where(field)}${formula}`);
      }
    }
    const name = textAt(cells, mapping.name);
    const codeText = textAt(cells, mapping.creditCode);
    let code = '';
    if (problems.length === 0 && codeText) {
      const checked = checkCreditCode(compactCellText(codeText));
      if (checked.ok) code = checked.code;
      else problems.push(`${where('creditCode')}「${codeText}」${checked.message}`);
    }
    if (problems.length === 0 && !name && !code) problems.push(`${where('name')}为空，无法识别是哪家企业`);
    if (problems.length > 0) {
      result.rejects.push({ row, message: problems.join('；') });
      continue;
    }

    let enterprise: SignInEnterprise | undefined;
    let by: SignInMatch['by'] = 'creditCode';
    let reason = '名录中没有该企业，请先在企业名录中新增或导入名单';
    if (code) enterprise = lookup.byCode.get(code);
    if (!enterprise && name) {
      const sameName = lookup.byName.get(enterpriseNameKey(name)) ?? [];
      if (sameName.length > 1) reason = `名录中有 ${sameName.length} 家同名企业，请在表中填写统一社会信用代码`;
      else if (sameName.length === 1 && code && sameName[0]!.creditCode !== code) {
        reason = `名录中的「${sameName[0]!.name}」信用代码为 ${sameName[0]!.creditCode}，与表中的 ${code} 不一致`;
      } else if (sameName.length === 1) {
        enterprise = sameName[0];
        by = 'name';
      }
    }
    if (!enterprise) {
      result.unknown.push({ row, name, creditCode: code || codeText, reason });
      continue;
    }
    const person = textAt(cells, mapping.person);
    const title = textAt(cells, mapping.title);
    const who = person ? (title ? `${person}（${title}）` : person) : '';
    const match = byEnterprise.get(enterprise.id);
    if (match) {
      match.rows.push(row);
      if (who && !match.people.split('、').includes(who)) match.people = match.people ? `${match.people}、${who}` : who;
    } else {
      const entry: SignInMatch = { enterprise, rows: [row], people: who, by };
      byEnterprise.set(enterprise.id, entry);
      result.matched.push(entry);
    }
  }
  return result;
}
