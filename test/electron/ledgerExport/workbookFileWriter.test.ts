// The main-process writer under Node: the chosen name holds a complete workbook or is untouched.
import { mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createExportHandlers } from '../../../electron/ledgerExport/exportHandlerSet';
import { ExportSessions } from '../../../electron/ledgerExport/exportSessions';
import { WorkbookFileWriter } from '../../../electron/ledgerExport/workbookFileWriter';
import { checkIpcArgs } from '../../../shared/ipc';
import type { SheetSpec } from '../../../shared/reports/sheetSpec';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-writer-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const spec: SheetSpec = {
  name: '走访台账',
  title: '走访台账',
  infoLines: [],
  columns: [
    { header: '序号', width: 6, type: 'integer' },
    { header: '日期', width: 12, type: 'date' },
    { header: '内容', width: 30, type: 'text' },
  ],
  columnHeader: true,
  totalLabel: '合计',
};

describe('WorkbookFileWriter', () => {
  test('writes beside the target and only renames into place when finished', async () => {
    const target = path.join(dir, '台账.xlsx');
    const writer = await WorkbookFileWriter.open(target);
    writer.addSheet(spec);
    await writer.appendRows([{ kind: 'data', cells: [1, '2026-11-03', '=1+1'] }]);
    expect(await readdir(dir)).toEqual([path.basename(writer.tempPath)]);
    expect(writer.commitSheet()).toBe(1);
    await writer.finish();
    expect(await readdir(dir)).toEqual(['台账.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const ws = wb.getWorksheet('走访台账')!;
    expect(ws.getCell('C3').value).toBe('=1+1');
    expect(ws.getCell('C3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B3').value).toEqual(new Date(Date.UTC(2026, 10, 3)));
  });

  test('rows with long text are tall enough to print every wrapped line; short rows keep the default', async () => {
    const target = path.join(dir, '长文本.xlsx');
    const writer = await WorkbookFileWriter.open(target);
    writer.addSheet(spec);
    const long = '企业反映二季度订单回升，一线操作工缺口较大，希望协助对接劳务基地和职业院校组织专场招聘。'.repeat(2);
    await writer.appendRows([
      { kind: 'data', cells: [1, '2026-11-03', '短'] },
      { kind: 'data', cells: [2, '2026-11-04', long] },
    ]);
    writer.commitSheet();
    await writer.finish();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const ws = wb.getWorksheet('走访台账')!;
    expect(ws.getRow(3).height ?? 15).toBeLessThanOrEqual(15);
    // 88 CJK characters at 2 units each in a 30-wide column: at least 6 lines of ~14.5 pt.
    expect(ws.getRow(4).height).toBeGreaterThanOrEqual(6 * 14.5);
    expect(ws.getCell('C4').alignment?.wrapText).toBe(true);
  });

  test('rows flow to the file as they are appended instead of piling up until the sheet is committed', async () => {
    const target = path.join(dir, '大表.xlsx');
    const writer = await WorkbookFileWriter.open(target);
    writer.addSheet(spec);
    const text = '了解企业二季度以来生产经营情况，企业总体运行平稳，订单较去年同期有所增长。';
    const pipe = () => (writer as unknown as { sheet: { worksheet: { _stream: { pipes: { _writableState: { length: number } }[] } } } }).sheet.worksheet._stream.pipes[0]!;
    let most = 0;
    for (let chunk = 0; chunk < 30; chunk += 1) {
      await writer.appendRows(Array.from({ length: 1000 }, (_, i) => ({ kind: 'data' as const, cells: [chunk * 1000 + i + 1, '2026-11-03', text] })));
      most = Math.max(most, pipe()._writableState.length);
    }
    // 30,000 rows are ~6 MB of sheet XML; what waits for the zip stays under 1 MB plus one chunk.
    expect(most).toBeLessThan(1024 * 1024 + 400 * 1024);
    expect((await stat(writer.tempPath)).size).toBeGreaterThan(100 * 1024);
    writer.commitSheet();
    await writer.finish();
  });

  test('a failed write leaves the file already under the chosen name untouched and no temp file', async () => {
    const target = path.join(dir, '台账.xlsx');
    await writeFile(target, 'old report');
    const writer = await WorkbookFileWriter.open(target);
    writer.addSheet(spec);
    await writer.appendRows([{ kind: 'data', cells: [1, '2026-11-03', 'x'] }]);
    await unlink(writer.tempPath); // the disk "loses" the temp file: the rename must fail
    await expect(writer.finish()).rejects.toThrow(/保存“台账.xlsx”失败/);
    expect(await readdir(dir)).toEqual(['台账.xlsx']);
    expect(await readFile(target, 'utf8')).toBe('old report');
  });

  test('abort removes the temp file and nothing appears under the chosen name', async () => {
    const target = path.join(dir, '取消.xlsx');
    const writer = await WorkbookFileWriter.open(target);
    writer.addSheet(spec);
    await writer.appendRows(Array.from({ length: 500 }, (_, i) => ({ kind: 'data' as const, cells: [i + 1, '2026-11-03', '内容'] })));
    await writer.abort();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('export handlers', () => {
  const handlers = (filePath: string | null, sessions = new ExportSessions()) =>
    createExportHandlers(
      {
        showSaveDialog: async () => (filePath === null ? { canceled: true } : { canceled: false, filePath }),
        defaultFolder: () => dir,
      },
      sessions,
    );

  test('a step that fails aborts the export: the id is gone and no file is left', async () => {
    const sessions = new ExportSessions();
    const h = handlers(path.join(dir, 'r'), sessions);
    const begun = await h.exportBegin({ suggestedName: 'r.xlsx' });
    expect(begun?.fileName).toBe('r.xlsx'); // .xlsx added to a name typed without it
    const exportId = begun!.exportId;
    await h.exportAddSheet({ exportId, sheet: spec });
    await expect(h.exportAddSheet({ exportId, sheet: { ...spec, name: '问题清单' } })).rejects.toThrow('上一张工作表尚未写完');
    expect(sessions.size).toBe(0);
    await expect(h.exportAppendRows({ exportId, rows: [] })).rejects.toThrow('导出不存在或已结束');
    expect(await readdir(dir)).toEqual([]);
  });

  test('quitting with an export open deletes its temp file at once', async () => {
    const sessions = new ExportSessions();
    const h = handlers(path.join(dir, 'quit.xlsx'), sessions);
    const begun = await h.exportBegin({ suggestedName: 'quit.xlsx' });
    await h.exportAddSheet({ exportId: begun!.exportId, sheet: spec });
    await h.exportAppendRows({ exportId: begun!.exportId, rows: [{ kind: 'data', cells: [1, '2026-11-03', 'x'] }] });
    expect(await readdir(dir)).toHaveLength(1);
    sessions.abortAllNow();
    expect(await readdir(dir)).toEqual([]);
    expect(sessions.size).toBe(0);
  });

  test('cancelling the dialog opens nothing', async () => {
    expect(await handlers(null).exportBegin({ suggestedName: 'x.xlsx' })).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  test('the contract refuses cells that are not text, numbers or empty (no formula objects)', () => {
    const bad = checkIpcArgs('exportAppendRows', { exportId: 'x', rows: [{ kind: 'data', cells: [{ formula: 'CMD()' }] }] });
    expect(bad.ok).toBe(false);
    const badName = checkIpcArgs('exportAddSheet', { exportId: 'x', sheet: { ...spec, name: 'a/b' } });
    expect(badName.ok).toBe(false);
    expect(checkIpcArgs('exportAppendRows', { exportId: 'x', rows: [{ kind: 'data', cells: ['=1', 2, null] }] }).ok).toBe(true);
  });
});
