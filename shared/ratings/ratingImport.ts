// A round's forms from a workbook (read by the roster reader, shared/roster/readRosterFile.ts): one row
// per form, a header row naming 企业名称 and/or 统一社会信用代码, 评议对象, one column per question of the
// round (its exact name) and optionally 意见建议. An enterprise is found by credit code, else by name;
// the target must be one the round rates; each answer is read as the entry form reads it. Every bad
// cell is named by row and column in Chinese; the caller saves nothing unless there is none. Pure.
import type { RatingRound, RatingTargetKind } from '../domain/ratingRecords';
import { compactCellText, normalizeCellText } from '../roster/normalizeCellText';
import type { RosterCell, RosterSheet } from '../roster/readRosterFile';
import { parseRatingInput, readAnswer, type RatingInput } from './ratingInput';

export interface RatingImportIssue {
  /** The row as the officer sees it in the workbook (1-based); 0 for the sheet as a whole. */
  row: number;
  message: string;
}

export interface RatingImportPreview {
  forms: (RatingInput & { row: number; enterpriseName: string })[];
  issues: RatingImportIssue[];
  /** Rows with nothing in them, passed over. */
  blankRows: number;
}

export interface ImportEnterprise {
  id: string;
  name: string;
  creditCode: string;
}

const nameHeaders = ['企业名称', '企业', '单位名称'];
const codeHeaders = ['统一社会信用代码', '信用代码', '社会信用代码'];
const targetHeaders = ['评议对象', '被评议单位', '测评对象'];
const commentHeaders = ['意见建议', '意见和建议', '意见', '建议'];

function cellText(cell: RosterCell | undefined): string | { formula: string } {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return cell;
  return normalizeCellText(String(cell));
}

export function previewRatingImport(
  sheet: RosterSheet,
  round: Pick<RatingRound, 'departments' | 'towns' | 'questions' | 'scale'>,
  enterprises: readonly ImportEnterprise[],
): RatingImportPreview {
  const issues: RatingImportIssue[] = [];
  const forms: RatingImportPreview['forms'] = [];
  const headerAt = sheet.rows.slice(0, 10).findIndex((row) => row.some((cell) => targetHeaders.includes(compactCellText(String(cell ?? '')))));
  if (headerAt < 0) {
    return { forms, issues: [{ row: 0, message: '没有找到表头：表头行应有“评议对象”一列，以及“企业名称”或“统一社会信用代码”' }], blankRows: 0 };
  }
  const header = sheet.rows[headerAt]!.map((cell) => compactCellText(String(cell ?? '')));
  const column = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const nameCol = column(nameHeaders);
  const codeCol = column(codeHeaders);
  const targetCol = column(targetHeaders);
  const commentCol = column(commentHeaders);
  const questionCols = round.questions.map((q) => ({ question: q, col: header.indexOf(compactCellText(q)) }));
  const headerRow = sheet.rowNumbers[headerAt] ?? headerAt + 1;
  if (nameCol < 0 && codeCol < 0) issues.push({ row: headerRow, message: `第 ${headerRow} 行（表头）：缺少“企业名称”或“统一社会信用代码”列` });
  if (questionCols.every((q) => q.col < 0)) {
    issues.push({ row: headerRow, message: `第 ${headerRow} 行（表头）：没有本轮评议项目的列（应为 ${round.questions.join('、')}）` });
  }
  if (issues.length > 0) return { forms, issues, blankRows: 0 };

  const byCode = new Map(enterprises.filter((e) => e.creditCode).map((e) => [compactCellText(e.creditCode).toUpperCase(), e]));
  const byName = new Map<string, ImportEnterprise[]>();
  for (const e of enterprises) byName.set(compactCellText(e.name), [...(byName.get(compactCellText(e.name)) ?? []), e]);
  const seen = new Map<string, number>();
  let blankRows = 0;

  sheet.rows.slice(headerAt + 1).forEach((cells, i) => {
    const row = sheet.rowNumbers[headerAt + 1 + i] ?? headerAt + 2 + i;
    const at = (field: string, message: string) => issues.push({ row, message: `第 ${row} 行「${field}」：${message}` });
    if (cells.every((cell) => cellText(cell) === '')) {
      blankRows += 1;
      return;
    }
    const text = (col: number, field: string): string | undefined => {
      if (col < 0) return '';
      const value = cellText(cells[col]);
      if (typeof value === 'object') {
        at(field, '是公式，请改为直接填写内容');
        return undefined;
      }
      return value;
    };
    const name = text(nameCol, '企业名称');
    const code = text(codeCol, '统一社会信用代码');
    const target = text(targetCol, '评议对象');
    const comment = text(commentCol, '意见建议');
    let enterprise: ImportEnterprise | undefined;
    if (code) {
      enterprise = byCode.get(compactCellText(code).toUpperCase());
      if (!enterprise) at('统一社会信用代码', `企业名录中没有信用代码为 ${code} 的企业`);
    } else if (name) {
      const found = byName.get(compactCellText(name)) ?? [];
      if (found.length === 1) enterprise = found[0];
      else if (found.length === 0) at('企业名称', `企业名录中没有「${name}」，请先在名录中添加或改用统一社会信用代码`);
      else at('企业名称', `名录中有 ${found.length} 家企业叫「${name}」，请填写统一社会信用代码`);
    } else if (name !== undefined && code !== undefined) {
      at(nameCol >= 0 ? '企业名称' : '统一社会信用代码', '未填写');
    }
    let kind: RatingTargetKind | undefined;
    if (target === '') at('评议对象', '未填写');
    else if (target !== undefined) {
      kind = round.departments.includes(target) ? 'department' : round.towns.includes(target) ? 'town' : undefined;
      if (!kind) at('评议对象', `「${target}」不是本轮评议的部门或区镇`);
    }
    const answers: Record<string, unknown> = {};
    let answerIssues = false;
    for (const { question, col } of questionCols) {
      if (col < 0) continue;
      const cell = cells[col];
      if (cell !== null && typeof cell === 'object') {
        at(question, '是公式，请改为直接填写内容');
        answerIssues = true;
        continue;
      }
      const read = readAnswer(round.scale, typeof cell === 'number' ? cell : cellText(cell));
      if ('message' in read) {
        at(question, read.message);
        answerIssues = true;
      } else if (read.value !== undefined) answers[question] = read.value;
    }
    if (!answerIssues && Object.keys(answers).length === 0) at(round.questions.join('、'), '没有填写任何评议结果');
    if (comment !== undefined && comment.length > 500) at('意见建议', '不能超过 500 个字符');
    if (!enterprise || !kind || target === undefined || comment === undefined) return;
    const key = `${enterprise.id}|${kind}|${target}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      at('评议对象', `与第 ${earlier} 行是同一企业对「${target}」的评议表，请删去一行`);
      return;
    }
    seen.set(key, row);
    if (answerIssues || Object.keys(answers).length === 0 || (comment ?? '').length > 500) return;
    const form = parseRatingInput({ enterpriseId: enterprise.id, targetKind: kind, target, answers, comment }, round);
    forms.push({ ...form, row, enterpriseName: enterprise.name });
  });
  return { forms, issues, blankRows };
}
