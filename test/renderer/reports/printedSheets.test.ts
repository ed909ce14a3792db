// What a clerk gets on paper: every exported sheet (the six of the service-month workbook, the four
// of the monthly workbook of the project library, and the 联系企业 list) converted to PDF by LibreOffice exactly as it prints, then measured with poppler's
// `pdftotext -bbox`: the paper size and orientation of every page, the printed size of every word of
// body text after fit-to-width (at least 8 pt), and the column headings at the top of page 2.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LedgerDatabase } from '../../../renderer/src/db/schema';
import { exportMonthlyProgressReport } from '../../../renderer/src/features/reports/exportMonthlyProgressReport';
import { exportServiceMonthReport } from '../../../renderer/src/features/reports/exportServiceMonthReport';
import { computeReportFigures, loadReportBase } from '../../../renderer/src/features/reports/reportData';
import type { ReviewRow } from '../../../renderer/src/features/review/reviewData';
import { exportContactList } from '../../../renderer/src/features/review/reviewExport';
import type { KeyProject, OperationReport, Policy, Problem, ProgressEntry, Visit } from '../../../shared/domain/records';
import { draftNarrative } from '../../../shared/reports/reportNarrative';
import { monthPeriod } from '../../../shared/reports/reportScope';
import { makeProblem, makeVisit, recordMetaFixture } from '../../fixtures/records';
import { libreOfficeConvertAll, pdfWords, type PdfPage, type PdfWord } from '../../electron/ledgerExport/independentReaders';
import { fileSink } from '../export/exportSinks';
import { enterprises } from '../../shared/reports/reportFixture';

const period = monthPeriod('2026-11');
const asOf = '2026-11-30';
const unit = '吴江开发区管委会';
const day = (n: number) => `2026-11-${String((n % 28) + 1).padStart(2, '0')}`;
const live = enterprises.filter((e) => e.deletedAt === undefined);
const enterpriseOf = (n: number) => live[n % live.length]!;

