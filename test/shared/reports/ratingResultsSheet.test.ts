// The 评议结果 workbook and the 社会责任先进企业 list from small hand-checked results: valid specs, the
// tables in order with ranks, rates and the 样本不足 note, the comments, the CSR rows; written with the
// one SheetWriter and read back with ExcelJS (rates as 0.0% numbers) and openpyxl.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CsrCandidate, Rating, RatingAnswer, RatingRound } from '../../../shared/domain/ratingRecords';
import { csrScores } from '../../../shared/ratings/csrScore';
import { ratingResults } from '../../../shared/ratings/ratingResults';
import {
  csrSheetRows,
  csrSheetSpec,
  ratingCommentsSheetRows,
  ratingCommentsSheetSpec,
  ratingResultsFileName,
  ratingResultsSheetRows,
  ratingResultsSheetSpec,
  ratingPaperSheetRows,
  ratingPaperSheetSpec,
  ratingTemplateSheetSpec,
} from '../../../shared/reports/ratingResultsSheet';
import { readRosterFile } from '../../../shared/roster/readRosterFile';
import { previewRatingImport } from '../../../shared/ratings/ratingImport';
import { sheetSpecSchema } from '../../../shared/reports/sheetSpec';
import { SheetWriter } from '../../../shared/reports/sheetWriter';
import { openpyxlRead } from '../../electron/ledgerExport/independentReaders';

const meta = { id: 'x-00000001', createdAt: '2026-11-20T00:00:00.000Z', updatedAt: '2026-11-20T00:00:00.000Z', updatedBy: '张三', deviceId: 'd', rev: 1, versionVector: { d: 1 } };
const round: RatingRound = {
  ...meta,
  id: 'round-0001',
  name: '2026 年评议机关',
  startDate: '2026-11-01',
  endDate: '2026-11-30',
  departments: ['区商务局', '区税务局'],
  towns: ['平望镇'],
  questions: ['服务态度', '办事效率'],
  scale: 'satisfaction',
  minResponses: 2,
  note: '',
};
let n = 0;
const form = (enterpriseId: string, target: string, answers: Record<string, RatingAnswer>, comment = '', targetKind: Rating['targetKind'] = 'department'): Rating => ({
  ...meta,
  id: `rating-${(n += 1)}`,
  roundId: round.id,
  enterpriseId,
  targetKind,
  target,
  answers,
  comment,
});
// 区商务局: 满意/满意, 满意/不满意 → 服务态度 100%, 办事效率 50%, overall 3/4 = 75%, 第 1 名.
// 区税务局: one form (满意/基本满意) → 100% but fewer than 2: 样本不足. 平望镇: no form.
const results = ratingResults(
  round,
  [form('e1', '区商务局', { 服务态度: '满意', 办事效率: '满意' }, '很好'), form('e2', '区商务局', { 服务态度: '满意', 办事效率: '不满意' }), form('e1', '区税务局', { 服务态度: '满意', 办事效率: '基本满意' })],
  (id) => ({ e1: '甲精密', e2: '乙电子' })[id] ?? id,
);
const exportMeta = { today: '2026-11-30', unit: '吴江区商务局' };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rating-sheet-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('评议结果 workbook', () => {
  const spec = ratingResultsSheetSpec(round, results, exportMeta);
  const rows = ratingResultsSheetRows(round, results);

  test('valid sheets, a file name without characters Windows refuses', () => {
    expect(sheetSpecSchema.parse(spec)).toEqual(spec);
    expect(sheetSpecSchema.parse(ratingCommentsSheetSpec(round, 1, exportMeta))).toBeTruthy();
    expect(spec.title).toBe('2026 年评议机关评议结果（吴江区商务局）');
    expect(spec.columns.map((c) => c.type)).toEqual(['text', 'integer', 'integer', 'percent', 'percent', 'percent', 'text']);
    expect(ratingResultsFileName({ name: '2026/11 评议' }, '2026-11-30')).toBe('2026_11 评议-评议结果-2026-11-30.xlsx');
  });

  test('departments then towns, ranked first, the flagged and the empty said so', () => {
    expect(rows.map((r) => [r.kind, ...r.cells])).toEqual([
      ['section', '一、部门评议（千家外商投资企业评议机关）'],
      ['header', '部门', '排名', '份数', '服务态度', '办事效率', '总体', '说明'],
      ['data', '区商务局', 1, 2, 1, 0.5, 0.75, ''],
      ['data', '区税务局', null, 1, 1, 1, 1, '样本不足（少于 2 份），不参与排名'],
      ['section', '二、区镇投资环境测评'],
      ['header', '区镇', '排名', '份数', '服务态度', '办事效率', '总体', '说明'],
      ['data', '平望镇', null, 0, null, null, null, '未收到评议表'],
    ]);
    expect(ratingCommentsSheetRows(results)).toEqual([{ kind: 'data', cells: [1, '区商务局', '甲精密', '很好'] }]);
  });

  test('written and read back: rates as 0.0% numbers, A4 landscape', async () => {
    const wb = new ExcelJS.Workbook();
    const writer = new SheetWriter(wb, spec);
    writer.appendRows(rows);
    writer.commit();
    const file = path.join(dir, 'ratings.xlsx');
    await wb.xlsx.writeFile(file);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const ws = back.getWorksheet('评议结果')!;
    const values = Array.from({ length: ws.rowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1));
    const at = values.findIndex((v) => v[0] === '区商务局');
    expect(values[at]!.slice(0, 6)).toEqual(['区商务局', 1, 2, 1, 0.5, 0.75]);
    expect(ws.getCell(`E${at + 1}`).numFmt).toBe('0.0%');
    const [py] = await openpyxlRead(file);
    expect([py!.orientation, py!.paper_size, py!.fit_to_width]).toEqual(['landscape', 9, 1]);
    expect(py!.rows.some((row) => row[0]![0] === '区税务局' && row[6]![0] === '样本不足（少于 2 份），不参与排名')).toBe(true);
  });
});

