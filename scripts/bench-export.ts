// npm run bench:export — the ledger export path of the main process (the IPC payload check, the
// report layouts, SheetWriter over ExcelJS's streaming WorkbookWriter, temp file + rename) against a
// bare ExcelJS streaming WorkbookWriter writing the same rows, at 10k, 50k and 200k visits and as
// many problems (走访台账 then 问题清单, one sheet at a time, as the app does).
//
// The baseline ("bare, shared styles") gives every cell of a column one shared style object, as the
// app's SheetWriter does: ExcelJS caches a style's index by object identity, so that is the fair
// way to use it. The older baseline ("bare, a style per cell": column styles, which ExcelJS copies
// into a fresh object for every cell and serialises to look up) is still run and printed, labelled,
// because the figures recorded before issue 13 were against it.
//
// Each case runs in its own child process, so its peak RSS is its own (process.resourceUsage
// maxRSS). Every case gets the same seeded records, 1,000 at a time, and builds row values with
// the same layout functions; time spent generating records is measured and subtracted, so the
// figures compare the writing. Prints a table and replaces the "bench:export"
// section of docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { WorkbookFileWriter } from '../electron/ledgerExport/workbookFileWriter';
import {
  demoOfficers,
  foreignTradeNames,
  givenNames,
  problemTexts,
  supplyChainNotes,
  surnames,
  tradeNameChars,
  visitSummaries,
} from '../shared/demo/demoVocabulary';
import type { Problem, Visit } from '../shared/domain/records';
import { defaultTowns } from '../shared/reference/towns';
import { checkIpcArgs } from '../shared/ipc';
import { problemListRow, problemListSheetSpec } from '../shared/reports/problemListSheet';
import type { ReportEnterprise, ReportPeriod } from '../shared/reports/reportScope';
import { EXPORT_CHUNK_ROWS, type SheetRow, type SheetSpec } from '../shared/reports/sheetSpec';
import { visitLedgerRow, visitLedgerSheetSpec } from '../shared/reports/visitLedgerSheet';
import { benchmarksFile, formatMs, machineLine, markdownTable, writeBenchmarkSection } from './lib/benchReport';

const sizes = process.argv.includes('--quick') ? [10_000] : [10_000, 50_000, 200_000];
/** `--runs N`: the baseline and the app N times at each size, in alternating order (medians reported). */
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg === -1 ? 1 : Math.max(1, Number(process.argv[runsArg + 1]) || 1);
const today = '2026-11-30';
const period: ReportPeriod = { from: '2025-11-01', to: today };

interface CaseResult {
  kind: 'app' | 'bare' | 'bareCellStyles' | 'rows';
  rows: number;
  /** Writing time (wall clock): total minus the time spent generating demo records. */
  ms: number;
  /** Writing CPU time (user + system) minus the generator's: steadier than wall time on a busy machine. */
  cpuMs: number;
  generateMs: number;
  peakRssMb: number;
  fileMb: number;
  /** App only: the longest single appendRows call, i.e. how long main's thread is held at a time. */
  maxChunkMs?: number;
  /** 1-minute load average when the case started and ended (filled in by the parent). */
  load?: [number, number];
}

// ————— child: one case —————

interface Clock {
  ms: number;
  cpuMs: number;
}

const DAY_MS = 86_400_000;
const startMs = Date.UTC(2025, 10, 1);
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/**
 * Seeded records, 1,000 at a time, that nothing keeps: a light stand-in for the demo generator,
 * whose own working set (hundreds of MB at this size) would swamp the writers' peak memory. Texts,
 * names and dates come from the demo vocabulary and look like real ledger rows.
 */
