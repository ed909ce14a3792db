// The writer's print layout: the paper, the printed columns, and, on a sheet of several tables, a
// page that continues a table starting under that table's section and header rows again.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SheetRow, SheetSpec } from '../../../shared/reports/sheetSpec';
import { SheetWriter } from '../../../shared/reports/sheetWriter';
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
