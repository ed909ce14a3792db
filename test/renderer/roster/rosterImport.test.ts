// The roster import end to end under Node: real files (ExcelJS, LibreOffice, openpyxl, GBK and
// UTF-8 CSV) → preview → one Dexie transaction over fake-indexeddb, and bad files refused with a
// clear message while the database stays as it was.
import { beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readRosterFile, RosterFileError } from '../../../shared/roster/readRosterFile';
import { findHeaderRow, mapHeaderRow } from '../../../shared/roster/rosterColumns';
import { defaultTowns } from '../../../shared/reference/towns';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import { assignEnterprises, buildRosterPreview, importRosterPreview } from '../../../renderer/src/features/roster/rosterImport';
import { badCheckDigit, validCreditCode } from '../../shared/roster/creditCodes';
import { exceljsRoster, gbkCsv, libreOfficeRoster, openpyxlRoster, rosterTitle, utf8BomCsv, type FixtureCell } from './rosterFixtures';

const who = { officerName: '导入员', deviceId: 'device-test' };
const header = ['序号', '单位名称', '统一社会信用代码', '属地', '联系人', '手机', '联系干部', '挂钩领导'];
const good: FixtureCell[][] = [
  ['1', '苏州华能精密机械有限公司', validCreditCode(101), '平望镇', '王芳', '13812345678', '张三', '李局'],
  ['2', '吴江盛虹纺织有限公司', validCreditCode(102), '盛泽镇', '刘强', '0512-63001234', '张三', ''],
];
const bad: FixtureCell[][] = [
  ['3', '错误校验位公司', badCheckDigit(validCreditCode(103)), '平望镇', '', '', '张三', ''],
  ['4', '', validCreditCode(104), '平望镇', '', '', '张三', ''],
  ['5', '重复公司', validCreditCode(101), '平望镇', '', '', '张三', ''],
  ['6', '未知区镇公司', validCreditCode(105), '火星镇', '', '', '张三', ''],
];

async function previewOf(fileName: string, data: Uint8Array) {
  const sheet = await readRosterFile(fileName, data);
  const texts = sheet.rows.slice(0, 10).map((r) => r.map((c) => (c === null ? '' : typeof c === 'object' ? '' : String(c))));
  const headerIndex = findHeaderRow(texts);
  expect(headerIndex).not.toBeNull();
  return buildRosterPreview(sheet, headerIndex!, mapHeaderRow(texts[headerIndex!]!), defaultTowns);
}

async function snapshot() {
  return (await db.enterprises.toArray()).sort((a, b) => a.id.localeCompare(b.id));
}

beforeEach(async () => {
  await db.enterprises.clear();
});

describe('reading rosters written by different programs', () => {
  it('ExcelJS workbook with a merged title row: preview counts and reasons, then import', async () => {
    const preview = await previewOf('名单.xlsx', await exceljsRoster(header, [...good, ...bad]));
    expect(preview.adds.map((a) => a.values.name)).toEqual(['苏州华能精密机械有限公司', '吴江盛虹纺织有限公司']);
    expect(preview.rejects.map((r) => r.row)).toEqual([5, 6, 7, 8]); // sheet rows: title 1, header 2
    expect(preview.rejects[2]?.issues[0]?.message).toBe('与第 3 行的统一社会信用代码重复');
    expect(preview.rejects[3]?.issues[0]?.column).toBe('D列「所属区镇」');

    expect(await importRosterPreview(preview, who)).toEqual({ added: 2, updated: 0 });
    const stored = await db.enterprises.where('creditCode').equals(validCreditCode(102)).first();
    expect(stored).toMatchObject({ name: '吴江盛虹纺织有限公司', town: '吴江高新区（盛泽镇）', assignedOfficer: '张三', contactPhone: '0512-63001234' });
    expect(stored?.searchTokens.length).toBeGreaterThan(0);
    expect(await db.enterprises.where('searchTokens').startsWith(validCreditCode(102).toLowerCase()).distinct().count()).toBe(1);
  });

  it('openpyxl workbook: same rows, same result', async () => {
    const preview = await previewOf('名单.xlsx', openpyxlRoster(header, [...good, ...bad]));
    expect(preview.adds).toHaveLength(2);
    expect(preview.rejects).toHaveLength(4);
  });

  it('LibreOffice workbook converted from CSV (phones become numbers there)', { timeout: 150_000 }, () => {
    const data = libreOfficeRoster([[rosterTitle], header, ...good, ...bad]);
    return previewOf('名单.xlsx', data).then((preview) => {
      expect(preview.adds.map((a) => a.values.contactPhone)).toEqual(['13812345678', '0512-63001234']);
      expect(preview.rejects).toHaveLength(4);
    });
  });

  it('GBK CSV as Chinese Excel saves it, and UTF-8 CSV with a BOM', async () => {
    for (const [name, data] of [
      ['名单-gbk.csv', gbkCsv([[rosterTitle], header, ...good])],
      ['名单-utf8.csv', utf8BomCsv([header, ...good])],
    ] as const) {
      const preview = await previewOf(name, data);
      expect(preview.adds.map((a) => a.values.name)).toEqual(['苏州华能精密机械有限公司', '吴江盛虹纺织有限公司']);
      expect(preview.rejects).toEqual([]);
    }
  });

  it('rejects every row of a formula column, naming row and column', async () => {
    const rows: FixtureCell[][] = good.map((row) => [...row.slice(0, 5), { formula: 'E3&"-"&F3' }, ...row.slice(6)]);
    const preview = await previewOf('名单.xlsx', await exceljsRoster(header, rows));
    expect(preview.adds).toEqual([]);
    expect(preview.rejects.map((r) => [r.row, r.issues[0]?.column])).toEqual([
      [3, 'F列「联系电话」'],
      [4, 'F列「联系电话」'],
    ]);
    expect(preview.rejects[0]?.issues[0]?.message).toContain('是公式');
  });
});

