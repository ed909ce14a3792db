// 培育库 counting on a fixture checked by hand: a candidate reaches 规上 by its flag or by crossing
// 2,000 万元 of year-to-date output, 亿元 by crossing 10,000 万元, any target by a confirmed day; each
// town's progress is counted against its goal.
import { describe, expect, it } from 'vitest';
import type { CultivationCandidate, CultivationGoal } from '../../../shared/domain/cultivationRecords';
import {
  candidateState,
  checkAchievedDate,
  cultivationCandidateId,
  cultivationProgress,
  cultivationTargetsOf,
  parseCandidateInput,
  type CultivatedEnterprise,
  type YearToDateOutput,
} from '../../../shared/cultivation/cultivationRules';
import { RuleError } from '../../../shared/errors/ruleError';

const meta = (id: string) => ({
  id,
  createdAt: '2026-01-05T00:00:00.000Z',
  updatedAt: '2026-01-05T00:00:00.000Z',
  updatedBy: '张三',
  deviceId: 'device-a',
  rev: 1,
  versionVector: { 'device-a': 1 },
});
const candidate = (enterpriseId: string, target: string, extra: Partial<CultivationCandidate> = {}): CultivationCandidate => ({
  ...meta(cultivationCandidateId(2026, target, enterpriseId)),
  enterpriseId,
  year: 2026,
  target,
  note: '',
  ...extra,
});
const goal = (town: string, target: string, count: number): CultivationGoal => ({ ...meta(`g-${town}-${target}`), year: 2026, target, town, goal: count });
const ent = (id: string, town: string, isAboveScale = false): CultivatedEnterprise => ({ id, name: id, town, isAboveScale });

// Fixture, year 2026:
//   e1 松陵  规上 candidate, 10 月累计 2,150 万元            → reached (crossed 2,000)
//   e2 松陵  规上 candidate, 10 月累计 1,999.5 万元          → not reached, 0.5 short
//   e3 盛泽  规上 candidate, no figures, flagged 规上企业     → reached (flag)
//   e4 盛泽  亿元 candidate, 11 月累计 10,000 万元           → reached (exactly the threshold)
//   e5 盛泽  上市 candidate, confirmed 2026-09-30           → reached
//   e6 平望  上市 candidate, not confirmed                   → not reached
//   e7 (gone from this laptop) 规上 candidate                → counted under （未知区镇）, not reached
// Goals: 松陵 规上 2, 盛泽 规上 3, 震泽 规上 1 (no candidates yet), 盛泽 上市 1.
// 规上: 松陵 1/2 reached of 2 candidates; 盛泽 1 of 1 against 3; 震泽 0 of 0 against 1; 未知 0 of 1.
//       合计 goal 6, 4 candidates, 2 reached → 1/3.
// 亿元: 盛泽 1 of 1, no goal. 上市: 盛泽 1 of 1 against 1 → 100%; 平望 0 of 1.
const enterprises = new Map([ent('e1', '松陵'), ent('e2', '松陵'), ent('e3', '盛泽', true), ent('e4', '盛泽'), ent('e5', '盛泽'), ent('e6', '平望')].map((e) => [e.id, e]));
const outputs = new Map<string, YearToDateOutput>([
  ['e1', { month: '2026-10', outputValueYtd: 2150 }],
  ['e2', { month: '2026-10', outputValueYtd: 1999.5 }],
  ['e4', { month: '2026-11', outputValueYtd: 10000 }],
]);
const candidates = [
  candidate('e1', '规上'),
  candidate('e2', '规上'),
  candidate('e3', '规上'),
  candidate('e4', '亿元'),
  candidate('e5', '上市', { achievedDate: '2026-09-30' }),
  candidate('e6', '上市'),
  candidate('e7', '规上'),
];
const goals = [goal('松陵', '规上', 2), goal('盛泽', '规上', 3), goal('震泽', '规上', 1), goal('盛泽', '上市', 1)];

