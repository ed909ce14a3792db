// The writer's print layout: the paper, the printed columns, and, on a sheet of several tables, a
// page that continues a table starting under that table's section and header rows again.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SheetRow, SheetSpec } from '../../../shared/reports/sheetSpec';
import { SheetWriter, estimateLines } from '../../../shared/reports/sheetWriter';
import { openpyxlRead, type OpenpyxlSheet } from '../../electron/ledgerExport/independentReaders';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sheet-writer-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tables: SheetSpec = {
  name: '汇总',
  title: '汇总',
  infoLines: ['填报单位：测试'],
  columns: [
    { header: '项目', width: 30, type: 'text' },
    { header: '数量', width: 12, type: 'integer' },
  ],
  columnHeader: false,
  rowHeight: 20,
  pageTables: true,
};

/** The sheet as ExcelJS reads it back, and its page breaks and print area as openpyxl reads them. */
async function roundTrip(spec: SheetSpec, rows: SheetRow[]): Promise<{ ws: ExcelJS.Worksheet; py: OpenpyxlSheet }> {
  const wb = new ExcelJS.Workbook();
  const writer = new SheetWriter(wb, spec);
  writer.appendRows(rows);
  writer.commit();
  const file = path.join(dir, `${spec.name}-${rows.length}.xlsx`);
  await wb.xlsx.writeFile(file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return { ws: back.getWorksheet(spec.name)!, py: (await openpyxlRead(file))[0]! };
}

const table = (title: string, n: number): SheetRow[] => [
  { kind: 'section', cells: [title] },
  { kind: 'header', cells: ['政策', '宣讲次数'] },
  ...Array.from({ length: n }, (_, i): SheetRow => ({ kind: 'data', cells: [`政策 ${i + 1}`, i] })),
];

describe('SheetWriter print layout', () => {
  test('a table longer than a page breaks the page and starts again under its section (续) and header', async () => {
    const { ws, py } = await roundTrip(tables, table('一、政策宣讲', 40));
    const firstColumn = Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).getCell(1).value);
    const continued = firstColumn.indexOf('一、政策宣讲（续）') + 1;
    expect(continued).toBeGreaterThan(10);
    expect(ws.getRow(continued + 1).values).toEqual([undefined, '政策', '宣讲次数']);
    expect(ws.getRow(continued + 1).getCell(1).font?.bold).toBe(true);
    // The manual break sits right above the repeated section; every data row is still written once.
    expect(py.row_breaks).toContain(continued - 1);
    expect(firstColumn.filter((v) => typeof v === 'string' && v.startsWith('政策 '))).toHaveLength(40);
  });

  test('a table whose heading and first rows do not fit at the foot of a page starts on the next page', async () => {
    const { ws, py } = await roundTrip(tables, [...table('一、总体情况', 16), ...table('二、分区镇情况', 8)]);
    const firstColumn = Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).getCell(1).value);
    const second = firstColumn.indexOf('二、分区镇情况') + 1;
    expect(py.row_breaks).toEqual([second - 1]);
    expect(firstColumn.some((v) => typeof v === 'string' && v.endsWith('（续）'))).toBe(false);
  });

  test('a ledger prints on the paper it asks for, and only its printed columns', async () => {
    const ledger: SheetSpec = {
      name: '台账',
      title: '台账',
      infoLines: [],
      columns: [
        { header: '序号', width: 6, type: 'integer' },
        { header: '内容', width: 30, type: 'text' },
        { header: '统一社会信用代码', width: 20, type: 'text' },
      ],
      columnHeader: true,
      paper: 'A3',
      printColumns: 2,
    };
    const { ws, py } = await roundTrip(ledger, [{ kind: 'data', cells: [1, '内容', '91320509MA1XXXXX01'] }]);
    expect(ws.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:2' });
    expect([py.print_area].flat()).toEqual(['$A:$B']); // the credit code column does not print
    expect(ws.getCell('C3').value).toBe('91320509MA1XXXXX01');
  });
});

