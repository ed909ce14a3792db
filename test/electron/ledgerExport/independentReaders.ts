// Readers that share no code with ExcelJS, for checking exported workbooks: LibreOffice headless (its
// own throwaway profile, so parallel runs and the user's settings do not interfere) and Debian's
// python3-openpyxl.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Converts with `soffice --headless --convert-to`; returns the files it wrote into a fresh folder. */
export async function libreOfficeConvert(file: string, convertTo: string): Promise<{ dir: string; files: string[]; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-lo-out-'));
  const profile = await mkdtemp(path.join(os.tmpdir(), 'ledger-lo-profile-'));
  try {
    await run(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', convertTo, '--outdir', dir, file],
      { timeout: 120_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return { dir, files: (await readdir(dir)).sort(), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** CSV of every sheet (LibreOffice ≥ 7.2: the 12th filter token -1 = all sheets, one file each). */
export async function libreOfficeCsvSheets(file: string): Promise<Map<string, string>> {
  // 44 = comma, 34 = quote, 76 = UTF-8, row 1; "as shown" off so numbers and dates come out raw-ish.
  const out = await libreOfficeConvert(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
  try {
    const sheets = new Map<string, string>();
    const base = path.basename(file, path.extname(file));
    for (const name of out.files) {
      const sheet = name.slice(base.length + 1, -'.csv'.length);
      sheets.set(sheet, await readFile(path.join(out.dir, name), 'utf8'));
    }
    return sheets;
  } finally {
    await out.cleanup();
  }
}

export interface OpenpyxlSheet {
  title: string;
  freeze_panes: string | null;
  auto_filter: string | null;
  print_title_rows: string | null;
  orientation: string | null;
  paper_size: number | null;
  fit_to_width: number | null;
  fit_to_height: number | null;
  /** The print area's ranges (e.g. ["$A:$K"]; openpyxl gives a string or a list), or null for the whole sheet. */
  print_area: string | string[] | null;
  /** Rows after which a manual page break is set. */
  row_breaks: number[];
  merged: string[];
  /** [value as JSON-able, openpyxl data_type] per cell, row by row. */
  rows: [unknown, string][][];
}

const openpyxlScript = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
def val(v):
    if isinstance(v, (datetime.datetime, datetime.date)):
        return v.strftime('%Y-%m-%d')
    return v
for ws in wb.worksheets:
    out.append({
        'title': ws.title,
        'freeze_panes': ws.freeze_panes,
        'auto_filter': ws.auto_filter.ref,
        'print_title_rows': ws.print_title_rows,
        'orientation': ws.page_setup.orientation,
        'paper_size': ws.page_setup.paperSize and int(ws.page_setup.paperSize),
        'fit_to_width': ws.page_setup.fitToWidth and int(ws.page_setup.fitToWidth),
        'fit_to_height': None if ws.page_setup.fitToHeight is None else int(ws.page_setup.fitToHeight),
        'print_area': ws.print_area,
        'row_breaks': [b.id for b in ws.row_breaks.brk],
        'merged': sorted(str(r) for r in ws.merged_cells.ranges),
        'rows': [[[val(c.value), c.data_type] for c in row] for row in ws.iter_rows()],
    })
print(json.dumps(out, ensure_ascii=False))
`;

/** Loads the workbook with /usr/bin/python3 + openpyxl and returns what it sees. */
export async function openpyxlRead(file: string): Promise<OpenpyxlSheet[]> {
  const { stdout } = await run('/usr/bin/python3', ['-c', openpyxlScript, file], { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as OpenpyxlSheet[];
}

/**
 * Converts several files in one LibreOffice run (one start-up instead of one per file); returns the
 * PDF (or other output) path of each input, in order.
 */
export async function libreOfficeConvertAll(
  files: readonly string[],
  convertTo: string,
): Promise<{ outputs: string[]; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-lo-out-'));
  const profile = await mkdtemp(path.join(os.tmpdir(), 'ledger-lo-profile-'));
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', convertTo, '--outdir', dir, ...files], {
      timeout: 180_000,
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const extension = convertTo.split(':')[0]!;
  return {
    outputs: files.map((f) => path.join(dir, `${path.basename(f, path.extname(f))}.${extension}`)),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  /** Points (1/72 in). */
  width: number;
  height: number;
  words: PdfWord[];
}

const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Every word of a PDF with its box, page by page, as poppler's `pdftotext -bbox` finds them. A word's
 * box is as tall as its font's ascent-to-descent at the printed size, so its height is proportional
 * to the printed font size (see `printedPointSize`).
 */
export async function pdfWords(file: string): Promise<PdfPage[]> {
  const { stdout } = await run('pdftotext', ['-bbox', file, '-'], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  const token = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of stdout.matchAll(token)) {
    if (m[1] !== undefined) {
      pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
      continue;
    }
    const text = (m[7] ?? '').replace(/&(\w+);/g, (all, name: string) => xmlEntities[name] ?? all);
    pages.at(-1)?.words.push({ text, xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]) });
  }
  return pages;
}