describe('培育库 progress', () => {
  const { rows, targets } = cultivationProgress(candidates, goals, enterprises, outputs, ['松陵', '盛泽', '平望', '震泽']);

  it('says of each candidate whether it reached its target, and how', () => {
    const state = Object.fromEntries(rows.map((r) => [r.candidate.enterpriseId + r.candidate.target, r.state]));
    expect(state.e1规上).toEqual({ reached: true, how: '10 月本年累计产值 2,150 万元，已达 2,000 万元' });
    expect(state.e2规上).toEqual({ reached: false, how: '10 月本年累计产值 1,999.5 万元', gap: 0.5 });
    expect(state.e3规上).toEqual({ reached: true, how: '已标记为规上企业' });
    expect(state.e4亿元).toEqual({ reached: true, how: '11 月本年累计产值 10,000 万元，已达 10,000 万元' });
    expect(state.e5上市).toEqual({ reached: true, how: '已确认达标（2026-09-30）' });
    expect(state.e6上市).toEqual({ reached: false, how: '待确认达标' });
    expect(state.e7规上).toEqual({ reached: false, how: '本年尚无产值数据' });
  });

  it('counts each town against its goal, in the bureau’s town order, with the total', () => {
    const scale = targets.find((t) => t.target === '规上')!;
    expect(scale.towns).toEqual([
      { town: '松陵', goal: 2, candidates: 2, reached: 1, completion: 0.5 },
      { town: '盛泽', goal: 3, candidates: 1, reached: 1, completion: 1 / 3 },
      { town: '震泽', goal: 1, candidates: 0, reached: 0, completion: 0 },
      { town: '（未知区镇）', candidates: 0 + 1, reached: 0, completion: undefined },
    ]);
    expect(scale.total).toEqual({ town: '合计', goal: 6, candidates: 4, reached: 2, completion: 2 / 6 });
    const listing = targets.find((t) => t.target === '上市')!;
    expect(listing.towns.map((t) => [t.town, t.goal, t.candidates, t.reached])).toEqual([
      ['盛泽', 1, 1, 1],
      ['平望', undefined, 1, 0],
    ]);
    expect(listing.total.completion).toBe(1);
    const hundredMillion = targets.find((t) => t.target === '亿元')!;
    expect(hundredMillion.total).toEqual({ town: '合计', goal: undefined, candidates: 1, reached: 1, completion: undefined });
  });

  it('lists only the targets the year has records for, the seed’s three first', () => {
    expect(targets.map((t) => t.target)).toEqual(['规上', '亿元', '上市']);
    expect(cultivationTargetsOf([{ target: '批零入统' }, { target: '上市' }, { target: '服务业入库' }])).toEqual([
      '规上',
      '亿元',
      '上市',
      '服务业入库', // by pinyin: fu before pi
      '批零入统',
    ]);
  });

  it('counts an enterprise that crosses the threshold later in the year without anyone marking it', () => {
    const before = candidateState({ target: '亿元' }, ent('e', '松陵'), { month: '2026-06', outputValueYtd: 6000 });
    const after = candidateState({ target: '亿元' }, ent('e', '松陵'), { month: '2026-11', outputValueYtd: 10400 });
    expect(before.reached).toBe(false);
    expect(after.reached).toBe(true);
  });

  it('does not let the 规上 flag count toward 亿元', () => {
    expect(candidateState({ target: '亿元' }, ent('e', '松陵', true), undefined)).toEqual({ reached: false, how: '本年尚无产值数据' });
  });
});

describe('加入培育库 input', () => {
  it('names the field of what is wrong', () => {
    const issues = (input: unknown) => {
      try {
        parseCandidateInput(input);
        return [];
      } catch (error) {
        return (error as RuleError).issues.map((i) => `${i.field}: ${i.message}`);
      }
    };
    expect(issues({ year: 2026, target: '规上', enterpriseIds: [] })).toEqual(['enterpriseIds: 请至少选择一家企业']);
    expect(issues({ year: 2026, target: ' ', enterpriseIds: ['e1'] })).toEqual(['target: 请选择培育目标']);
    expect(issues({ year: 2026, target: '专精-特新', enterpriseIds: ['e1'] })).toEqual(['target: 培育目标不能含有“-”符号']);
    expect(issues({ year: 1999, target: '规上', enterpriseIds: ['e1'] })).toEqual(['year: 培育年度不在 2000–2100 之间']);
    expect(parseCandidateInput({ year: 2026, target: ' 批零入统 ', enterpriseIds: ['e1'], note: null })).toEqual({
      year: 2026,
      target: '批零入统',
      enterpriseIds: ['e1'],
      note: '',
    });
  });

  it('refuses a confirmed day in the future or outside the year', () => {
    expect(() => checkAchievedDate(2026, '2026-12-05', '2026-12-04')).toThrow('达标日期不能晚于今天（2026-12-04）');
    expect(() => checkAchievedDate(2026, '2025-12-31', '2026-12-04')).toThrow('达标日期应在 2026 年内');
    expect(() => checkAchievedDate(2026, '2026-12-04', '2026-12-04')).not.toThrow();
  });
});
