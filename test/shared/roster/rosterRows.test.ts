import { describe, expect, it } from 'vitest';
import type { Enterprise } from '../../../shared/domain/records';
import type { RosterCell, RosterSheet } from '../../../shared/roster/readRosterFile';
import { mapHeaderRow } from '../../../shared/roster/rosterColumns';
import { checkRosterRows, classifyRosterRows } from '../../../shared/roster/rosterRows';
import { defaultTowns } from '../../../shared/reference/towns';
import { makeEnterprise } from '../../fixtures/records';
import { badCheckDigit, validCreditCode } from './creditCodes';

const header = ['企业名称', '统一社会信用代码', '所属区镇', '联系电话', '外资来源地', '服务专员', '分级'];

function sheetOf(rows: RosterCell[][]): RosterSheet {
  return { sheetName: '名单', rows: [header, ...rows], rowNumbers: [header, ...rows].map((_, i) => i + 1) };
}

const check = (rows: RosterCell[][]) => checkRosterRows(sheetOf(rows), 0, mapHeaderRow(header), defaultTowns);

describe('checking roster rows', () => {
  it('accepts a clean row and normalises full-width characters and stray spaces', () => {
    const code = validCreditCode(1);
    const fullWidthCode = [...code].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    const { good, rejects } = check([[' 苏州 甲精密(吴江)有限公司 ', ` ${fullWidthCode} `, '黎里镇', '１３８１２３４５６７８', '德国', ' 王 芳 ', 'a类']]);
    expect(rejects).toEqual([]);
    expect(good[0]?.values).toEqual({
      name: '苏州 甲精密（吴江）有限公司',
      creditCode: code,
      town: '汾湖高新区（黎里镇）',
      contactPhone: '13812345678',
      foreignSource: '欧美',
      assignedOfficer: '王 芳',
      serviceTier: 'A',
    });
  });

  it('rejects each bad row with the row, the column and the reason', () => {
    const code = validCreditCode(2);
    const { good, rejects } = check([
      ['乙公司', badCheckDigit(validCreditCode(3)), '平望镇', '', '', '', ''],
      ['', validCreditCode(4), '平望镇', '', '', '', ''],
      ['丙公司', code, '平望镇', 1.38e10 + 0.5, '', '', ''],
      ['丁公司', code, '火星镇', '', '', '', ''],
      ['戊公司', validCreditCode(5), '震泽镇', '1.38E+10', '', '', ''],
      ['己公司', validCreditCode(6), '震泽镇', '1381234567', '', '', ''],
      ['庚公司', validCreditCode(7), '震泽镇', { formula: 'A1&B1' }, '', '', ''],
    ]);
    expect(good).toEqual([]);
    const byRow = new Map(rejects.map((r) => [r.row, r.issues]));
    expect(byRow.get(2)?.[0]).toMatchObject({ field: 'creditCode', column: 'B列「统一社会信用代码」' });
    expect(byRow.get(3)?.[0]).toMatchObject({ field: 'name', message: '企业名称为空' });
    expect(byRow.get(4)?.[0]).toMatchObject({ field: 'contactPhone', column: 'D列「联系电话」' });
    expect(byRow.get(4)?.[0]?.message).toContain('位数已丢失');
    const row5 = byRow.get(5)!.map((i) => i.message);
    expect(row5).toContain('与第 4 行的统一社会信用代码重复');
    expect(row5.some((m) => m.includes('「火星镇」不在区镇列表中'))).toBe(true);
    expect(byRow.get(6)?.[0]?.message).toContain('科学计数法');
    expect(byRow.get(7)?.[0]?.message).toContain('手机号应为11位');
    expect(byRow.get(8)?.[0]).toMatchObject({ column: 'D列「联系电话」' });
    expect(byRow.get(8)?.[0]?.message).toContain('是公式');
  });

  it('keeps a mobile phone saved as a whole number, and a landline typed as text', () => {
    const { good, rejects } = check([
      ['甲', validCreditCode(8), '', 13912345678, '', '', ''],
      ['乙', validCreditCode(9), '', '0512-63001234', '', '', ''],
    ]);
    expect(rejects).toEqual([]);
    expect(good.map((g) => g.values.contactPhone)).toEqual(['13912345678', '0512-63001234']);
  });

  it('skips empty rows without counting them', () => {
    const { good, rejects } = check([['', '', '', '', '', '', ''], ['甲', validCreditCode(10), '', '', '', '', '']]);
    expect(rejects).toEqual([]);
    expect(good.map((g) => g.row)).toEqual([3]);
  });
});

describe('sorting good rows into new and changed enterprises', () => {
  const existing: Enterprise = makeEnterprise({
    id: 'ent-existing-1',
    deviceId: 'd1',
    name: '甲公司',
    creditCode: validCreditCode(11),
    town: '平望镇',
    assignedOfficer: '张三',
  });

  it('lists the fields an update changes, old → new, and leaves empty cells alone', () => {
    const { good } = check([
      ['甲公司', validCreditCode(11), '震泽镇', '', '', '李四', ''],
      ['乙公司', validCreditCode(12), '', '', '', '', ''],
      ['甲公司', validCreditCode(13), '', '', '', '', ''],
    ]);
    const same = { ...existing, id: 'ent-existing-2', creditCode: validCreditCode(13) };
    const result = classifyRosterRows(good, new Map([[existing.creditCode, existing], [same.creditCode, same]]));
    expect(result.adds.map((a) => a.values.name)).toEqual(['乙公司']);
    expect(result.unchanged.map((u) => u.row)).toEqual([4]);
    expect(result.updates).toHaveLength(1);
    expect(result.updates[0]?.changes).toEqual([
      { field: 'town', label: '所属区镇', from: '平望镇', to: '震泽镇' },
      { field: 'assignedOfficer', label: '服务专员', from: '张三', to: '李四' },
    ]);
  });
});
