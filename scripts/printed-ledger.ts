// A printed ledger page as a clerk gets it: the demo data (small scale) in an in-memory IndexedDB,
// the service-month workbook of one month exported exactly as the app does (the report page's export
// over the main process's streaming writer), converted to PDF by LibreOffice headless, and one page of
// the chosen sheet rendered to PNG by poppler's pdftoppm.
//   npx tsx scripts/printed-ledger.ts                       → docs/screenshots/printed-ledger.png
//   npx tsx scripts/printed-ledger.ts --sheet 问题清单 --page 1 --out /tmp/p.png --keep /tmp/print
// The default is page 2 of 走访台账: a continued page, with the title and column headings repeated.
// Needs soffice (libreoffice-calc) and pdftotext/pdftoppm (poppler-utils), as the tests do.
import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { createExportHandlers } from '../electron/ledgerExport/exportHandlerSet';
import { LedgerDatabase } from '../renderer/src/db/schema';
import { exportServiceMonthReport, type ExportBridge } from '../renderer/src/features/reports/exportServiceMonthReport';
import { computeReportFigures, loadReportBase } from '../renderer/src/features/reports/reportData';
import { defaultDemoPolicyIds, generateDemoData } from '../shared/demo/demoData';
import { defaultPolicies } from '../shared/reference/policies';
import { draftNarrative } from '../shared/reports/reportNarrative';
import { monthPeriod } from '../shared/reports/reportScope';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The title word each sheet prints on every page (its repeated first row). */
const sheetTitles: Record<string, string> = {
  汇总: '工作情况汇总',
  走访台账: '企业走访台账',
  问题清单: '企业问题诉求清单',
  重点项目进展: '重点外资项目进展情况',
  经营监测: '企业经营监测情况',
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sheet: { type: 'string', default: '走访台账' },
      page: { type: 'string', default: '2' },
      month: { type: 'string', default: '2026-11' },
      out: { type: 'string', default: path.join(root, 'docs/screenshots/printed-ledger.png') },
      keep: { type: 'string' },
    },
  });
  const title = sheetTitles[values.sheet];
  if (!title) throw new Error(`没有工作表“${values.sheet}”，可选：${Object.keys(sheetTitles).join('、')}`);
  const period = monthPeriod(values.month);
  const work = await mkdtemp(path.join(os.tmpdir(), 'printed-ledger-'));
  try {
    const data = generateDemoData({ enterprises: 200, visits: 1200, problems: 600, seed: 'visit-ledger-demo', today: period.to, policyIds: defaultDemoPolicyIds });
    const stamp = '2026-01-01T00:00:00.000Z';
    const policies = defaultPolicies.map((p, i) => ({
      ...p,
      id: defaultDemoPolicyIds[i]!,
      createdAt: stamp,
      updatedAt: stamp,
      updatedBy: '示例',
      deviceId: 'demo-device',
      rev: 1,
      versionVector: { 'demo-device': 1 },
    }));
    const db = new LedgerDatabase(`printed-ledger-${Date.now()}`);
    await db.enterprises.bulkPut(data.enterprises);
    await db.visits.bulkPut(data.visits);
    await db.problems.bulkPut(data.problems);
    await db.projects.bulkPut(data.projects);
    await db.progressEntries.bulkPut(data.progressEntries);
    await db.policies.bulkPut(policies);

    const workbook = path.join(work, 'report.xlsx');
    const bridge = createExportHandlers({
      showSaveDialog: async () => ({ canceled: false, filePath: workbook }),
      defaultFolder: () => work,
    }) as unknown as ExportBridge;
    const base = await loadReportBase(db);
    const figures = await computeReportFigures(db, base, period, { kind: 'all' }, period.to, undefined);
    await exportServiceMonthReport(db, bridge, { figures, base, unit: '吴江开发区管委会', narrative: draftNarrative(figures), overrides: {} });
    db.close();

    const profile = path.join(work, 'profile');
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, workbook], {
      timeout: 180_000,
    });
    const pdf = path.join(work, 'report.pdf');
    // Pages of the sheet: every one of them carries the sheet's title row.
    const { stdout } = await run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 256 * 1024 * 1024 });
    const pages = stdout.split('<page ').slice(1);
    const sheetPages = pages.flatMap((page, i) => (page.replace(/<[^>]+>|\s/g, '').includes(title) ? [i + 1] : []));
    const pageNumber = sheetPages[Number(values.page) - 1];
    if (pageNumber === undefined) throw new Error(`“${values.sheet}”只打印了 ${sheetPages.length} 页`);
    const png = path.join(work, 'page');
    await run('pdftoppm', ['-png', '-r', '110', '-f', String(pageNumber), '-l', String(pageNumber), '-singlefile', pdf, png]);
    await mkdir(path.dirname(values.out), { recursive: true });
    await copyFile(`${png}.png`, values.out);
    if (values.keep) {
      await mkdir(values.keep, { recursive: true });
      await copyFile(workbook, path.join(values.keep, 'report.xlsx'));
      await copyFile(pdf, path.join(values.keep, 'report.pdf'));
    }
    console.log(`${values.sheet} 第 ${values.page} 页（PDF 第 ${pageNumber} 页，共 ${sheetPages.length} 页）→ ${values.out}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
