import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseCsv, readRosterFile } from '../../../shared/roster/readRosterFile';

describe('CSV rosters', () => {
  it('parses quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('企业名称,地址\r\n"甲公司","吴江区""东"",\n二号"\r\n乙公司,')).toEqual([
      ['企业名称', '地址'],
      ['甲公司', '吴江区"东",\n二号'],
      ['乙公司', ''],
    ]);
  });

  it('takes the separator Excel used (semicolon or tab in some locales)', () => {
    expect(parseCsv('企业名称;信用代码\n甲;123')).toEqual([
      ['企业名称', '信用代码'],
      ['甲', '123'],
    ]);
    expect(parseCsv('企业名称\t信用代码\n甲\t123')[1]).toEqual(['甲', '123']);
  });

  it('decodes UTF-8 (with BOM) and falls back to GBK', () => {
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('企业名称', 'utf8')]))).toBe('企业名称');
    expect(decodeCsvBytes(new Uint8Array(iconv.encode('吴江盛泽镇', 'gbk')))).toBe('吴江盛泽镇');
  });

  it('keeps the row numbers a user sees, skipping blank lines, and reads "=…" cells as formulas', async () => {
    const sheet = await readRosterFile('名单.csv', new TextEncoder().encode('企业名称,电话\n\n甲,=A1&B1\n'));
    expect(sheet.rowNumbers).toEqual([1, 3]);
    expect(sheet.rows[1]).toEqual(['甲', { formula: 'A1&B1' }]);
  });
});