function* recordChunks(sheet: 'visits' | 'problems', n: number, clock: Clock): Generator<{ visits: Visit[]; problems: Problem[] }> {
  let seed = sheet === 'visits' ? 12345 : 67890;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const meta = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', updatedBy: '张三', deviceId: 'bench', rev: 1, versionVector: { bench: 1 } };
  const summaries = Object.values(visitSummaries).flat();
  const texts = Object.entries(problemTexts);
  for (let done = 0; done < n; done += EXPORT_CHUNK_ROWS) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const size = Math.min(EXPORT_CHUNK_ROWS, n - done);
    const visits: Visit[] = [];
    const problems: Problem[] = [];
    for (let k = 0; k < size; k += 1) {
      const i = done + k;
      const day = startMs + (next() % 390) * DAY_MS;
      const enterpriseId = `ent-${next() % enterprisePool.length}`;
      if (sheet === 'visits') {
        visits.push({
          ...meta,
          id: `vis-${i}`,
          enterpriseId,
          date: isoDay(day),
          type: pick(['调研走访', '政策宣讲', '对话沙龙', '现场联合办公', '电话回访'], next()),
          officers: [pick(demoOfficers, next()).name, pick(demoOfficers, next()).name],
          peopleMet: `${pick(surnames, next())}${pick(givenNames, next())} 总经理`,
          summary: pick(summaries, next()),
          operations: { employment: `在岗 ${next() % 900} 人`, orders: '订单较去年同期增长', supplyChain: pick(supplyChainNotes, next()), outputValue: `${next() % 90} 亿元`, newInvestment: '' },
          policyIds: [],
        });
      } else {
        const [category, list] = pick(texts, next());
        const [description, request] = pick(list, next());
        const answered = next() % 4 !== 0;
        problems.push({
          ...meta,
          id: `pro-${i}`,
          enterpriseId,
          raisedDate: isoDay(day),
          category,
          description: description.replace('{n}', String(next() % 200)),
          request,
          isComplaint: false,
          handling: '本部门办理',
          department: '区商务局',
          replyDeadline: isoDay(day + 5 * DAY_MS),
          ...(answered ? { replyDate: isoDay(day + (next() % 8) * DAY_MS) } : {}),
          replyContent: answered ? '已协调相关部门办理' : '',
          status: answered ? '已答复' : '待处理',
          officer: pick(demoOfficers, next()).name,
          history: [],
        });
      }
    }
    clock.ms += performance.now() - t;
    const used = process.cpuUsage(cpu);
    clock.cpuMs += (used.user + used.system) / 1000;
    yield { visits, problems };
  }
}

const enterprisePool: ReportEnterprise[] = Array.from({ length: 20_000 }, (_, i) => ({
  id: `ent-${i}`,
  name: `${pick(foreignTradeNames, i)}（吴江）${pick(tradeNameChars, i * 7)}${pick(tradeNameChars, i * 13)}科技有限公司`,
  creditCode: `91320509MA${String(i).padStart(8, '0')}`,
  town: pick(defaultTowns, i),
  assignedOfficer: pick(demoOfficers, i).name,
}));
const enterpriseById = new Map(enterprisePool.map((e) => [e.id, e]));

/** Row cells of both sheets from the same layout functions the app uses (shared by every case). */
function* sheetRows(sheet: 'visits' | 'problems', n: number, clock: Clock): Generator<SheetRow[]> {
  let seq = 0;
  const noPolicies = new Map<string, string>();
  for (const chunk of recordChunks(sheet, n, clock)) {
    yield sheet === 'visits'
      ? chunk.visits.map((v) => visitLedgerRow(++seq, v, enterpriseById.get(v.enterpriseId), noPolicies, seq % 3 === 0 ? 1 : 0))
      : chunk.problems.map((p) => problemListRow(++seq, p, enterpriseById.get(p.enterpriseId), today));
  }
}

const sheets: ['visits' | 'problems', SheetSpec][] = [
  ['visits', visitLedgerSheetSpec(period, '吴江开发区')],
  ['problems', problemListSheetSpec(period, '吴江开发区')],
];

let maxChunkMs = 0;

