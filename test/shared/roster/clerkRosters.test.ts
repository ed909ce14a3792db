// Rosters as clerks really send them: towns under their other names, totals and signatures under
// the table, formulas typed as text (half- and full-width), over-long cells, and CSVs pasted together
// from files in two encodings.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { enterpriseSchema, settingsSchema } from '../../../shared/domain/records';
import { backfillTownAliases, defaultTownAliases, defaultTowns } from '../../../shared/reference/towns';
import { mixedEncodingLines, readRosterFile, RosterFileError, type RosterCell, type RosterSheet } from '../../../shared/roster/readRosterFile';
import { mapHeaderRow } from '../../../shared/roster/rosterColumns';
import { checkRosterRows, formulaLikeText } from '../../../shared/roster/rosterRows';
import { validCreditCode } from './creditCodes';

const header = ['序号', '企业名称', '统一社会信用代码', '所属区镇', '地址', '联系电话'];

function sheetOf(rows: RosterCell[][]): RosterSheet {
  return { sheetName: '名单', rows: [header, ...rows], rowNumbers: [header, ...rows].map((_, i) => i + 1) };
}

const check = (rows: RosterCell[][], aliases: Record<string, string> = { ...defaultTownAliases }) =>
  checkRosterRows(sheetOf(rows), 0, mapHeaderRow(header), defaultTowns, aliases);

describe('town names as clerks write them', () => {
  it('matches official full names, short names and older names through the aliases, and says which', () => {
    const written = [
      ['松陵镇', '东太湖度假区（太湖新城）'],
      ['松陵街道', '东太湖度假区（太湖新城）'],
      ['太湖新城', '东太湖度假区（太湖新城）'],
      ['吴江经济技术开发区', '吴江开发区'],
      ['吴江经开区', '吴江开发区'],
      ['开发区', '吴江开发区'],
      ['汾湖高新区', '汾湖高新区（黎里镇）'],
      ['黎里镇', '汾湖高新区（黎里镇）'],
      ['芦墟镇', '汾湖高新区（黎里镇）'],
      ['盛泽', '吴江高新区（盛泽镇）'],
      ['吴江区平望镇', '平望镇'],
      ['苏州市吴江区 松陵街道', '东太湖度假区（太湖新城）'],
      ['庙港镇', '七都镇'],
    ] as const;
    const { good, rejects } = check(written.map(([town], i) => [i + 1, `企业${i}有限公司`, validCreditCode(100 + i), town, '', '']));
    expect(rejects).toEqual([]);
    expect(good.map((g) => [g.townWritten, g.values.town])).toEqual(written.map(([from, to]) => [from, to]));
  });

  it('marks no alias when the town is written as its own name', () => {
    const { good } = check([[1, '甲有限公司', validCreditCode(1), '震泽镇', '', '']]);
    expect(good[0]?.values.town).toBe('震泽镇');
    expect(good[0]?.townWritten).toBeUndefined();
  });

  it('rejects only what no alias explains, and an alias added in settings explains it', () => {
    const rows: RosterCell[][] = [
      [1, '甲有限公司', validCreditCode(2), '高新区', '', ''],
      [2, '乙有限公司', validCreditCode(3), '同里镇', '', ''],
    ];
    const before = check(rows);
    expect(before.good.map((g) => g.values.town)).toEqual(['吴江开发区']);
    expect(before.rejects.map((r) => [r.row, r.issues[0]?.message])).toEqual([
      [2, '「高新区」不在区镇列表中，也不是已知的别名（区镇和别名可在设置中维护）'],
    ]);
    const after = check(rows, { ...defaultTownAliases, 高新区: '吴江高新区（盛泽镇）' });
    expect(after.rejects).toEqual([]);
  });

  it('gives settings saved before aliases existed the default aliases', () => {
    const old = { deviceId: 'device-1', towns: [...defaultTowns], departments: ['区商务局'], categories: ['其他'], visitTypes: ['日常走访'] };
    expect(settingsSchema.parse(old).townAliases['松陵镇']).toBe('东太湖度假区（太湖新城）');
  });
});

