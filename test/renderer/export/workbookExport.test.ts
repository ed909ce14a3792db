// The one workbook export helper over the main process's real streaming writer (a scripted save
// dialog into a temp folder): progress counts rows written of the total after every chunk, a cancel
// mid-way leaves nothing under the chosen name nor beside it, and a failing step drops the file too.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { exportWorkbook, type ExportProgress } from '../../../renderer/src/export/workbookExport';
import { EXPORT_CHUNK_ROWS, type SheetRow, type SheetSpec } from '../../../shared/reports/sheetSpec';
import { fileSink } from './exportSinks';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-helper-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bridgeTo = (file: string | null) => fileSink(dir, file);

const spec = (name: string): SheetSpec => ({
  name,
  title: `${name}表`,
  infoLines: [],
  columns: [
    { header: '序号', width: 6, type: 'integer' },
    { header: '企业名称', width: 30, type: 'text' },
  ],
  columnHeader: true,
  totalLabel: '合计',
});
const rows = (n: number): SheetRow[] => Array.from({ length: n }, (_, i) => ({ kind: 'data', cells: [i + 1, `企业${i + 1}`] }));

describe('exportWorkbook', () => {
  test('writes every sheet and reports rows written / total after each chunk, sheet by sheet', async () => {
    const seen: ExportProgress[] = [];
    const outcome = await exportWorkbook(
      bridgeTo('两表.xlsx'),
      { suggestedName: '两表.xlsx', totalRows: 2500 + 3 },
      async (book) => {
        await book.sheet(spec('甲'), (sink) => sink.appendAll(rows(2500)));
        await book.sheet(spec('乙'), (sink) => sink.append(rows(3)));
      },
      { onProgress: (p) => seen.push(p) },
    );
    expect(outcome).toEqual({ status: 'saved', fileName: '两表.xlsx' });
    expect(seen.map((p) => `${p.sheet} ${p.written}/${p.total}`)).toEqual([
      '甲 0/2503',
      `甲 ${EXPORT_CHUNK_ROWS}/2503`,
      `甲 ${2 * EXPORT_CHUNK_ROWS}/2503`,
      '甲 2500/2503',
      '乙 2500/2503',
      '乙 2503/2503',
    ]);
    expect(await readdir(dir)).toEqual(['两表.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '两表.xlsx'));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['甲', '乙']);
    expect(wb.getWorksheet('甲')!.getRow(2 + 2500).getCell(2).value).toBe('企业2500');
  });

  test('cancelling mid-way resolves cancelled and leaves no file under the chosen name or beside it', async () => {
    const controller = new AbortController();
    let asked = 0;
    const outcome = await exportWorkbook(
      bridgeTo('取消.xlsx'),
      { suggestedName: '取消.xlsx', totalRows: 5000 },
      async (book) => {
        await book.sheet(spec('甲'), async (sink) => {
          for (let i = 0; i < 5; i += 1) {
            asked += 1;
            await sink.append(rows(EXPORT_CHUNK_ROWS));
          }
        });
      },
      { signal: controller.signal, onProgress: (p) => p.written >= 2000 && controller.abort() },
    );
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(asked).toBe(3); // the chunk after the cancel is never written
    expect(await readdir(dir)).toEqual([]);
  });

  test('cancelling the save dialog writes nothing and calls no sheet', async () => {
    let called = false;
    const outcome = await exportWorkbook(bridgeTo(null), { suggestedName: 'x.xlsx', totalRows: 1 }, async () => {
      called = true;
    });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(called).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  test('a failure while filling a sheet drops the file and is thrown on', async () => {
    const failing = exportWorkbook(bridgeTo('失败.xlsx'), { suggestedName: '失败.xlsx', totalRows: 2 }, async (book) => {
      await book.sheet(spec('甲'), async (sink) => {
        await sink.append(rows(1));
        throw new Error('读取记录失败');
      });
    });
    await expect(failing).rejects.toThrow('读取记录失败');
    expect(await readdir(dir)).toEqual([]);
  });
});