// Enough rows for every ledger to run onto a second page, with the long texts officers type.
const summaryText = '了解企业生产经营情况，企业反映二季度订单回升，一线操作工缺口较大，希望协助对接劳务基地。';
const policies: Policy[] = Array.from({ length: 40 }, (_, i) => ({
  ...recordMetaFixture(`pol-${i}`),
  code: `3-${String(i + 1).padStart(2, '0')}`,
  title: `支持外资企业稳定发展政策措施第${i + 1}条`,
  sourceDocument: '吴政办〔2020〕1号',
  leadUnit: '区商务局',
}));
const visits: Visit[] = Array.from({ length: 45 }, (_, i) =>
  makeVisit({
    ...recordMetaFixture(`vis-${i}`),
    enterpriseId: enterpriseOf(i).id,
    date: day(i),
    officers: ['张三', '李四'],
    peopleMet: '王经理、人事部赵主管',
    summary: summaryText,
    operations: { employment: '用工缺口约80人', orders: '订单排到明年二月', supplyChain: '本地配套率六成', outputValue: '1.2亿元', newInvestment: '计划新增生产线一条' },
    // Every policy is promoted somewhere, so 汇总's 政策宣讲 table runs over a page.
    policyIds: [policies[i % policies.length]!.id, policies[(i + 5) % policies.length]!.id],
  }),
);
const problems: Problem[] = Array.from({ length: 45 }, (_, i) =>
  makeProblem({
    ...recordMetaFixture(`pro-${i}`),
    enterpriseId: enterpriseOf(i).id,
    // Raised from a key project: the monthly workbook's 项目诉求 lists them too.
    projectId: `prj-${i % 30}`,
    raisedDate: day(i),
    category: i % 3 === 0 ? '外籍人员来华与签证' : '用工',
    description: '企业一线操作工缺口较大，现有招聘渠道效果不佳，影响订单交付。',
    request: '协助对接劳务基地和职业院校组织专场招聘',
    handling: i % 2 === 0 ? '转办' : '本部门办理',
    department: i % 2 === 0 ? '区人力资源和社会保障局' : '区商务局',
    ...(i % 2 === 0 ? { transferDate: day(i) } : {}),
    replyDeadline: day(i + 5),
    ...(i % 4 === 0 ? { replyDate: day(i + 3), replyContent: '已联系人社部门，下周组织专场招聘会', status: '已答复' as const } : {}),
    ...(i % 5 === 0 ? { satisfaction: '基本满意' as const } : {}),
    ...(i % 6 === 0 ? { escalation: { meeting: '督办会' as const, date: day(i + 8), note: '' } } : {}),
    ...(i % 7 === 0 ? { rectification: { owner: '区人社局 王科长', deadline: '2026-12-31', note: '' } } : {}),
  }),
);
const projects: KeyProject[] = Array.from({ length: 30 }, (_, i) => ({
  ...recordMetaFixture(`prj-${i}`),
  name: `年产${i + 1}万台精密减速机及配套零部件项目`,
  investorRegion: '港澳台',
  totalInvestment: 49_082.5,
  registeredForeignCapital: 22_578,
  stage: '已设立·前期手续',
  inLibrary: true,
  // A third entered this month: the monthly workbook's 入库出库 lists them.
  libraryEntryDate: i % 3 === 0 ? day(i) : '2026-03-09',
  libraryExitReason: '',
  leadOfficer: '张三',
  town: '吴江开发区',
  history: [],
}));
const progressEntries: ProgressEntry[] = projects.map((p, i) => ({
  ...recordMetaFixture(`prg-${i}`),
  projectId: p.id,
  month: '2026-11',
  stage: '在建',
  progress: '主体厂房封顶，设备陆续进场，预计明年一季度试生产。',
  investmentToDate: 30_731.75,
  blockers: '能耗指标待批，需区发改委协调',
}));
const contactRows: ReviewRow[] = Array.from({ length: 60 }, (_, i) => ({
  id: `e-${i}`,
  name: `苏州恒力精密机械制造有限公司第${i + 1}分公司`,
  creditCode: '91320509MA1XXXXX01',
  town: '吴江经济技术开发区',
  assignedOfficer: '张三',
  linkedLeader: '李副区长',
  serviceTier: 'A',
  lastVisitDate: i % 4 === 0 ? '' : day(i),
  daysSince: i % 4 === 0 ? null : 30 - (i % 28),
  dueThisMonth: i % 3 === 0,
  openProblems: i % 5,
  overdueProblems: i % 2,
  keyProject: '年产10万台精密减速机项目（在建）',
  planDue: 1,
  planLate: 0,
}));

// 经营数据 with the widest figures a district prints (a 合计 of 9,999,999.99 万元) for 经营监测.
const operationReports: OperationReport[] = live.slice(0, 2).flatMap((e, i) =>
  ['2026-10', '2026-11'].map((month, m) => ({
    ...recordMetaFixture(`ops-${e.id}-${month}`),
    enterpriseId: e.id,
    month,
    outputValue: 4_999_999.99 - m * 1_234_567.89 * (i + 1),
    outputValueYtd: 49_999_999.99,
    employees: 12_345 - m * 1_000,
    newInvestmentYtd: 4_999_999.99,
    supplyChainIssues: '',
  })),
);