describe('rows under the table', () => {
  it('skips totals, signatures, notes and dates, listed apart from the bad enterprises', () => {
    const { good, rejects, skipped } = check([
      [1, '甲有限公司', validCreditCode(10), '平望镇', '', ''],
      [2, '乙有限公司', '', '平望镇', '', ''],
      ['合计', '', '', '', '', { formula: 'COUNTA(B2:B3)' }],
      ['', '小计：2家', '', '', '', ''],
      ['填表人：张三', '', '审核人：李四', '', '', ''],
      ['负责人', '王五', '', '', '', ''],
      ['备注：名单按区镇排序', '', '', '', '', ''],
      ['注：1. 信用代码以营业执照为准', '', '', '', '', ''],
      ['制表日期：2026年11月30日', '', '', '', '', ''],
      ['填报日期', '2026-11-30', '', '', '', ''],
      ['说明', '', '', '', '', ''],
    ]);
    expect(good.map((g) => g.row)).toEqual([2]);
    expect(rejects.map((r) => r.row)).toEqual([3]);
    expect(skipped.map((s) => s.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(skipped[0]?.text).toContain('合计');
  });

  it('keeps a company whose name merely begins with such a word, and any row with a valid credit code', () => {
    const { good, skipped } = check([
      [1, '注塑科技（苏州）有限公司', validCreditCode(11), '平望镇', '', ''],
      ['合计', '合计精密有限公司', validCreditCode(12), '平望镇', '', ''],
    ]);
    expect(skipped).toEqual([]);
    expect(good.map((g) => g.values.name)).toEqual(['注塑科技（苏州）有限公司', '合计精密有限公司']);
  });
});

describe('formulas typed as text', () => {
  it('refuses text a spreadsheet would run, in half- and full-width forms, after normalisation', () => {
    const bad = ['=HYPERLINK("http://x")', '＝１＋１', '+cmd|\' /C calc\'!A0', '＋SUM(A1)', '-2+3+cmd', '－SUM(1)', '@SUM(A1)', '＠SUM(A1)', ' =1+1'];
    const { good, rejects } = check(bad.map((text, i) => [i + 1, `企业${i}有限公司`, validCreditCode(20 + i), '平望镇', text, '']));
    expect(good).toEqual([]);
    expect(rejects).toHaveLength(bad.length);
    for (const reject of rejects) expect(reject.issues[0]).toMatchObject({ column: 'E列「地址」' });
    expect(rejects[1]?.issues[0]?.message).toContain('以“=”开头');
  });

  it('lets phones and numbers with a sign and a bare dash through', () => {
    expect(formulaLikeText('+86 512 6300 1234')).toBeNull();
    expect(formulaLikeText('-')).toBeNull();
    expect(formulaLikeText('-12')).toBeNull();
    const { rejects } = check([[1, '甲有限公司', validCreditCode(40), '平望镇', '-', '+86 13812345678']]);
    expect(rejects).toEqual([]);
  });
});

describe('length caps', () => {
  it('caps text fields in the schema with a Chinese message naming the field', () => {
    const result = enterpriseSchema.shape.name.safeParse('甲'.repeat(101));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('企业名称不能超过 100 个字符');
    expect(enterpriseSchema.shape.name.safeParse('甲'.repeat(100)).success).toBe(true);
  });

  it('rejects a roster row whose text is over the cap, naming row and column, instead of storing it', () => {
    const { good, rejects } = check([
      [1, `${'甲'.repeat(101)}有限公司`, validCreditCode(41), '平望镇', '', ''],
      [2, '乙有限公司', validCreditCode(42), '平望镇', '路'.repeat(201), ''],
    ]);
    expect(good).toEqual([]);
    expect(rejects.map((r) => [r.row, r.issues[0]?.column, r.issues[0]?.message])).toEqual([
      [2, 'B列「企业名称」', '企业名称不能超过 100 个字符（本行 105 个字符）'],
      [3, 'E列「地址」', '地址不能超过 200 个字符（本行 201 个字符）'],
    ]);
  });
});

describe('CSV in two encodings', () => {
  const utf8Row = (n: number) => Buffer.from(`第${n}家精密机械有限公司,${validCreditCode(50 + n)},平望镇\n`, 'utf8');
  const gbkRow = (n: number) => iconv.encode(`第${n}家纺织科技有限公司,${validCreditCode(60 + n)},盛泽镇\n`, 'gbk');

  it('is refused with the rows of the other encoding named, not imported garbled', async () => {
    const data = Buffer.concat([iconv.encode('企业名称,统一社会信用代码,所属区镇\n', 'gbk'), gbkRow(1), gbkRow(2), utf8Row(3), gbkRow(4)]);
    expect(mixedEncodingLines(new Uint8Array(data))).toMatchObject({ utf8: [4], gbk: [1, 2, 3, 5], utf8Count: 1, gbkCount: 4 });
    const read = readRosterFile('名单.csv', new Uint8Array(data));
    await expect(read).rejects.toThrow(RosterFileError);
    await expect(read).rejects.toThrow('第 4 行是 UTF-8 编码，其余是 GBK 编码');
  });

  it('still reads a file that is all GBK or all UTF-8', async () => {
    const gbk = Buffer.concat([iconv.encode('企业名称,统一社会信用代码,所属区镇\n', 'gbk'), gbkRow(1), iconv.encode('合计,,\n', 'gbk')]);
    expect(mixedEncodingLines(new Uint8Array(gbk))).toBeNull();
    expect((await readRosterFile('名单.csv', new Uint8Array(gbk))).rows[1]?.[0]).toBe('第1家纺织科技有限公司');
    const utf8 = Buffer.concat([Buffer.from('企业名称,统一社会信用代码,所属区镇\n', 'utf8'), utf8Row(1)]);
    expect((await readRosterFile('名单.csv', new Uint8Array(utf8))).rows[1]?.[0]).toBe('第1家精密机械有限公司');
  });
});

describe('settings saved before town aliases existed', () => {
  it('get the default aliases in the upgrade, and aliases an officer edited stay', () => {
    const old: { deviceId: string; towns: string[]; townAliases?: Record<string, string> } = { deviceId: 'device-1', towns: [...defaultTowns] };
    expect(backfillTownAliases(old).townAliases).toEqual(defaultTownAliases);
    const edited = { ...old, townAliases: { 高新区: '吴江高新区（盛泽镇）' } };
    expect(backfillTownAliases(edited)).toBe(edited);
  });
});