describe('updates and assignment', () => {
  it('lists changed fields of an existing enterprise and writes them', async () => {
    await importRosterPreview(await previewOf('a.csv', utf8BomCsv([header, ...good])), who);
    const changed: FixtureCell[][] = [['1', '苏州华能精密机械有限公司', validCreditCode(101), '震泽镇', '王芳', '13812345678', '李四', '李局']];
    const preview = await previewOf('b.csv', utf8BomCsv([header, ...changed]));
    expect(preview.updates[0]?.changes.map((c) => `${c.label}:${c.from}→${c.to}`)).toEqual(['所属区镇:平望镇→震泽镇', '服务专员:张三→李四']);
    await importRosterPreview(preview, who);
    expect(await db.enterprises.where('assignedOfficer').equals('李四').count()).toBe(1);
    expect(await db.enterprises.count()).toBe(2);
  });

  it('reassigns many enterprises at once', async () => {
    await importRosterPreview(await previewOf('a.csv', utf8BomCsv([header, ...good])), who);
    const ids = await db.enterprises.toCollection().primaryKeys();
    expect(await assignEnterprises(ids, { assignedOfficer: '王五', linkedLeader: '赵局' }, who)).toBe(2);
    expect((await db.enterprises.toArray()).map((e) => [e.assignedOfficer, e.linkedLeader])).toEqual([
      ['王五', '赵局'],
      ['王五', '赵局'],
    ]);
  });

  it('writes nothing when an enterprise changed after the preview', async () => {
    await importRosterPreview(await previewOf('a.csv', utf8BomCsv([header, ...good])), who);
    const rows: FixtureCell[][] = [
      ['1', '苏州华能精密机械有限公司', validCreditCode(101), '震泽镇', '', '', '', ''],
      ['9', '新企业有限公司', validCreditCode(109), '平望镇', '', '', '', ''],
    ];
    const preview = await previewOf('b.csv', utf8BomCsv([header, ...rows]));
    const target = preview.updates[0]!.existing;
    await assignEnterprises([target.id], { linkedLeader: '别人改的' }, who);
    const before = await snapshot();
    await expect(importRosterPreview(preview, who)).rejects.toThrow('在预览后被修改或删除');
    expect(await snapshot()).toEqual(before);
  });
});

describe('files that cannot be imported', () => {
  const refuse = async (name: string, data: Uint8Array, text: string) => {
    const error = await readRosterFile(name, data).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RosterFileError);
    expect((error as Error).message).toContain(text);
  };

  it('says why, in Chinese', async () => {
    await refuse('照片.xlsx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), '已损坏或不是有效的 Excel 工作簿');
    await refuse('程序.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]), '不是表格文件');
    const whole = await exceljsRoster(header, good);
    await refuse('截断.xlsx', whole.slice(0, Math.floor(whole.length / 2)), '已损坏');
    await refuse('空.csv', new Uint8Array(), '空文件');
    // What Excel/WPS write for a workbook with an opening password: an OLE2 container holding an
    // "EncryptedPackage" stream (a legacy .xls is OLE2 without that stream).
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    await refuse('加密.xlsx', ole, '设置了打开密码');
    ole.fill(0, 1024);
    await refuse('旧版.xls', ole, '旧版 .xls');
  });

  it('refuses an empty sheet and a sheet of more rows than one import takes', async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    await refuse('空表.xlsx', new Uint8Array(await empty.xlsx.writeBuffer()), '工作表是空的');
    const lines = [header.join(',')];
    for (let i = 0; i < 100_000; i++) lines.push(`${i},企业${i},${validCreditCode(i)},平望镇,,,,`);
    await refuse('十万行.csv', new TextEncoder().encode(lines.join('\n')), '超过单次导入上限 50000 行');
  });
});
