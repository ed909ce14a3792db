// The meeting's paper as a clerk gets it (issue 16): the 交办单 (a sheet per department), the 会议纪要 and
// the 部门红黄榜, exported through main's streaming writer as the desktop app writes them, read back with
// openpyxl (paper, orientation, values, real dates, the league's 合计), and printed to PDF by
// LibreOffice and measured with poppler: each department's 交办单 of five long items (a department's usual share of a meeting; more continue on a second page under the headings again) is ONE A4 landscape
// page with its signature line, nothing prints as ###, and body text is 8 pt or larger.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Meeting } from '../../../shared/domain/meetingRecords';
import type { LeagueRow } from '../../../shared/meetings/departmentLeague';
import type { MinutesItem } from '../../../shared/meetings/meetingSheets';
import { exportAssignments, exportLeague, exportMinutes } from '../../../renderer/src/features/meetings/meetingExport';
import { libreOfficeConvertAll, openpyxlRead, pdfWords, type OpenpyxlSheet, type PdfPage, type PdfWord } from '../../electron/ledgerExport/independentReaders';
import { recordMetaFixture } from '../../fixtures/records';
import { fileSink } from '../export/exportSinks';

const meeting: Meeting = {
  ...recordMetaFixture('mtg-0001'),
  type: '督办会',
  date: '2026-09-28',
  title: '9月份外资企业问题督办会',
  chair: '王局长',
  attendees: ['李科长', '赵主任', '周科长'],
  agenda: [],
};

const long = '企业反映二季度订单回升，一线操作工缺口约八十人，希望协助对接劳务基地并组织专场招聘会，同时协调人才公寓床位。';
const items: MinutesItem[] = [
  ...Array.from({ length: 5 }, (_, i) => ({
    enterprise: `苏州恒力精密机械制造有限公司第${i + 1}分公司`,
    description: long,
    decision: { department: '区人社局', task: `对接劳务基地，组织专场招聘，两周内反馈招聘结果（第${i + 1}项）`, deadline: '2026-10-10', rectificationOwner: i % 2 === 0 ? '李科长' : undefined },
  })),
  { enterprise: '吴江新材料有限公司', description: '厂房消防验收迟迟未办', decision: { department: '区住建局', task: '会同消防部门现场指导验收', deadline: '2031-01-02', deadlineProvisional: true } },
  { enterprise: '吴江电子有限公司', description: '用电增容' },
];

const league: LeagueRow[] = [
  { rank: 1, name: '区住建局', received: 2, answeredOnTime: 2, late: 0, resolved: 2, satisfactionRate: 1, rated: 2, overdueAfterDecision: 0, decisions: 1, onTimeRate: 1, board: '红榜' },
  { rank: 2, name: '区人社局', received: 4, answeredOnTime: 2, late: 2, resolved: 1, satisfactionRate: 0.5, rated: 2, overdueAfterDecision: 1, decisions: 1, onTimeRate: 0.5, board: '黄榜' },
  { rank: 3, name: '区发改委', received: 0, answeredOnTime: 0, late: 0, resolved: 0, satisfactionRate: null, rated: 0, overdueAfterDecision: 0, decisions: 0, onTimeRate: null, board: '' },
];

let dir: string;
let books: { assignments: OpenpyxlSheet[]; minutes: OpenpyxlSheet[]; league: OpenpyxlSheet[] };
let printed: { assignments: PdfPage[]; minutes: PdfPage[]; league: PdfPage[] };
let boxPerPoint: { cjk: number; latin: number };

