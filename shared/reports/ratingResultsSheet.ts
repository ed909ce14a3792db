// Layout of the 评议结果 workbook (评议 → 导出结果) and of the 社会责任先进企业 list, through the same
// SheetSpec → SheetWriter pipeline as every report, so they print the same way (A4 landscape, one page
// wide, titles repeated): sheet 评议结果 has a ranked table of departments and one of towns (份数, each
// question and 总体 as 满意率 or mean score, the rank or 样本不足); sheet 意见建议 lists every comment;
// sheet 社会责任先进企业 the year's candidates ranked by weighted score. Pure.
import { csrCriteria, csrCriterionLabels, ratingScaleLabels, type CsrWeights, type RatingRound } from '../domain/ratingRecords';
import type { CsrScore } from '../ratings/csrScore';
import type { RoundResults, TargetResult } from '../ratings/ratingResults';
import type { CellValue, ColumnSpec, SheetRow, SheetSpec } from './sheetSpec';
import { figureRows, figureSheetSpec } from './summarySheet';

export const RATING_RESULTS_SHEET_NAME = '评议结果';
export const RATING_COMMENTS_SHEET_NAME = '意见建议';
export const CSR_SHEET_NAME = '社会责任先进企业';

export interface RatingExportMeta {
  /** The day of the export, `YYYY-MM-DD`. */
  today: string;
  /** The exporting unit (设置 → 单位), '' when not set. */
  unit: string;
}

export function ratingResultsFileName(round: Pick<RatingRound, 'name'>, today: string): string {
  return `${round.name.replace(/[\\/:*?"<>|]/g, '_')}-评议结果-${today}.xlsx`;
}

/** What a target's row says beside its figures. */
function noteOf(r: TargetResult, minResponses: number): string {
  const notes = [
    r.responses === 0 ? '未收到评议表' : r.lowCount ? `样本不足（少于 ${minResponses} 份），不参与排名` : '',
    r.notInRound ? '已不在本轮评议对象中' : '',
  ];
  return notes.filter((n) => n !== '').join('；');
}

export function ratingResultsSheetSpec(round: RatingRound, results: RoundResults, meta: RatingExportMeta): SheetSpec {
  const valueType = results.scale === 'satisfaction' ? 'percent' : 'number';
  const columns: ColumnSpec[] = [
    { header: '评议对象', width: 22, type: 'text' },
    { header: '排名', width: 6, type: 'integer' },
    { header: '份数', width: 6, type: 'integer' },
    ...round.questions.map((q): ColumnSpec => ({ header: q, width: Math.max(9, q.length * 2 + 2), type: valueType })),
    { header: '总体', width: 9, type: valueType },
    { header: '说明', width: 26, type: 'text' },
  ];
  const measure = results.scale === 'satisfaction' ? '满意率＝（满意＋基本满意）÷ 该项答卷数' : '平均分（1–5 分）';
  return figureSheetSpec({
    name: RATING_RESULTS_SHEET_NAME,
    title: `${round.name}评议结果${meta.unit ? `（${meta.unit}）` : ''}`,
    infoLines: [
      `评议期间：${round.startDate} 至 ${round.endDate}\u3000\u3000评分方式：${ratingScaleLabels[round.scale]}\u3000\u3000导出日期：${meta.today}`,
      `共收回评议表 ${results.responses} 份（${results.enterprises} 家企业）；${measure}；总体为全部答案合计；少于 ${results.minResponses} 份的对象只列数据、不参与排名`,
    ],
    columns,
  });
}

export function ratingResultsSheetRows(round: RatingRound, results: RoundResults): SheetRow[] {
  const { section, header, data } = figureRows;
  const rows: SheetRow[] = [];
  const head = (what: string): CellValue[] => [what, '排名', '份数', ...round.questions, '总体', '说明'];
  const cells = (r: TargetResult): CellValue[] => [r.target, r.rank, r.responses, ...r.questions.map((q) => q.value), r.overall, noteOf(r, results.minResponses)];
  let n = 0;
  const table = (title: string, what: string, list: TargetResult[]) => {
    if (list.length === 0) return;
    rows.push(section(n++, title));
    rows.push(header(...head(what)));
    for (const r of list) rows.push(data(...cells(r)));
  };
  table('部门评议（千家外商投资企业评议机关）', '部门', results.departments);
  table('区镇投资环境测评', '区镇', results.towns);
  return rows;
}

export function ratingCommentsSheetSpec(round: RatingRound, count: number, meta: RatingExportMeta): SheetSpec {
  return {
    name: RATING_COMMENTS_SHEET_NAME,
    title: `${round.name}企业意见建议`,
    infoLines: [`共 ${count} 条\u3000\u3000导出日期：${meta.today}`],
    columns: [
      { header: '序号', width: 6, type: 'integer' },
      { header: '评议对象', width: 22, type: 'text' },
      { header: '企业名称', width: 26, type: 'text' },
      { header: '意见建议', width: 70, type: 'text' },
    ],
    columnHeader: true,
    emptyText: '没有意见建议',
  };
}

export function ratingCommentsSheetRows(results: RoundResults): SheetRow[] {
  const rows: SheetRow[] = [];
  for (const r of [...results.departments, ...results.towns]) {
    for (const c of r.comments) rows.push({ kind: 'data', cells: [rows.length + 1, r.target, c.enterpriseName, c.comment] });
  }
  return rows;
}

// ── 社会责任先进企业 ──

export interface CsrRow extends CsrScore {
  enterpriseName: string;
  town: string;
}

export function csrFileName(year: number, today: string): string {
  return `${year}年社会责任先进企业候选名单-${today}.xlsx`;
}