describe('SheetWriter on the streaming writer', () => {
  const ledger: SheetSpec = {
    name: '问题清单',
    title: '问题清单（测试）',
    infoLines: ['填报单位：测试'],
    columns: [
      { header: '序号', width: 6, type: 'integer' },
      { header: '提出日期', width: 12, type: 'date' },
      { header: '问题描述', width: 24, type: 'text' },
      { header: '答复期限', width: 12, type: 'date' },
      { header: '金额', width: 10, type: 'number', sum: true },
      { header: '办结率', width: 8, type: 'percent' },
    ],
    columnHeader: true,
    totalLabel: '合计',
  };
  const texts = ['短', '', '=SUM(A1:A9)', '<企业> & "总体" \'运行\'', '第一行\r\n第二行\r第三行', '控制\u0001字符\u007f', '😀'.repeat(30), '企业反映订单回升，一线操作工缺口较大。'.repeat(4)];
  const rows: SheetRow[] = Array.from({ length: 400 }, (_, i) => ({
    kind: i % 7 === 0 ? 'late' : 'data',
    cells: [i + 1, i % 9 === 0 ? null : `2026-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}`, texts[i % texts.length]!, i % 5 === 0 ? '2026-02-30（待确认）' : '2026-12-01', i % 4 === 0 ? null : i * 1.25, i / 400],
  }));

  async function streamed(directRows: boolean, name: string): Promise<Record<string, string>> {
    const file = path.join(dir, `${name}.xlsx`);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    wb.created = wb.modified = new Date(Date.UTC(2026, 10, 30));
    const sheet = new SheetWriter(wb, ledger, { directRows });
    for (let i = 0; i < rows.length; i += 150) sheet.appendRows(rows.slice(i, i + 150));
    sheet.commit();
    const empty = new SheetWriter(wb, { ...ledger, name: '空表', totalLabel: undefined, emptyText: '暂无数据' }, { directRows });
    empty.commit();
    const summary = new SheetWriter(wb, { ...tables, totalLabel: '合计' }, { directRows });
    summary.appendRows([...table('一、政策宣讲', 30), { kind: 'total', cells: ['小计', 435] }, { kind: 'data', cells: [null, null] }]);
    summary.commit();
    await wb.commit();
    const entries = unzipSync(new Uint8Array(await readFile(file)));
    return Object.fromEntries(Object.entries(entries).map(([entry, bytes]) => [entry, new TextDecoder().decode(bytes)]));
  }

  test('table rows written straight to the sheet XML make the very file ExcelJS writes: values, styles, heights, sums', async () => {
    const direct = await streamed(true, 'direct');
    const throughExcelJS = await streamed(false, 'exceljs');
    expect(Object.keys(direct).sort()).toEqual(Object.keys(throughExcelJS).sort());
    for (const entry of Object.keys(throughExcelJS)) expect(direct[entry], entry).toBe(throughExcelJS[entry]);
    // And it reads back as written: text stays text, dates are dates, the 合计 sums the column.
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path.join(dir, 'direct.xlsx'));
    const ws = back.getWorksheet('问题清单')!;
    expect(ws.getCell('C6').value).toBe('=SUM(A1:A9)');
    expect(ws.getCell('C7').value).toBe('<企业> & "总体" \'运行\'');
    expect(ws.getCell('B5').value).toEqual(new Date(Date.UTC(2026, 1, 2)));
    expect(ws.getCell('E4').border?.top?.style).toBe('thin'); // an empty cell keeps its borders
    const total = ws.getRow(4 + rows.length);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(5).value).toBe(rows.reduce((sum, r) => sum + (typeof r.cells[4] === 'number' ? r.cells[4] : 0), 0));
  });

  test('a character outside the basic plane counts once, as wide as a Chinese character', () => {
    expect(estimateLines('😀'.repeat(10), 11)).toBe(2);
    expect(estimateLines('中'.repeat(10), 11)).toBe(2);
    expect(estimateLines('a\n\nb', 20)).toBe(3);
  });
});