describe('社会责任先进企业 list', () => {
  const candidate = (enterpriseId: string, taxPaid: number, environment: CsrCandidate['environment']): CsrCandidate => ({
    ...meta,
    id: `csr-2026-${enterpriseId}`,
    year: 2026,
    enterpriseId,
    taxPaid,
    jobs: 100,
    welfare: 0,
    environment,
    labour: '优秀',
    note: '',
  });
  test('ranked rows with the score and why one is not ranked; weights on the sheet', () => {
    const weights = { taxPaid: 50, jobs: 0, environment: 0, welfare: 0, labour: 50 };
    // a: 纳税 100 points, 劳动 100 → 100. b: 纳税 50, 劳动 100 → 75, but 环保 较差: not ranked.
    const scores = csrScores([candidate('a', 200, '良好'), candidate('b', 100, '较差')], weights).map((s) => ({ ...s, enterpriseName: s.candidate.enterpriseId, town: '平望镇' }));
    const spec = csrSheetSpec(2026, weights, scores.length, exportMeta);
    expect(sheetSpecSchema.parse(spec)).toEqual(spec);
    expect(spec.infoLines[0]).toBe('共 2 家\u3000\u3000权重：纳税 50、安排就业 0、环境保护 0、公益捐助 0、劳动关系和谐 50\u3000\u3000导出日期：2026-11-30');
    expect(csrSheetRows(scores).map((r) => r.cells)).toEqual([
      [1, 'a', '平望镇', 200, 100, 0, '良好', '优秀', 100, ''],
      [null, 'b', '平望镇', 100, 100, 0, '较差', '优秀', 75, '环境保护较差，不参与排名'],
    ]);
  });
});

describe('导入模板', () => {
  test('the blank workbook is what 导入评议表 reads: a row typed into it imports as a form', async () => {
    const spec = ratingTemplateSheetSpec(round);
    expect(sheetSpecSchema.parse(spec)).toEqual(spec);
    expect(spec.infoLines[0]).toContain('评议对象填：区商务局、区税务局、平望镇');
    const wb = new ExcelJS.Workbook();
    const writer = new SheetWriter(wb, spec);
    // What a clerk types under the header.
    writer.appendRows([{ kind: 'data', cells: ['甲精密', null, '平望镇', '满意', '基本满意', '路灯不亮'] }]);
    writer.commit();
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheet = await readRosterFile('评议表.xlsx', bytes);
    const preview = previewRatingImport(sheet, round, [{ id: 'e1', name: '甲精密', creditCode: '' }]);
    expect(preview.issues).toEqual([]);
    expect(preview.forms).toEqual([
      { row: 4, enterpriseName: '甲精密', enterpriseId: 'e1', targetKind: 'town', target: '平望镇', answers: { 服务态度: '满意', 办事效率: '基本满意' }, comment: '路灯不亮' },
    ]);
  });
});

describe('空白评议表', () => {
  test('one row per target in the round’s order, a blank cell per question, rows tall enough to write in, A4 landscape', async () => {
    const spec = ratingPaperSheetSpec(round, '吴江区商务局');
    expect(sheetSpecSchema.parse(spec)).toEqual(spec);
    expect(spec.columns.map((c) => c.header)).toEqual(['评议对象', '服务态度', '办事效率', '意见建议']);
    const rows = ratingPaperSheetRows(round);
    expect(rows.map((r) => r.cells)).toEqual([
      ['区商务局', '', '', ''],
      ['区税务局', '', '', ''],
      ['平望镇', '', '', ''],
    ]);
    const wb = new ExcelJS.Workbook();
    const writer = new SheetWriter(wb, spec);
    writer.appendRows(rows);
    writer.commit();
    const file = path.join(dir, 'paper.xlsx');
    await wb.xlsx.writeFile(file);
    const [py] = await openpyxlRead(file);
    expect([py!.orientation, py!.paper_size, py!.fit_to_width]).toEqual(['landscape', 9, 1]);
    expect(py!.rows.map((r) => r[0]![0])).toContain('平望镇');
  });
});