export function csrSheetSpec(year: number, weights: CsrWeights, count: number, meta: RatingExportMeta): SheetSpec {
  const weightText = csrCriteria.map((c) => `${csrCriterionLabels[c].replace(/（.*）/, '')} ${weights[c]}`).join('、');
  return {
    name: CSR_SHEET_NAME,
    title: `${year} 年外商投资“社会责任先进企业”候选名单${meta.unit ? `（${meta.unit}）` : ''}`,
    infoLines: [
      `共 ${count} 家\u3000\u3000权重：${weightText}\u3000\u3000导出日期：${meta.today}`,
      '得分：纳税、就业、公益按本年候选企业最高者折算为 100 分，环保、劳动关系按等级（优秀 100、良好 80、一般 60、较差 0），再按权重加权平均；环保或劳动关系较差的不参与排名',
    ],
    columns: [
      { header: '排名', width: 6, type: 'integer' },
      { header: '企业名称', width: 26, type: 'text' },
      { header: '所属区镇', width: 14, type: 'text' },
      { header: '纳税（万元）', width: 12, type: 'number' },
      { header: '安排就业（人）', width: 10, type: 'integer' },
      { header: '公益捐助（万元）', width: 12, type: 'number' },
      { header: '环境保护', width: 8, type: 'text' },
      { header: '劳动关系', width: 8, type: 'text' },
      { header: '得分', width: 8, type: 'number' },
      { header: '说明', width: 24, type: 'text' },
    ],
    columnHeader: true,
    emptyText: '本年尚无候选企业',
  };
}

export function csrSheetRows(rows: readonly CsrRow[]): SheetRow[] {
  return rows.map((r) => ({
    kind: 'data',
    cells: [
      r.rank,
      r.enterpriseName,
      r.town,
      r.candidate.taxPaid,
      r.candidate.jobs,
      r.candidate.welfare,
      r.candidate.environment,
      r.candidate.labour,
      r.total,
      [r.excluded, r.candidate.note].filter((t) => t !== '').join('；'),
    ],
  }));
}

// ── 导入模板 ──

export const RATING_TEMPLATE_SHEET_NAME = '评议表';

export function ratingTemplateFileName(round: Pick<RatingRound, 'name'>): string {
  return `${round.name.replace(/[\\/:*?"<>|]/g, '_')}-评议表导入模板.xlsx`;
}

/**
 * The blank workbook 导入评议表 reads: the columns it looks for (企业名称, 统一社会信用代码, 评议对象, one
 * per question of the round, 意见建议) under a title and a line saying how to fill them in, so a clerk
 * collecting the paper forms types them in the shape the import expects.
 */
export function ratingTemplateSheetSpec(round: RatingRound): SheetSpec {
  const answers = round.scale === 'satisfaction' ? '满意、基本满意 或 不满意' : '1 到 5 的整数分';
  const targets = [...round.departments, ...round.towns];
  return {
    name: RATING_TEMPLATE_SHEET_NAME,
    title: `${round.name}评议表`,
    infoLines: [
      `每行一份评议表（一家企业对一个评议对象）。企业名称或统一社会信用代码至少填一项；评议对象填：${targets.join('、')}；各项填 ${answers}，空白表示未答。`,
    ],
    columns: [
      { header: '企业名称', width: 28, type: 'text' },
      { header: '统一社会信用代码', width: 20, type: 'text' },
      { header: '评议对象', width: 16, type: 'text' },
      ...round.questions.map((q): ColumnSpec => ({ header: q, width: Math.max(10, q.length * 2 + 2), type: round.scale === 'satisfaction' ? 'text' : 'integer' })),
      { header: '意见建议', width: 40, type: 'text' },
    ],
    columnHeader: true,
  };
}

// ── 纸质评议表 ──

export function ratingPaperFileName(round: Pick<RatingRound, 'name'>): string {
  return `${round.name.replace(/[\\/:*?"<>|]/g, '_')}-空白评议表.xlsx`;
}

/**
 * The paper form an enterprise fills in on a visit: who fills it in at the top, then one row per target
 * in the round's order (the order 录入评议表 offers them in) with a cell per question and room for a
 * comment; printed on one A4 landscape page with rows tall enough to write in.
 */
export function ratingPaperSheetSpec(round: RatingRound, unit: string): SheetSpec {
  const answers = round.scale === 'satisfaction' ? '请在每格填写“满意”“基本满意”或“不满意”' : '请在每格填写 1 到 5 分（5 分最好）';
  return {
    name: RATING_TEMPLATE_SHEET_NAME,
    title: `${round.name}评议表`,
    infoLines: [
      '企业名称（盖章）：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿\u3000\u3000填表人：＿＿＿＿＿＿\u3000\u3000联系电话：＿＿＿＿＿＿＿\u3000\u3000填表日期：＿＿＿＿＿＿',
      `${answers}；不了解的项目可不填。评议期间：${round.startDate} 至 ${round.endDate}${unit ? `\u3000\u3000${unit}` : ''}`,
    ],
    columns: [
      { header: '评议对象', width: 22, type: 'text' },
      ...round.questions.map((q): ColumnSpec => ({ header: q, width: Math.max(11, q.length * 2 + 2), type: 'text' })),
      { header: '意见建议', width: 44, type: 'text' },
    ],
    columnHeader: true,
    rowHeight: 30,
  };
}

export function ratingPaperSheetRows(round: RatingRound): SheetRow[] {
  return [...round.departments, ...round.towns].map((target) => ({ kind: 'data', cells: [target, ...round.questions.map(() => ''), ''] }));
}
