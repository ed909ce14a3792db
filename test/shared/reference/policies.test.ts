import { describe, expect, it } from 'vitest';
import { defaultDepartments } from '../../../shared/reference/departments';
import { defaultPolicies } from '../../../shared/reference/policies';

describe('default policies (seed 003)', () => {
  it('lists the 30 measures of 开放再出发, numbered 01–30, each with a title and a lead unit', () => {
    expect(defaultPolicies).toHaveLength(30);
    expect(defaultPolicies.map((p) => p.code)).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(new Set(defaultPolicies.map((p) => p.code)).size).toBe(30);
    expect(new Set(defaultPolicies.map((p) => p.title)).size).toBe(30);
    for (const policy of defaultPolicies) {
      expect(policy.title.trim()).not.toBe('');
      expect(policy.leadUnit.trim()).not.toBe('');
      expect(policy.sourceDocument).toBe('吴江区关于开放再出发的若干政策意见（试行）');
    }
  });

  it('gives the measures the headings and lead units the notice gives them', () => {
    expect(defaultPolicies[0]).toMatchObject({ code: '01', title: '做好产业规划，激发一体化活力', leadUnit: '区发改委' });
    expect(defaultPolicies[13]).toMatchObject({ code: '14', title: '提升外资外贸发展水平', leadUnit: '区商务局' });
    expect(defaultPolicies[24]).toMatchObject({ code: '25', title: '加快企业通关速度', leadUnit: '吴江海关' });
    expect(defaultPolicies[29]).toMatchObject({ code: '30', title: '试行“产业定制地”供应模式' });
  });

  it('every unit named as a lead unit is in the default department list', () => {
    const known = new Set(defaultDepartments);
    const units = defaultPolicies
      .flatMap((p) => p.leadUnit.split('、'))
      // 区政府办（大数据管理局、金融办） is one unit written with two offices inside the bracket.
      .map((u) => u.replace(/^（?金融办）$/, ''))
      .filter((u) => u && !u.startsWith('区政府办（大数据管理局'));
    expect(units.filter((u) => !known.has(u))).toEqual([]);
  });
});

describe('default departments (seeds 000, 001, 003)', () => {
  it('names the commerce bureau, the tax office, customs and foreign-exchange administration once each', () => {
    expect(new Set(defaultDepartments).size).toBe(defaultDepartments.length);
    for (const name of ['区商务局', '区发改委', '区人社局', '区税务局', '吴江海关', '外汇管理部门']) {
      expect(defaultDepartments).toContain(name);
    }
  });
});