/** The sheets as they print, in workbook order, each found by a word of its title (on every page). */
const sheets = [
  { name: '汇总', title: '工作情况汇总', paper: 'A4', headings: ['宣讲次数', '知晓企业数'], row: /^3-\d\d$/ },
  { name: '走访台账', title: '企业走访台账', paper: 'A4', headings: ['序号', '走访日期', '走访情况'], row: /^2026-11-\d\d$/ },
  { name: '问题清单', title: '企业问题诉求清单', paper: 'A3', headings: ['序号', '问题描述', '满意度', '挂牌整改'], row: /^2026-11-\d\d$/ },
  { name: '重点项目进展', title: '重点外资项目进展情况', paper: 'A4', headings: ['序号', '项目名称', '本期进展'], row: /^2026-03-09$/ },
  // 经营监测's tables each have their own header row; the missing list is the last.
  { name: '经营监测', title: '企业经营监测情况', paper: 'A4', headings: ['企业名称'], row: /^上月.*填报$/, onePage: true },
  // 集体活动: the policy reach table lists every measure; its headings come again on a continued page.
  { name: '集体活动', title: '集体活动情况', paper: 'A4', headings: ['走访宣讲次数', '触达企业合计'], row: /^3-\d\d$/, onePage: true },
  { name: '联系企业', title: '联系企业', paper: 'A4', headings: ['序号', '企业名称', '最近走访'], row: /分公司$/ },
  // The monthly workbook (月度进展表); its 入库出库 lists ten projects, on one page.
  // 概况's tables each have their own header row; every one has a 占比 column above its 合计.
  { name: '概况', title: '重点外资项目库概况', paper: 'A4', headings: ['占比'], row: /^合计$/, onePage: true },
  { name: '在库项目进展', title: '重点外资项目进展情况', paper: 'A4', headings: ['序号', '项目名称', '本期进展'], row: /^2026-03-09$/ },
  { name: '入库出库', title: '入库、出库情况', paper: 'A4', headings: ['序号', '变动', '出库原因'], row: /^2026-11-\d\d$/, onePage: true },
  { name: '项目诉求', title: '重点外资项目诉求清单', paper: 'A3', headings: ['序号', '问题描述', '答复期限'], row: /^2026-11-\d\d$/ },
] as const;
const monthlySheets = ['概况', '在库项目进展', '入库出库', '项目诉求'];
// `row`: a word every table row prints (a policy code, a date, an enterprise name), to find the rows.

/** Landscape sizes in points. */
const paperSizes = { A4: [841.89, 595.28], A3: [1190.55, 841.89] } as const;

let dir: string;
let printed: Map<string, PdfPage[]>;
/** Word-box height per point of font size, measured on an unscaled 11 pt cell (CJK and Latin). */
let boxPerPoint: { cjk: number; latin: number };

const hasCjk = (text: string) => /[\u2e80-\u9fff\uff00-\uffef]/.test(text);
const pointSize = (w: PdfWord) => (w.yMax - w.yMin) / (hasCjk(w.text) ? boxPerPoint.cjk : boxPerPoint.latin);

/** A one-cell workbook that prints at 100 %: the same fonts at a known 11 pt. */
async function calibrationWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('calibration', { pageSetup: { paperSize: 9, orientation: 'portrait' } });
  ws.getColumn(1).width = 40;
  ws.getCell('A1').value = '企业名称 2026-11-03';
  ws.getCell('A1').font = { name: 'Calibri', size: 11 };
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-print-'));
  const db = new LedgerDatabase(`report-print-${Date.now()}`);
  await db.transaction('rw', [db.enterprises, db.visits, db.problems, db.policies, db.projects, db.progressEntries, db.operationReports], async () => {
    await db.enterprises.bulkPut(enterprises);
    await db.operationReports.bulkPut(operationReports);
    await db.visits.bulkPut(visits);
    await db.problems.bulkPut(problems);
    await db.policies.bulkPut(policies);
    await db.projects.bulkPut(projects);
    await db.progressEntries.bulkPut(progressEntries);
  });
  const report = path.join(dir, 'report.xlsx');
  const contacts = path.join(dir, 'contacts.xlsx');
  // Both workbooks through main's streaming writer, as the desktop app writes them.
  const bridge = fileSink(dir, report);
  const base = await loadReportBase(db);
  const figures = await computeReportFigures(db, base, period, { kind: 'all' }, asOf, undefined);
  await exportServiceMonthReport(db, bridge, { figures, base, unit, narrative: draftNarrative(figures), overrides: {} });
  db.close();
  await exportContactList(fileSink(dir, contacts), contactRows, { today: asOf, scope: '' });
  const monthly = path.join(dir, 'monthly.xlsx');
  const monthlyDb = new LedgerDatabase(`monthly-print-${Date.now()}`);
  await monthlyDb.transaction('rw', [monthlyDb.enterprises, monthlyDb.problems, monthlyDb.projects, monthlyDb.progressEntries], async () => {
    await monthlyDb.enterprises.bulkPut(enterprises);
    await monthlyDb.problems.bulkPut(problems);
    await monthlyDb.projects.bulkPut(projects);
    await monthlyDb.progressEntries.bulkPut(progressEntries);
  });
  await exportMonthlyProgressReport(monthlyDb, fileSink(dir, monthly), { month: '2026-11', unit, asOf, overrides: {} });
  monthlyDb.close();
  const calibration = path.join(dir, 'calibration.xlsx');
  await calibrationWorkbook(calibration);

  // One LibreOffice run converts all three workbooks.
  const pdf = await libreOfficeConvertAll([report, contacts, calibration, monthly], 'pdf');
  try {
    const [reportPages, contactPages, calibrationPages, monthlyPages] = await Promise.all(pdf.outputs.map((f) => pdfWords(f)));
    const calibrationWords = calibrationPages![0]!.words;
    const height = (text: string) => {
      const w = calibrationWords.find((x) => x.text === text);
      if (!w) throw new Error(`calibration word ${text} not printed`);
      return w.yMax - w.yMin;
    };
    boxPerPoint = { cjk: height('企业名称') / 11, latin: height('2026-11-03') / 11 };
    printed = new Map(sheets.map((s) => [s.name, [] as PdfPage[]]));
    // A page without a title (which the tests below reject) belongs to the sheet printed before it.
    const books: [PdfPage[], readonly string[]][] = [
      [reportPages!, ['汇总', '走访台账', '问题清单', '重点项目进展', '经营监测', '集体活动']],
      [monthlyPages!, monthlySheets],
    ];
    for (const [pages, names] of books) {
      let current: string = names[0]!;
      for (const page of pages) {
        const text = page.words.map((w) => w.text).join('');
        current = sheets.find((s) => names.includes(s.name) && text.includes(s.title))?.name ?? current;
        printed.get(current)!.push(page);
      }
    }
    printed.set('联系企业', contactPages!);
  } finally {
    await pdf.cleanup();
  }
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Words of the page body: the footer (page numbers, in the bottom margin) is not body text. */
const bodyWords = (page: PdfPage) => page.words.filter((w) => w.yMax < page.height - 36);

