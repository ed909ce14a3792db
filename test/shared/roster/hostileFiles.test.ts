// Files built to take the import down — or that do it by accident — are refused by the limit they
// hit, with a Chinese message that names it, and reading stops there (no test here needs more
// than vitest's default time; the time and memory each takes are measured by `npm run bench:hostile`).
// The files are generated here, in memory or in the system's temp folder (hostileFiles.ts).
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readRosterBlob, readRosterFile, RosterFileError } from '../../../shared/roster/readRosterFile';
import {
  bigCellXlsx,
  lyingZipBombXlsx,
  manyCellsCsv,
  manyRowsXlsx,
  overDeclaredXlsx,
  oversizedXlsx,
  unterminatedQuoteCsv,
  wideHeaderCsv,
  workbookOf,
  writeEmptyColumnsCsv,
  zipBombXlsx,
} from './hostileFiles';

const folder = mkdtempSync(path.join(tmpdir(), 'roster-hostile-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function refusal(read: Promise<unknown>): Promise<string> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RosterFileError);
  return (error as Error).message;
}

describe('workbooks', () => {
  it('refuses a zip bomb (8 MB inflating to 1 GB) from its directory, before inflating anything', async () => {
    const message = await refusal(readRosterFile('炸弹.xlsx', zipBombXlsx()));
    expect(message).toMatch(/^文件「炸弹\.xlsx」中的「xl\/worksheets\/sheet1\.xml」压缩了 129:1（解压后 1024 MB），超过 100:1 的压缩比上限，像是恶意构造的“压缩炸弹”，没有读取/);
  });

  it('stops a bomb that declares 1 MB at the first piece past it', async () => {
    const message = await refusal(readRosterFile('炸弹.xlsx', lyingZipBombXlsx()));
    expect(message).toBe(
      '文件「炸弹.xlsx」中的「xl/worksheets/sheet1.xml」解压后比它声明的大小更大，已在该处停止：文件已损坏，或是恶意构造的“压缩炸弹”，没有读取',
    );
  });

  it('refuses a workbook whose entries declare more than 100 MB in all, though each ratio looks plausible', async () => {
    expect(await refusal(readRosterFile('图片.xlsx', overDeclaredXlsx()))).toContain('解压后超过 100 MB（Excel 工作簿解压后的上限），没有读取');
  });

  it('refuses a 24 MB workbook before reading it', async () => {
    const data = oversizedXlsx();
    expect(await refusal(readRosterFile('大文件.xlsx', data))).toBe(
      '文件「大文件.xlsx」有 24 MB，超过名单文件 20 MB 的上限，没有读取。请删除多余的工作表和图片，或按区镇拆分成几个文件后再导入',
    );
  });

  it('stops a workbook of 60,000 rows at the row cap', async () => {
    expect(await refusal(readRosterFile('六万行.xlsx', manyRowsXlsx()))).toBe(
      '文件「六万行.xlsx」约有 60001 行，超过单次导入上限 50000 行，已停止读取，没有导入任何数据。请按区镇拆分成几个文件分批导入',
    );
  });

  it('reads 50,000 rows and the title, header and footer rows above them', async () => {
    const sheet = await readRosterFile('五万行.xlsx', manyRowsXlsx(50_009));
    expect(sheet.rows).toHaveLength(50_010);
    expect(sheet.rows[50_009]).toEqual(['第50010家有限公司', 50_010]);
  });

  it('refuses a cell of 1,000,000 characters, naming its row and column', async () => {
    expect(await refusal(readRosterFile('长单元格.xlsx', bigCellXlsx()))).toBe(
      '文件「长单元格.xlsx」第 3 行 B 列的单元格超过 1000 个字符（每个单元格最多 1000 个字符），没有导入任何数据。请缩短或删除该单元格的内容后再导入',
    );
    // Inline text (as some exporters write it) is held to the same cap.
    const inline = workbookOf(`<row r="7"><c r="D7" t="inlineStr"><is><t>${'甲'.repeat(1001)}</t></is></c></row>`);
    expect(await refusal(readRosterFile('长单元格.xlsx', inline))).toContain('第 7 行 D 列的单元格超过 1000 个字符');
    // 1,000 characters exactly is within it.
    const sheet = await readRosterFile('满格.xlsx', workbookOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'甲'.repeat(1000)}</t></is></c></row>`));
    expect((sheet.rows[0]![0] as string).length).toBe(1000);
  });

  it('refuses content right of column 200, and drops empty cells there', async () => {
    expect(await refusal(readRosterFile('宽表.xlsx', workbookOf('<row r="2"><c r="A2"><v>1</v></c><c r="GS2"><v>2</v></c></row>')))).toBe(
      '文件「宽表.xlsx」第 2 行的第 201 列（GS 列）还有内容，超过每行最多 200 列的上限（表头也算在内），没有导入任何数据。请删除表格右侧多余的列后再导入',
    );
    const styled = await readRosterFile('宽表.xlsx', workbookOf('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="1"/></row>'));
    expect(styled.rows).toEqual([[1]]);
  });

  it('refuses a DOCTYPE (the start of entity-expansion attacks) as a damaged workbook', async () => {
    const parts = unzipSync(workbookOf(''));
    parts['xl/worksheets/sheet1.xml'] = strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>');
    expect(await refusal(readRosterFile('实体.xlsx', zipSync(parts)))).toBe(
      '文件「实体.xlsx」已损坏或不是有效的 Excel 工作簿，无法打开（xl/worksheets/sheet1.xml 格式错误）',
    );
  });
});

describe('CSV files', () => {
  it('refuses a 50 MB CSV of empty columns by its size, without reading it', async () => {
    const file = path.join(folder, 'empty-columns-50mb.csv');
    await writeEmptyColumnsCsv(file, 50 * 1024 * 1024);
    // A Blob backed by the file: only its size is looked at.
    const message = await refusal(readRosterBlob('空列.csv', await openAsBlob(file)));
    expect(message).toBe('文件「空列.csv」有 50 MB，超过名单文件 20 MB 的上限，没有读取。请删除多余的工作表和图片，或按区镇拆分成几个文件后再导入');
  });

  it('reads 19 MB of empty columns quickly to its one header row, 200 columns wide at most', async () => {
    const file = path.join(folder, 'empty-columns-19mb.csv');
    await writeEmptyColumnsCsv(file, 19 * 1024 * 1024);
    const sheet = await readRosterBlob('空列.csv', await openAsBlob(file));
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]!.slice(0, 3)).toEqual(['企业名称', '统一社会信用代码', '所属区镇']);
    expect(sheet.rows[0]!.length).toBe(200);
  });

  it('refuses an unterminated quote, naming the line where it opened, instead of making a huge cell', async () => {
    expect(await refusal(readRosterFile('引号.csv', unterminatedQuoteCsv()))).toBe(
      '文件「引号.csv」第 2 行 B 列以引号（"）开头的单元格，到 1000 个字符仍没有结束的引号：引号没有闭合（每个单元格最多 1000 个字符），没有导入任何数据。' +
        '请在该处补上结束的引号，或删除多余的引号后再导入',
    );
    // Closer to the end of the file than the cap: the end of the file is where it is noticed.
    expect(await refusal(readRosterFile('引号.csv', unterminatedQuoteCsv(3)))).toBe(
      '文件「引号.csv」第 2 行 B 列的引号（"）没有闭合：从这个引号到文件末尾都没有结束的引号，没有导入任何数据。请在该处补上结束的引号，或删除多余的引号后再导入',
    );
  });

  it('counts lines inside quoted cells when naming where a quote opened', async () => {
    const data = new TextEncoder().encode('企业名称,地址\n甲,"吴江区\n一号"\n乙,"未闭合\n');
    expect(await refusal(readRosterFile('引号.csv', data))).toContain('第 4 行 B 列的引号（"）没有闭合');
  });

  it('refuses a 10,000-column header at column 201', async () => {
    expect(await refusal(readRosterFile('宽表头.csv', wideHeaderCsv()))).toBe(
      '文件「宽表头.csv」第 1 行的第 201 列（GS 列）还有内容，超过每行最多 200 列的上限（表头也算在内），没有导入任何数据。请删除表格右侧多余的列后再导入',
    );
  });

  it('refuses a cell over 1,000 characters without quotes, naming row and column', async () => {
    const data = new TextEncoder().encode(`企业名称,地址\n甲,乙\n丙,${'路'.repeat(1001)}\n`);
    expect(await refusal(readRosterFile('长地址.csv', data))).toContain('第 3 行 B 列的单元格超过 1000 个字符');
  });

  it('refuses more than 1,500,000 filled cells', async () => {
    expect(await refusal(readRosterFile('满表.csv', manyCellsCsv()))).toBe(
      '文件「满表.csv」有内容的单元格超过 1500000 个（单次导入的上限），已停止读取，没有导入任何数据。请删除不需要导入的列，或按区镇拆分成几个文件后再导入',
    );
  });
});