async function runApp(n: number, file: string, clock: Clock): Promise<void> {
  const writer = await WorkbookFileWriter.open(file);
  for (const [sheet, spec] of sheets) {
    const checkedSpec = checkIpcArgs('exportAddSheet', { exportId: 'bench', sheet: spec });
    if (!checkedSpec.ok) throw new Error(checkedSpec.message);
    writer.addSheet(checkedSpec.args.sheet);
    for (const rows of sheetRows(sheet, n, clock)) {
      // What main does with every chunk the renderer sends: parse it against the contract.
      const checked = checkIpcArgs('exportAppendRows', { exportId: 'bench', rows });
      if (!checked.ok) throw new Error(checked.message);
      const t = performance.now();
      const written = writer.appendRows(checked.args.rows);
      maxChunkMs = Math.max(maxChunkMs, performance.now() - t); // the synchronous part: main's thread held
      await written;
    }
    writer.commitSheet();
  }
  await writer.finish();
}

/**
 * Bare ExcelJS, used fairly: same rows, same widths, a bold header, dates as dates with their number
 * format; one style object per column, shared by every cell of it (as the app's SheetWriter does).
 */
async function runBare(n: number, file: string, clock: Clock): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  for (const [sheet, spec] of sheets) {
    const ws = workbook.addWorksheet(spec.name);
    ws.columns = spec.columns.map((c) => ({ header: c.header, width: c.width }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    const columnStyles: Partial<ExcelJS.Style>[] = spec.columns.map((c) => (c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {}));
    const dateColumns = spec.columns.flatMap((c, i) => (c.type === 'date' ? [i] : []));
    for (const rows of sheetRows(sheet, n, clock)) {
      for (const row of rows) {
        const values: unknown[] = [...row.cells];
        for (const i of dateColumns) {
          const v = values[i];
          if (typeof v === 'string') values[i] = new Date(`${v}T00:00:00Z`);
        }
        const added = ws.addRow(values);
        added.eachCell((cell, column) => {
          cell.style = columnStyles[column - 1]!;
        });
        added.commit();
      }
    }
    ws.commit();
  }
  await workbook.commit();
}

/**
 * The baseline recorded before issue 13: column styles, which ExcelJS copies into a fresh style object
 * for every cell and serialises to look up its index. Kept for comparison, not as the baseline.
 */
async function runBareCellStyles(n: number, file: string, clock: Clock): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  for (const [sheet, spec] of sheets) {
    const ws = workbook.addWorksheet(spec.name);
    ws.columns = spec.columns.map((c) => ({ header: c.header, width: c.width, ...(c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    const dateColumns = spec.columns.flatMap((c, i) => (c.type === 'date' ? [i] : []));
    for (const rows of sheetRows(sheet, n, clock)) {
      for (const row of rows) {
        const values: unknown[] = [...row.cells];
        for (const i of dateColumns) {
          const v = values[i];
          if (typeof v === 'string') values[i] = new Date(`${v}T00:00:00Z`);
        }
        ws.addRow(values).commit();
      }
    }
    ws.commit();
  }
  await workbook.commit();
}

/** No writer: only generating the records and building the row cells (the harness's own memory). */
async function runRowsOnly(n: number, clock: Clock): Promise<void> {
  let cells = 0;
  for (const [sheet] of sheets) for (const rows of sheetRows(sheet, n, clock)) cells += rows.length;
  if (cells !== 2 * n) throw new Error(`expected ${2 * n} rows, built ${cells}`);
}

async function child(kind: CaseResult['kind'], n: number, dir: string): Promise<void> {
  const file = path.join(dir, `${kind}-${n}.xlsx`);
  const clock: Clock = { ms: 0, cpuMs: 0 };
  const t = performance.now();
  const cpu = process.cpuUsage();
  if (kind === 'rows') await runRowsOnly(n, clock);
  else await { app: runApp, bare: runBare, bareCellStyles: runBareCellStyles }[kind](n, file, clock);
  const total = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const result: CaseResult = {
    kind,
    rows: 2 * n,
    ms: total - clock.ms,
    cpuMs: (used.user + used.system) / 1000 - clock.cpuMs,
    generateMs: clock.ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    fileMb: kind === 'rows' ? 0 : (await stat(file)).size / 1048576,
    ...(kind === 'app' ? { maxChunkMs } : {}),
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

// ————— parent: every case, each in a fresh process —————

/** The run with the median CPU time (a real run, so its wall time and memory belong to it). */
function medianCase(results: readonly CaseResult[]): CaseResult {
  const sorted = [...results].sort((a, b) => a.cpuMs - b.cpuMs);
  return sorted[Math.floor((sorted.length - 1) / 2)] as CaseResult;
}

function runChild(kind: CaseResult['kind'], n: number, dir: string): Promise<CaseResult> {
  const script = fileURLToPath(import.meta.url);
  const loadBefore = os.loadavg()[0] ?? 0;
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...process.execArgv, script, '--child', kind, String(n), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`${kind} ${n} failed (exit ${code}): ${out}`));
      else resolve({ ...(JSON.parse(line.slice('RESULT '.length)) as CaseResult), load: [loadBefore, os.loadavg()[0] ?? 0] });
    });
  });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-export-'));
  const rows: string[][] = [];
  const verdicts: string[] = [];
  try {
    for (const n of sizes) {
      // The harness alone and the old baseline once; then the fair baseline and the app `runs` times,
      // bare first in odd runs and app first in even ones, each in its own process.
      const harness = await runChild('rows', n, dir);
      const bareCellStyles = await runChild('bareCellStyles', n, dir);
      const bares: CaseResult[] = [];
      const apps: CaseResult[] = [];
      for (let r = 0; r < runs; r += 1) {
        for (const kind of r % 2 === 0 ? (['bare', 'app'] as const) : (['app', 'bare'] as const)) {
          const result = await runChild(kind, n, dir);
          (kind === 'bare' ? bares : apps).push(result);
          await rm(path.join(dir, `${kind}-${n}.xlsx`), { force: true });
        }
      }
      await rm(path.join(dir, `bareCellStyles-${n}.xlsx`), { force: true });
      const bare = medianCase(bares);
      const app = medianCase(apps);
      for (const r of [harness, bareCellStyles, bare, app]) {
        rows.push([
          `${n.toLocaleString('en')} + ${n.toLocaleString('en')}`,
          {
            app: 'app export (main process)',
            bare: 'baseline: bare ExcelJS WorkbookWriter, shared style per column',
            bareCellStyles: '(old baseline: bare ExcelJS, a style object per cell)',
            rows: '(no writer: records + row cells only)',
          }[r.kind] + (runs > 1 && (r.kind === 'app' || r.kind === 'bare') ? `, median of ${runs}` : ''),
          formatMs(r.ms),
          formatMs(r.cpuMs),
          Math.round(r.rows / (r.ms / 1000)).toLocaleString('en'),
          `${Math.round(r.peakRssMb)} MB`,
          r.kind === 'rows' ? '—' : `${r.fileMb.toFixed(1)} MB`,
          r.load ? `${r.load[0].toFixed(1)}→${r.load[1].toFixed(1)}` : '',
        ]);
      }
      const ratio = app.cpuMs / bare.cpuMs;
      const perRun = apps.map((a, r) => `${(a.cpuMs / (bares[r] as CaseResult).cpuMs).toFixed(2)}x`).join(', ');
      verdicts.push(
        `${n.toLocaleString('en')} visits + ${n.toLocaleString('en')} problems: app ÷ bare (shared styles) CPU time ${ratio.toFixed(2)}x (wall ${(app.ms / bare.ms).toFixed(2)}x)` +
          (runs > 1 ? ` [medians of ${runs} runs; per run ${perRun}]` : '') +
          `; against the old per-cell-style baseline ${(app.cpuMs / bareCellStyles.cpuMs).toFixed(2)}x; peak RSS app ${Math.round(app.peakRssMb)} MB, bare ${Math.round(bare.peakRssMb)} MB` +
          `; longest appendRows (main's thread held) ${formatMs(Math.max(...apps.map((a) => a.maxChunkMs ?? 0)))} per 1,000 rows` +
          (n === 200_000 ? ` (issue 13 target ≤ 1.1x CPU, memory flat: ${ratio <= 1.1 ? 'met' : 'NOT met'})` : ''),
      );
      console.log(rows.slice(-4).map((r) => r.join('  |  ')).join('\n'));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const table = markdownTable(['visits + problems', 'writer', 'wall time', 'CPU time', 'rows/s (wall)', 'peak RSS', 'file', 'load avg'], rows);
  console.log(`\n${table}\n\n${verdicts.join('\n')}`);
  if (process.argv.includes('--quick')) return;
  // Dated paragraphs (**Issue 13, …**) record figures from before a change; a new run keeps them.
  const recorded = await readFile(benchmarksFile, 'utf8').catch(() => '');
  const section = recorded.split(/^## /m).find((s) => s.startsWith('bench:export\n')) ?? '';
  const history = section.match(/^\*\*Issue \d+, [\s\S]*?(?=\n\n|\n*(?![\s\S]))/gm) ?? [];
  await writeBenchmarkSection(
    'bench:export',
    `${machineLine()}

Both sheets (走访台账 then 问题清单) of the service-month workbook, written to a file under Node. "app
export" is the main-process path: each 1,000-row chunk parsed against the IPC contract, the report
layout (title, bordered header, frozen header, autofilter, print setup, 合计 row, late-row fill) by
SheetWriter over ExcelJS's streaming WorkbookWriter (table rows written as the XML ExcelJS would write
for them, the title, header and bands through ExcelJS), waiting after each chunk until the zip has taken
the sheet's XML (ExcelJS passes it on without backpressure, so otherwise it piles up at ~1 KB a row
until the sheet's commit), temp file renamed into place. The baseline, "bare, shared style per
column", is ExcelJS's streaming WorkbookWriter used plainly (addRow + commit in a loop) writing the
same row values, with a bold header and the date format only, every cell of a column given the same
style object, as SheetWriter does (ExcelJS caches a style's index by object identity: this is the
fair way to use it). "old baseline, a style object per cell" is the bare writer recorded before
issue 13: column styles, which ExcelJS copies into a fresh object for every cell and serialises to
look up its index; it is printed for comparison only. With \`--runs N\` (this table: ${runs}) the fair
baseline and the app run N times each at every size, alternating which goes first, and the line shown
is the run with the median CPU time; the load average (1 minute) beside each line is at its start and
end. "longest appendRows" is the longest synchronous call of one 1,000-row chunk, i.e. how long the
writing holds the main process's thread at a time (wall clock, so it stretches with the load and
includes any garbage collection that falls in it). Each case runs in its own process; peak RSS is that process's maximum (it includes Node, tsx, ExcelJS and
the record source); the "no writer" line is that harness alone, for reference. Records are seeded
and built 1,000 at a time from the demo vocabulary (the full demo generator keeps hundreds of MB of
its own at these sizes, which would hide the writers' memory). Times exclude building the records.
The machine is shared with other work (load average often above 8 on 2 cores), so wall times swing
widely between runs; the ratio is taken on CPU time (user + system of the case's process), which
contention barely moves.
Not measured here: the renderer reading Dexie and the IPC copy of each chunk. Against the old
per-cell-style baseline the app looked cheaper than a bare writer although it does more; that was the
baseline paying for a style serialisation per cell (and for its piled-up sheet XML in memory).
${history.map((paragraph) => `\n${paragraph}\n`).join('')}
${table}

${verdicts.map((v) => `- ${v}`).join('\n')}`,
  );
}

const childIndex = process.argv.indexOf('--child');
if (childIndex !== -1) {
  const [kind, n, dir] = process.argv.slice(childIndex + 1);
  await child(kind as CaseResult['kind'], Number(n), dir as string);
} else {
  await main();
}