describe.each(sheets)('printed sheet $name', (sheet) => {
  test(`prints ${sheet.paper} landscape, one page wide, over more than one page`, () => {
    const pages = printed.get(sheet.name)!;
    expect(pages.length).toBeGreaterThanOrEqual('onePage' in sheet ? 1 : 2);
    const [width, height] = paperSizes[sheet.paper];
    for (const page of pages) {
      expect(page.width).toBeCloseTo(width, 0);
      expect(page.height).toBeCloseTo(height, 0);
    }
    // One page wide: every page carries the title (a repeated row), none is a right-hand strip.
    expect(pages.every((p) => p.words.some((w) => sheet.title.includes(w.text) || w.text.includes(sheet.title)))).toBe(true);
  });

  test('every number and date fits its column (a reader prints ### for one that does not)', () => {
    const hashes = printed.get(sheet.name)!.flatMap((page) => page.words.filter((w) => w.text.includes('###')));
    expect(hashes).toEqual([]);
  });

  test('body text prints at 8 pt or larger after fit-to-width', () => {
    const sizes = printed.get(sheet.name)!.flatMap((page) => bodyWords(page).map((w) => ({ text: w.text, pt: pointSize(w) })));
    const smallest = sizes.reduce((a, b) => (b.pt < a.pt ? b : a));
    expect(smallest.pt, `smallest word: ${smallest.text} at ${smallest.pt.toFixed(1)} pt`).toBeGreaterThanOrEqual(8);
  });

  test('every page after the first that continues the table starts with its column headings', () => {
    const later = printed.get(sheet.name)!.slice(1).filter((page) => page.words.some((w) => sheet.row.test(w.text)));
    if (!('onePage' in sheet)) expect(later.length).toBeGreaterThanOrEqual(1);
    for (const [i, page] of later.entries()) {
      const words = bodyWords(page);
      const firstRow = Math.min(...words.filter((w) => sheet.row.test(w.text)).map((w) => w.yMin));
      for (const heading of sheet.headings) {
        const found = words.find((w) => w.text === heading);
        expect(found, `heading ${heading} on continued page ${i + 2}`).toBeDefined();
        expect(found!.yMax, `heading ${heading} above the rows of page ${i + 2}`).toBeLessThanOrEqual(firstRow);
      }
    }
  });
});
