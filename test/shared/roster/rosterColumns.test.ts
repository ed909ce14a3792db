import { describe, expect, it } from 'vitest';
import { fieldForHeader, findHeaderRow, mapHeaderRow } from '../../../shared/roster/rosterColumns';

describe('roster column names', () => {
  it('knows the usual Chinese names and their variants', () => {
    expect(mapHeaderRow(['序号', '单位名称', '社会信用代码', '属地', '地址', '投资方国别', '联系人', '手机', '联系干部', '挂钩领导', '分级'])).toEqual([
      null,
      'name',
      'creditCode',
      'town',
      'address',
      'foreignSource',
      'contactPerson',
      'contactPhone',
      'assignedOfficer',
      'linkedLeader',
      'serviceTier',
    ]);
  });

  it('reads headers with full-width characters, spaces, required marks and notes', () => {
    expect(fieldForHeader(' 企业 全称 ')).toBe('name');
    expect(fieldForHeader('*统一社会信用代码（18位）')).toBe('creditCode');
    expect(fieldForHeader('联系人电话')).toBe('contactPhone');
    expect(fieldForHeader('企业联系人')).toBe('contactPerson');
    expect(fieldForHeader('企业规模')).toBeNull();
  });

  it('finds the header row below a merged title row and a note row', () => {
    const rows = [
      ['2026年吴江区千名干部联千企名单', '2026年吴江区千名干部联千企名单', '2026年吴江区千名干部联千企名单'],
      ['填报单位：区商务局', '', ''],
      ['企业名称', '统一社会信用代码', '所属区镇'],
      ['甲公司', '91320509MA00000011', '平望镇'],
    ];
    expect(findHeaderRow(rows)).toBe(2);
  });

  it('finds no header in a sheet without known column names', () => {
    expect(findHeaderRow([['a', 'b'], ['1', '2']])).toBeNull();
  });
});
