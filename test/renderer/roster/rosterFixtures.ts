// Roster files as real users send them, made at test time: by ExcelJS, by LibreOffice (soffice
// headless, from a CSV), by python3-openpyxl, and CSV in GBK (as Chinese Excel saves "CSV") or UTF-8.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type FixtureCell = string | number | { formula: string } | null;

export const rosterTitle = '2026年千名干部联千企联系企业名单';

/** CSV text with quotes where needed (CRLF, as Excel writes it). */
export function toCsv(rows: readonly (readonly FixtureCell[])[]): string {
  return rows
    .map((row) =>
      row
        .map((cell) => {
          const text = cell === null ? '' : typeof cell === 'object' ? `=${cell.formula}` : String(cell);
          return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
        })
        .join(','),
    )
    .join('\r\n');
}

export function gbkCsv(rows: readonly (readonly FixtureCell[])[]): Uint8Array {
  return new Uint8Array(iconv.encode(toCsv(rows), 'gbk'));
}

export function utf8BomCsv(rows: readonly (readonly FixtureCell[])[]): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv(rows), 'utf8')]));
}

/** An .xlsx by ExcelJS with a merged title row above the header, as bureau templates have. */
export async function exceljsRoster(header: readonly string[], rows: readonly (readonly FixtureCell[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('联系企业');
  sheet.addRow([rosterTitle]);
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.addRow([...header]);
  for (const row of rows) {
    sheet.addRow(row.map((cell) => (cell !== null && typeof cell === 'object' ? { formula: cell.formula, result: '' } : cell)));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An .xlsx written by python3-openpyxl (Debian's), with a merged title row and text-typed cells. */
export function openpyxlRoster(header: readonly string[], rows: readonly (readonly FixtureCell[])[]): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'roster-openpyxl-'));
  try {
    const out = path.join(dir, 'roster.xlsx');
    const script = [
      'import json, sys, openpyxl',
      'data = json.load(sys.stdin)',
      'wb = openpyxl.Workbook()',
      'ws = wb.active',
      'ws.title = "名单"',
      'ws.append([data["title"]])',
      'ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(data["header"]))',
      'ws.append(data["header"])',
      'for row in data["rows"]:',
      '    ws.append([("=" + c["formula"]) if isinstance(c, dict) else c for c in row])',
      'wb.save(sys.argv[1])',
    ].join('\n');
    execFileSync('/usr/bin/python3', ['-c', script, out], { input: JSON.stringify({ title: rosterTitle, header, rows }) });
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An .xlsx converted by LibreOffice headless from a UTF-8 CSV, with its own throwaway profile. */
export function libreOfficeRoster(rows: readonly (readonly FixtureCell[])[]): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'roster-soffice-'));
  try {
    const csv = path.join(dir, 'roster.csv');
    writeFileSync(csv, toCsv(rows), 'utf8');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--infilter=CSV:44,34,76,1',
        '--convert-to',
        'xlsx',
        '--outdir',
        dir,
        csv,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    return new Uint8Array(readFileSync(path.join(dir, 'roster.xlsx')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