const hasCjk = (text: string) => /[\u2e80-\u9fff\uff00-\uffef]/.test(text);
const pointSize = (w: PdfWord) => (w.yMax - w.yMin) / (hasCjk(w.text) ? boxPerPoint.cjk : boxPerPoint.latin);
const bodyWords = (page: PdfPage) => page.words.filter((w) => w.yMax < page.height - 36);
const cells = (sheet: OpenpyxlSheet) => sheet.rows.map((row) => row.map(([value]) => value));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-meeting-'));
  const files = { assignments: path.join(dir, 'assignments.xlsx'), minutes: path.join(dir, 'minutes.xlsx'), league: path.join(dir, 'league.xlsx') };
  expect((await exportAssignments(fileSink(dir, files.assignments), meeting, items)).status).toBe('saved');
  expect((await exportMinutes(fileSink(dir, files.minutes), meeting, items)).status).toBe('saved');
  const meta = { from: '2026-09-01', to: '2026-09-30', grouping: 'department' as const, today: '2026-10-20', unit: '吴江区商务局' };
  expect((await exportLeague(fileSink(dir, files.league), league, meta)).status).toBe('saved');
  books = {
    assignments: await openpyxlRead(files.assignments),
    minutes: await openpyxlRead(files.minutes),
    league: await openpyxlRead(files.league),
  };
  const calibration = path.join(dir, 'calibration.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('calibration', { pageSetup: { paperSize: 9, orientation: 'portrait' } });
  ws.getColumn(1).width = 40;
  ws.getCell('A1').value = '企业名称 2026-11-03';
  ws.getCell('A1').font = { name: 'Calibri', size: 11 };
  await wb.xlsx.writeFile(calibration);
  const pdf = await libreOfficeConvertAll([files.assignments, files.minutes, files.league, calibration], 'pdf');
  try {
    const [a, m, l, c] = await Promise.all(pdf.outputs.map((f) => pdfWords(f)));
    const height = (text: string) => {
      const w = c![0]!.words.find((x) => x.text === text)!;
      return w.yMax - w.yMin;
    };
    boxPerPoint = { cjk: height('企业名称') / 11, latin: height('2026-11-03') / 11 };
    printed = { assignments: a!, minutes: m!, league: l! };
  } finally {
    await pdf.cleanup();
  }
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the 交办单', () => {
  test('has a sheet per department in the order of the agenda, each A4 landscape, one page wide, with its items and the signature line', () => {
    const sheets = books.assignments;
    expect(sheets.map((s) => s.title)).toEqual(['交办单-区人社局', '交办单-区住建局']);
    for (const s of sheets) expect([s.orientation, s.paper_size, s.fit_to_width]).toEqual(['landscape', 9, 1]);
    const hr = cells(sheets[0]!);
    expect(hr[1]![0]).toBe('承办部门：区人社局');
    expect(hr[2]![0]).toBe('会议类型：督办会\u3000\u3000会议日期：2026-09-28\u3000\u3000主持人：王局长\u3000\u3000交办事项 5 项');
    const data = hr.filter((r) => typeof r[0] === 'number');
    expect(data).toHaveLength(5);
    expect(data[0]).toEqual([1, '苏州恒力精密机械制造有限公司第1分公司', long, '对接劳务基地，组织专场招聘，两周内反馈招聘结果（第1项）', '2026-10-10', '李科长']);
    // The deadline is a real date, typed as one.
    expect(sheets[0]!.rows.find((r) => r[0]![0] === 1)![4]![1]).toBe('d');
    expect(hr.at(-1)![0]).toMatch(/^承办部门签收人：.*签收日期：/);
    // A deadline the calendar does not know yet says so.
    expect(cells(sheets[1]!).find((r) => r[0] === 1)![4]).toBe('2031-01-02（待确认）');
  });

  test('prints each department on ONE A4 landscape page, nothing as ###, body text at 8 pt or more', () => {
    expect(printed.assignments).toHaveLength(2);
    for (const page of printed.assignments) {
      expect(page.width).toBeCloseTo(841.89, 0);
      expect(page.height).toBeCloseTo(595.28, 0);
      expect(page.words.some((w) => w.text.includes('签收日期'))).toBe(true);
      expect(page.words.filter((w) => w.text.includes('###'))).toEqual([]);
      const smallest = bodyWords(page).reduce((a, b) => (pointSize(b) < pointSize(a) ? b : a));
      expect(pointSize(smallest), `smallest word: ${smallest.text}`).toBeGreaterThanOrEqual(8);
    }
  });
});

describe('the 会议纪要', () => {
  test('lists every item with its decision, an undecided one as 未作决定', () => {
    const [sheet] = books.minutes;
    expect([sheet!.title, sheet!.orientation, sheet!.paper_size]).toEqual(['会议纪要', 'landscape', 9]);
    const m = cells(sheet!);
    expect(m[2]![0]).toBe('参会人员：李科长、赵主任、周科长');
    expect(m[3]![0]).toBe('议题 7 项，已作决定 6 项');
    const rows = m.filter((r) => typeof r[0] === 'number');
    expect(rows[0]!.slice(3)).toEqual(['对接劳务基地，组织专场招聘，两周内反馈招聘结果（第1项）', '区人社局', '2026-10-10', '是（李科长）']);
    expect(rows[1]![6]).toBe('否');
    expect(rows[6]).toEqual([7, '吴江电子有限公司', '用电增容', '未作决定', null, null, null]);
  });

  test('prints A4 landscape at 8 pt or more, nothing as ###', () => {
    for (const page of printed.minutes) {
      expect(page.width).toBeCloseTo(841.89, 0);
      expect(page.words.filter((w) => w.text.includes('###'))).toEqual([]);
      const smallest = bodyWords(page).reduce((a, b) => (pointSize(b) < pointSize(a) ? b : a));
      expect(pointSize(smallest)).toBeGreaterThanOrEqual(8);
    }
  });
});

describe('the 部门红黄榜', () => {
  test('ranks the rows with rates as percentages, the 黄榜 highlighted, and a 合计', () => {
    const [sheet] = books.league;
    expect([sheet!.title, sheet!.orientation, sheet!.paper_size]).toEqual(['部门红黄榜', 'landscape', 9]);
    const l = cells(sheet!);
    expect(l[0]![0]).toBe('吴江区商务局部门红黄榜（2026-09-01 至 2026-09-30）');
    const rows = l.filter((r) => typeof r[0] === 'number');
    expect(rows).toEqual([
      [1, '区住建局', 2, 2, 0, 2, 1, 1, 1, 0, '红榜'],
      [2, '区人社局', 4, 2, 2, 1, 0.5, 0.5, 1, 1, '黄榜'],
      [3, '区发改委', 0, 0, 0, 0, null, null, 0, 0, '—'],
    ]);
    expect(l.find((r) => r[0] === '合计')!.slice(2, 6)).toEqual([6, 4, 2, 3]);
    expect(printed.league.every((p) => p.words.every((w) => !w.text.includes('###')))).toBe(true);
  });
});
