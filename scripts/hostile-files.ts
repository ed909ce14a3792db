// npm run bench:hostile — time and peak memory of reading each hostile roster file (issue 12, "Files
// that must not take the app down"), before and after the limits, plus two real 50,000-row rosters
// for scale. Each read runs in a fresh Node process (the V8 of Chromium's worker; heap capped at
// 4 GB, as a renderer's is) that only loads the reader and reads the one file, so its peak resident
// memory (VmHWM) is what that file cost, less the empty process measured alongside.
//   before: shared/roster/readRosterFile.ts as of the last commit that read with ExcelJS (found in
//           git, copied into a temp folder; only its `import('exceljs')` is pointed at this
//           project's node_modules), given 150 s;
//   after:  the reader as it is (readRosterBlob: the size check, then the streaming readers).
// The files are generated into the system's temp folder by test/shared/roster/hostileFiles.ts (the
// same generators the tests use) and removed afterwards. Prints a table and replaces the
// "bench:hostile" section of docs/benchmarks.md. `--child` is the per-read process (internal).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openAsBlob, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { formatMs, machineLine, markdownTable, writeBenchmarkSection } from './lib/benchReport';
import { projectRoot } from './lib/renderer';

const started = Date.now();
const log = (line: string) => console.log(`[bench:hostile ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const beforeTimeoutMs = 150_000;
const afterTimeoutMs = 60_000;

// ─── the per-read process ──────────────────────────────────────────────────────────────────────

interface ChildResult {
  outcome: 'read' | 'refused' | 'failed';
  detail: string;
  ms: number;
}

async function child(readerPath: string, filePath: string, name: string): Promise<void> {
  const reader = (await import(pathToFileURL(readerPath).href)) as {
    readRosterFile(name: string, data: Uint8Array): Promise<{ rows: unknown[][] }>;
    readRosterBlob?(name: string, file: Blob): Promise<{ rows: unknown[][] }>;
  };
  process.stdout.write('START\n');
  const t0 = performance.now();
  let result: ChildResult;
  try {
    // After: as the worker reads (size first, from a File handle); before: as the page did (all bytes).
    const sheet = reader.readRosterBlob
      ? await reader.readRosterBlob(name, await openAsBlob(filePath))
      : await reader.readRosterFile(name, new Uint8Array(readFileSync(filePath)));
    let longest = 0;
    for (const row of sheet.rows) for (const cell of row) if (typeof cell === 'string' && cell.length > longest) longest = cell.length;
    result = { outcome: 'read', detail: `${sheet.rows.length} rows, longest cell ${longest.toLocaleString('en')} characters`, ms: performance.now() - t0 };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = { outcome: error instanceof Error && error.name === 'RosterFileError' ? 'refused' : 'failed', detail: message, ms: performance.now() - t0 };
  }
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

// ─── running one read ──────────────────────────────────────────────────────────────────────────

interface Run {
  outcome: ChildResult['outcome'] | 'crashed' | 'killed';
  detail: string;
  ms: number;
  peakMB: number;
}

function peakRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function runRead(readerPath: string, filePath: string, name: string, timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const script = path.join(projectRoot, 'scripts', 'hostile-files.ts');
    const proc = spawn(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', script, '--child', readerPath, filePath, name], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let startedAt = 0;
    let peak = 0;
    let killed = false;
    const poll = setInterval(() => {
      peak = Math.max(peak, peakRss(proc.pid!));
    }, 50);
    const timer = setTimeout(() => {
      killed = true;
      proc.kill('SIGKILL');
    }, timeoutMs);
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!startedAt && out.includes('START\n')) startedAt = performance.now();
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (err.length > 20_000) err = err.slice(-20_000);
    });
    proc.on('exit', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const elapsed = startedAt ? performance.now() - startedAt : 0;
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (line) {
        const result = JSON.parse(line.slice(7)) as ChildResult;
        resolve({ ...result, peakMB: peak });
      } else if (killed) {
        resolve({ outcome: 'killed', detail: `still running after ${timeoutMs / 1000} s`, ms: elapsed, peakMB: peak });
      } else {
        const reason = /heap out of memory|Allocation failed/i.test(err)
          ? 'JavaScript heap out of memory'
          : /Invalid string length|Cannot create a string/i.test(err)
            ? 'string too long'
            : `exit ${code ?? signal}`;
        resolve({ outcome: 'crashed', detail: reason, ms: elapsed, peakMB: peak });
      }
    });
  });
}

// ─── the files ─────────────────────────────────────────────────────────────────────────────────

/** A workbook of real-looking rows, streamed into a zip until it is `bytes` long (never held whole). */
async function rowsWorkbookOfSize(file: string, bytes: number): Promise<void> {
  const { workbookOf } = await import('../test/shared/roster/hostileFiles');
  const skeleton = workbookOf(''); // for its parts other than the sheet
  const { unzipSync } = await import('fflate');
  const parts = unzipSync(skeleton);
  const out = createWriteStream(file);
  let written = 0;
  const zip = new Zip((error, data) => {
    if (error) throw error;
    written += data.length;
    out.write(data);
  });
  for (const [name, data] of Object.entries(parts)) {
    if (name === 'xl/worksheets/sheet1.xml') continue;
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(data, true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  let state = 7;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  const towns = ['平望镇', '盛泽镇', '震泽镇', '七都镇', '桃源镇', '黎里镇'];
  for (let row = 1; written < bytes; ) {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++, row++) {
      const code = `91320509MA${next().toString(36).toUpperCase().padStart(7, '0').slice(0, 7)}X`;
      lines.push(
        `<row r="${row}"><c r="A${row}"><v>${row}</v></c><c r="B${row}" t="inlineStr"><is><t>苏州第${next() % 100000}精密机械有限公司</t></is></c>` +
          `<c r="C${row}" t="inlineStr"><is><t>${code}</t></is></c><c r="D${row}" t="inlineStr"><is><t>${towns[next() % towns.length]}</t></is></c>` +
          `<c r="E${row}" t="inlineStr"><is><t>吴江区某路${next() % 10000}号</t></is></c><c r="F${row}"><v>138${String(next() % 1e8).padStart(8, '0')}</v></c></row>`,
      );
    }
    sheet.push(strToU8(lines.join('')));
  }
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * The most a workbook can make the reader keep within the limits: 50,000 rows × 28 cells, each its
 * own 18-character shared string (1,400,000 strings, 25,200,000 characters), ~86 MB inflated.
 */
async function largestWorkbook(file: string): Promise<void> {
  const { workbookOf } = await import('../test/shared/roster/hostileFiles');
  const { unzipSync } = await import('fflate');
  const parts = unzipSync(workbookOf(''));
  const out = createWriteStream(file);
  const zip = new Zip((error, data) => {
    if (error) throw error;
    out.write(data);
  });
  for (const [name, data] of Object.entries(parts)) {
    if (name === 'xl/worksheets/sheet1.xml' || name === 'xl/sharedStrings.xml') continue;
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(data, true);
  }
  const rows = 50_000;
  const columns = 28;
  const text = (i: number) => `s${i.toString(36).padStart(17, '0')}`;
  const strings = new ZipDeflate('xl/sharedStrings.xml', { level: 6 });
  zip.add(strings);
  strings.push(strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'));
  for (let from = 0; from < rows * columns; from += 10_000) {
    const items: string[] = [];
    for (let i = from; i < from + 10_000; i++) items.push(`<si><t>${text(i)}</t></si>`);
    strings.push(strToU8(items.join('')));
  }
  strings.push(strToU8('</sst>'), true);
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  for (let row = 0; row < rows; row += 1000) {
    const lines: string[] = [];
    for (let r = row; r < row + 1000; r++) {
      const cells: string[] = [];
      for (let c = 0; c < columns; c++) cells.push(`<c t="s"><v>${r * columns + c}</v></c>`);
      lines.push(`<row>${cells.join('')}</row>`);
    }
    sheet.push(strToU8(lines.join('')));
  }
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** The most a CSV can make the reader keep within the limits: 50,000 rows × 30 distinct 12-character cells (~19.5 MB). */
function largestCsv(file: string): void {
  const lines: string[] = [];
  for (let row = 0; row < 50_000; row++) {
    const cells: string[] = [];
    for (let c = 0; c < 30; c++) cells.push((row * 30 + c).toString(36).padStart(12, 'x'));
    lines.push(cells.join(','));
  }
  writeFileSync(file, lines.join('\n'));
}

async function realRosters(folder: string): Promise<{ xlsx: string; csv: string }> {
  const header = ['序号', '企业名称', '统一社会信用代码', '所属区镇', '地址', '行业', '外资来源地', '联系人', '联系电话', '服务专员', '挂钩领导', '分级'];
  const rows = Array.from({ length: 50_000 }, (_, i) => [
    String(i + 1),
    `苏州第${i}精密机械有限公司`,
    `91320509MA${String(i).padStart(7, '0')}X`,
    '平望镇',
    `吴江区某路${i}号`,
    '制造业',
    '港澳台',
    '王芳',
    `138${String(i).padStart(8, '0')}`,
    '张三',
    '李局',
    'A',
  ]);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('联系企业名单');
  sheet.addRow(['2026年千名干部联千企联系企业名单']);
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  const xlsx = path.join(folder, 'roster-50000.xlsx');
  writeFileSync(xlsx, new Uint8Array(await workbook.xlsx.writeBuffer()));
  const csv = path.join(folder, 'roster-50000.csv');
  writeFileSync(csv, `\ufeff${[header, ...rows].map((r) => r.join(',')).join('\r\n')}`);
  return { xlsx, csv };
}

interface Case {
  file: string;
  name: string;
  what: string;
  /** What issue 12 measured on 0.1 in Chromium, where it did. */
  issue: string;
}

async function corpus(folder: string): Promise<Case[]> {
  const hostile = await import('../test/shared/roster/hostileFiles');
  const at = (name: string) => path.join(folder, name);
  const cases: Case[] = [];
  const add = (name: string, what: string, issue: string, data?: Uint8Array) => {
    if (data) writeFileSync(at(name), data);
    cases.push({ file: at(name), name, what, issue });
  };
  add('bomb-1gb.xlsx', 'zip bomb: one sheet entry inflating to 1 GB (129:1)', '4 MB file, ~1 GB sheet: page crashed', hostile.zipBombXlsx());
  add('bomb-lying.xlsx', 'the same bomb declaring 1 MB', '—', hostile.lyingZipBombXlsx());
  add('declared-120mb.xlsx', 'entries declaring 120 MB at 60:1', '—', hostile.overDeclaredXlsx());
  log('writing a 24 MB workbook of rows');
  await rowsWorkbookOfSize(at('rows-24mb.xlsx'), 24 * 1024 * 1024);
  add('rows-24mb.xlsx', '24 MB workbook of rows', '24 MB file: Node ran out of memory');
  add('rows-60000.xlsx', '60,000-row workbook', '—', hostile.manyRowsXlsx());
  add('cell-1mb.xlsx', 'workbook with a 1,000,000-character cell', '—', hostile.bigCellXlsx());
  await hostile.writeEmptyColumnsCsv(at('empty-columns-50mb.csv'), 50 * 1024 * 1024);
  add('empty-columns-50mb.csv', '50 MB CSV of empty columns', 'page hung 100 s, then crashed');
  await hostile.writeEmptyColumnsCsv(at('empty-columns-19mb.csv'), 19 * 1024 * 1024);
  add('empty-columns-19mb.csv', '19 MB CSV of empty columns (under the size cap)', '—');
  add('quote-17mb.csv', 'CSV with an unterminated quote on line 2 (17 MB)', 'a 17-million-character name', hostile.unterminatedQuoteCsv(240_000));
  add('header-10000.csv', 'CSV with a 10,000-column header', '—', hostile.wideHeaderCsv());
  add('cells-1550000.csv', 'CSV of 1,550,000 filled cells', '—', hostile.manyCellsCsv());
  log('writing the largest files the limits let through');
  await largestWorkbook(at('largest.xlsx'));
  add('largest.xlsx', 'largest workbook the limits let through: 50,000 rows × 28 distinct strings', '—');
  largestCsv(at('largest.csv'));
  add('largest.csv', 'largest CSV the limits let through: 50,000 rows × 30 distinct cells', '—');
  log('writing two real 50,000-row rosters');
  const real = await realRosters(folder);
  cases.push({ file: real.xlsx, name: 'roster-50000.xlsx', what: 'real roster: 50,000 rows × 12 columns (ExcelJS)', issue: '—' });
  cases.push({ file: real.csv, name: 'roster-50000.csv', what: 'real roster: 50,000 rows × 12 columns (CSV)', issue: '—' });
  return cases;
}

// ─── the old reader ────────────────────────────────────────────────────────────────────────────

const readerPath = 'shared/roster/readRosterFile.ts';

function oldReader(folder: string): { path: string; commit: string } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const commits = git('log', '--format=%H', '--', readerPath).trim().split('\n');
  for (const commit of commits) {
    const source = git('show', `${commit}:${readerPath}`);
    if (!source.includes("import('exceljs')")) continue;
    mkdirSync(path.join(folder, 'before'), { recursive: true });
    symlinkSync(path.join(projectRoot, 'node_modules'), path.join(folder, 'before', 'node_modules'));
    const file = path.join(folder, 'before', 'readRosterFile.ts');
    writeFileSync(
      file,
      source.replace(
        "const { default: excel } = await import('exceljs');",
        `const excel = (await import('node:module')).createRequire(${JSON.stringify(path.join(projectRoot, 'package.json'))})('exceljs');`,
      ),
    );
    return { path: file, commit: commit.slice(0, 7) };
  }
  throw new Error(`no commit of ${readerPath} reads with ExcelJS`);
}

// ─── the report ────────────────────────────────────────────────────────────────────────────────

const mb = (value: number) => `${value.toFixed(0)} MB`;
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

function describeRun(run: Run, baselineMB: number): string {
  const what =
    run.outcome === 'refused'
      ? `refused: ${run.detail.replace(/^文件「[^」]*」/, '').slice(0, 24)}…`
      : run.outcome === 'read'
        ? `read (${run.detail})`
        : run.outcome === 'failed'
          ? `error: ${run.detail.slice(0, 60)}`
          : run.outcome === 'crashed'
            ? `**crashed** (${run.detail})`
            : `**killed** (${run.detail})`;
  return `${what}; ${formatMs(run.ms)}; peak ${mb(run.peakMB)} (+${mb(Math.max(0, run.peakMB - baselineMB))})`;
}

async function main() {
  if (process.argv[2] === '--child') {
    await child(process.argv[3]!, process.argv[4]!, process.argv[5]!);
    return;
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-hostile-'));
  try {
    const before = oldReader(folder);
    const after = path.join(projectRoot, readerPath);
    log(`before: ${readerPath} at ${before.commit}`);
    const cases = await corpus(folder);
    const empty = path.join(folder, 'empty.csv');
    writeFileSync(empty, '企业名称\n甲\n');
    const baseline = { before: await runRead(before.path, empty, 'empty.csv', beforeTimeoutMs), after: await runRead(after, empty, 'empty.csv', afterTimeoutMs) };
    log(`empty process: before ${mb(baseline.before.peakMB)}, after ${mb(baseline.after.peakMB)}`);

    const rows: string[][] = [];
    const messages: string[] = [];
    for (const item of cases) {
      const bytes = statSync(item.file).size;
      log(`${item.name} (${size(bytes)}): after…`);
      const newRun = await runRead(after, item.file, item.name, afterTimeoutMs);
      log(`  after: ${describeRun(newRun, baseline.after.peakMB)}`);
      log(`${item.name}: before…`);
      const oldRun = await runRead(before.path, item.file, item.name, beforeTimeoutMs);
      log(`  before: ${describeRun(oldRun, baseline.before.peakMB)}`);
      rows.push([`${item.what} (\`${item.name}\`, ${size(bytes)})`, item.issue, describeRun(oldRun, baseline.before.peakMB), describeRun(newRun, baseline.after.peakMB)]);
      if (newRun.outcome === 'refused') messages.push(`- \`${item.name}\`: ${newRun.detail}`);
    }
    const table = markdownTable(['file', '0.1 in Chromium (issue 12)', 'before (0.1 reader, Node)', 'after (limits, Node)'], rows);
    console.log(`\n${table}\n`);
    await writeBenchmarkSection(
      'bench:hostile',
      `${machineLine()}.

Each hostile roster file (generated by \`test/shared/roster/hostileFiles.ts\`, the tests' own corpus) read
once in a fresh Node process with a 4 GB heap (as a Chromium renderer's), which loads the reader and reads
that one file and nothing else: time is the read alone; "peak" is the process's peak resident memory
(VmHWM), and (+…) is that less an empty read in the same kind of process (before ${mb(baseline.before.peakMB)},
after ${mb(baseline.after.peakMB)}). **Before** is \`${readerPath}\` at ${before.commit} (ExcelJS, whole file and whole
zip entries in memory, no limits), given ${beforeTimeoutMs / 1000} s; **after** is the reader with the limits,
entered as the worker enters it (\`readRosterBlob\`: the size first, from a file handle). The issue's own
figures, measured on 0.1 in Chromium, are in the second column.

${table}

The messages the officer gets (after):

${messages.join('\n')}

Limits (\`shared/roster/rosterLimits.ts\`): a file over 20 MB is refused unread; a workbook whose zip entries
declare over 100 MB in all, or whose entry of 1 MB or more inflates over 100:1 (real worksheets measure about
12:1), is refused from its central directory, before anything is inflated, and an entry inflating past its
declared size is stopped there; rows stop at 50,000 (+10 for title, header and footer), columns at 200, cells at
1,000 characters (refused, naming row and column; never cut) and 1,500,000 filled cells; a quote that does not
close within a cell is refused naming the line it opened on.

Memory bound of the reader (the worker): the file (≤ 20 MB) + one inflated piece (≤ 16 KB × 1032 ≈ 16.5 MB) and
its decoded text + the shared-string table (≤ 1,500,000 strings, ≤ 30,000,000 characters) + the cells kept
(≤ 1,500,000, ≤ 1,000 characters each) — about 250 MB at the very worst a file can reach within the limits; the
real 50,000-row rosters above show what a large real file costs. The reader never writes: the database is
untouched whatever the file (test/renderer/roster/readRosterInBackground.test.ts, test/e2e/roster.e2e.ts).`,
    );
    log('done; docs/benchmarks.md updated');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
