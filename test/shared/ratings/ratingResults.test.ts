// 评议 results on a small fixture checked by hand: satisfaction rates per question and overall, the
// ranking with a tie, the low-count flag, a 1–5 round's means, the comments; and the form's rules.
import { describe, expect, it } from 'vitest';
import type { Rating, RatingAnswer, RatingRound } from '../../../shared/domain/ratingRecords';
import { answerFromKey, parseRatingInput, parseRoundInput, readAnswer, roundEditIssues } from '../../../shared/ratings/ratingInput';
import { formatResult, ratingResults } from '../../../shared/ratings/ratingResults';
import { RuleError } from '../../../shared/errors/ruleError';

type Round = Pick<RatingRound, 'departments' | 'towns' | 'questions' | 'scale' | 'minResponses'>;

let seq = 0;
function form(enterpriseId: string, target: string, answers: Record<string, RatingAnswer>, comment = '', targetKind: Rating['targetKind'] = 'department'): Rating {
  seq += 1;
  return {
    id: `rating-${seq}`,
    createdAt: '2026-11-20T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:00.000Z',
    updatedBy: '张三',
    deviceId: 'dev-1',
    rev: 1,
    versionVector: { 'dev-1': 1 },
    roundId: 'round-1',
    enterpriseId,
    targetKind,
    target,
    answers,
    comment,
  };
}

// Round of two questions (服务态度, 办事效率) on 满意度, minimum 3 forms to be ranked.
//   区商务局 — 4 forms:
//     e1 满意 / 满意          e2 满意 / 基本满意     e3 基本满意 / 不满意     e4 不满意 / (blank)
//     服务态度: 满意 2, 基本 1, 不满意 1 → 3/4 = 75%
//     办事效率: 满意 1, 基本 1, 不满意 1 (3 answered) → 2/3 = 66.7%
//     overall: good answers 3 + 2 = 5 of 7 answers → 71.4%
//   区税务局 — 3 forms: e1 满意/满意, e2 满意/不满意, e5 基本满意/满意
//     服务态度 3/3 = 100%; 办事效率 2/3; overall 5/6 = 83.3% → rank 1
//   区人社局 — 3 forms: e1 满意/基本满意, e2 满意/满意, e3 不满意/基本满意 → 5/6 = 83.3% → ties 区税务局, rank 1
//   区商务局 71.4% → rank 3 (competition ranking 1, 1, 3)
//   区发改委 — 2 forms, both 满意/满意 → 100% but below 3 forms: flagged, not ranked
//   区科技局 — no form: 0 forms, flagged, overall —
const round: Round = {
  departments: ['区商务局', '区税务局', '区人社局', '区发改委', '区科技局'],
  towns: ['平望镇'],
  questions: ['服务态度', '办事效率'],
  scale: 'satisfaction',
  minResponses: 3,
};
const forms: Rating[] = [
  form('e1', '区商务局', { 服务态度: '满意', 办事效率: '满意' }, '审批很快'),
  form('e2', '区商务局', { 服务态度: '满意', 办事效率: '基本满意' }),
  form('e3', '区商务局', { 服务态度: '基本满意', 办事效率: '不满意' }, '  窗口人少，排队久  '),
  form('e4', '区商务局', { 服务态度: '不满意' }),
  form('e1', '区税务局', { 服务态度: '满意', 办事效率: '满意' }),
  form('e2', '区税务局', { 服务态度: '满意', 办事效率: '不满意' }),
  form('e5', '区税务局', { 服务态度: '基本满意', 办事效率: '满意' }),
  form('e1', '区人社局', { 服务态度: '满意', 办事效率: '基本满意' }),
  form('e2', '区人社局', { 服务态度: '满意', 办事效率: '满意' }),
  form('e3', '区人社局', { 服务态度: '不满意', 办事效率: '基本满意' }),
  form('e1', '区发改委', { 服务态度: '满意', 办事效率: '满意' }),
  form('e2', '区发改委', { 服务态度: '满意', 办事效率: '满意' }),
  form('e1', '平望镇', { 服务态度: '满意', 办事效率: '满意' }, '', 'town'),
];
const names: Record<string, string> = { e1: '甲精密', e2: '乙电子', e3: '丙纺织', e4: '丁材料', e5: '戊科技' };

describe('ratingResults', () => {
  const results = ratingResults(round, forms, (id) => names[id] ?? id);

  it('counts forms and enterprises', () => {
    expect(results.responses).toBe(13);
    expect(results.enterprises).toBe(5);
  });

  it('gives each question the share of 满意 and 基本满意 among its answers, blanks left out', () => {
    const commerce = results.departments.find((d) => d.target === '区商务局')!;
    expect(commerce.responses).toBe(4);
    expect(commerce.questions).toEqual([
      { question: '服务态度', answered: 4, satisfied: 2, basic: 1, unsatisfied: 1, value: 0.75 },
      { question: '办事效率', answered: 3, satisfied: 1, basic: 1, unsatisfied: 1, value: 2 / 3 },
    ]);
    expect(commerce.overall).toBeCloseTo(5 / 7, 12);
    expect(formatResult('satisfaction', commerce.overall)).toBe('71.4%');
  });

  it('ranks the departments with enough forms, equal rates sharing a rank, then lists the flagged', () => {
    expect(results.departments.map((d) => [d.target, d.rank, d.lowCount, d.responses])).toEqual([
      ['区人社局', 1, false, 3],
      ['区税务局', 1, false, 3],
      ['区商务局', 3, false, 4],
      ['区发改委', null, true, 2],
      ['区科技局', null, true, 0],
    ]);
    expect(results.departments.find((d) => d.target === '区税务局')!.overall).toBeCloseTo(5 / 6, 12);
    expect(results.departments.find((d) => d.target === '区发改委')!.overall).toBe(1);
    expect(results.departments.find((d) => d.target === '区科技局')!.overall).toBeNull();
  });

  it('ranks towns apart from departments', () => {
    expect(results.towns).toHaveLength(1);
    expect(results.towns[0]).toMatchObject({ target: '平望镇', responses: 1, lowCount: true, rank: null, overall: 1 });
  });

  it('lists the comments with the enterprise names, trimmed', () => {
    expect(results.departments.find((d) => d.target === '区商务局')!.comments).toEqual([
      { enterpriseId: 'e3', enterpriseName: '丙纺织', comment: '窗口人少，排队久' },
      { enterpriseId: 'e1', enterpriseName: '甲精密', comment: '审批很快' },
    ]);
  });

  it('keeps a target the round no longer lists, marked, instead of dropping its forms', () => {
    const fewer = ratingResults({ ...round, departments: ['区税务局'] }, forms);
    expect(fewer.departments.map((d) => [d.target, d.notInRound, d.rank])).toEqual([
      ['区人社局', true, 1],
      ['区税务局', false, 1],
      ['区商务局', true, 3],
      ['区发改委', true, null],
    ]);
  });

  // 1–5 round, minimum 2: 区商务局 e1 5/4, e2 3/—  → 服务态度 (5+3)/2 = 4, 办事效率 4/1 = 4, overall 12/3 = 4.00
  //                       区税务局 e1 5/5, e2 4/5  → overall 19/4 = 4.75 → rank 1; 区商务局 rank 2
  it('gives means on a 1–5 round', () => {
    const scored = ratingResults({ ...round, departments: ['区商务局', '区税务局'], towns: [], scale: 'score', minResponses: 2 }, [
      form('e1', '区商务局', { 服务态度: 5, 办事效率: 4 }),
      form('e2', '区商务局', { 服务态度: 3 }),
      form('e1', '区税务局', { 服务态度: 5, 办事效率: 5 }),
      form('e2', '区税务局', { 服务态度: 4, 办事效率: 5 }),
    ]);
    expect(scored.departments.map((d) => [d.target, d.rank, d.overall])).toEqual([
      ['区税务局', 1, 4.75],
      ['区商务局', 2, 4],
    ]);
    expect(scored.departments[1]!.questions.map((q) => q.value)).toEqual([4, 4]);
    expect(formatResult('score', 4.75)).toBe('4.75');
    expect(formatResult('score', null)).toBe('—');
  });
});

describe('the round and form rules', () => {
  const setup = {
    name: '2026 年评议机关',
    startDate: '2026-11-01',
    endDate: '2026-11-30',
    departments: ['区商务局', ' 区商务局 ', ''],
    towns: [],
    questions: ['服务态度'],
    scale: 'satisfaction',
    minResponses: '5',
    note: null,
  };

  it('reads a round, dropping blank and repeated names', () => {
    expect(parseRoundInput(setup)).toEqual({ ...setup, departments: ['区商务局'], minResponses: 5, note: '' });
  });

  it('refuses a round that rates nothing or ends before it starts, naming the field', () => {
    try {
      parseRoundInput({ ...setup, departments: [], endDate: '2026-10-31' });
      expect.unreachable();
    } catch (error) {
      expect((error as RuleError).issues).toEqual([
        { field: 'endDate', message: '结束日期不能早于开始日期' },
        { field: 'departments', message: '请至少选择一个评议部门或测评区镇' },
      ]);
    }
  });

  it('refuses, once forms are in, another scale or dropping a question or target that has answers', () => {
    const before = parseRoundInput({ ...setup, questions: ['服务态度', '办事效率'] });
    const answered = [{ targetKind: 'department' as const, target: '区商务局', answers: { 服务态度: '满意' as const } }];
    expect(roundEditIssues(before, { ...before, questions: ['办事效率'], departments: ['区税务局'], scale: 'score' }, answered)).toEqual([
      { field: 'scale', message: '已录入 1 份评议表，不能再改评分方式' },
      { field: 'departments', message: '评议部门「区商务局」已有 1 份评议表，不能移除' },
      { field: 'questions', message: '评议项目「服务态度」已有 1 份答案，不能移除或改名' },
    ]);
    expect(roundEditIssues(before, { ...before, questions: ['服务态度'], departments: ['区商务局', '区税务局'] }, answered)).toEqual([]);
  });

  it('maps number keys to answers as the paper form reads: 1 满意, 2 基本满意, 3 不满意; 1–5 as scores', () => {
    expect(['1', '2', '3', '4', 'a'].map((k) => answerFromKey('satisfaction', k))).toEqual(['满意', '基本满意', '不满意', undefined, undefined]);
    expect(['1', '5', '6', '0'].map((k) => answerFromKey('score', k))).toEqual([1, 5, undefined, undefined]);
  });

  it('reads typed or imported answers and refuses others with the value named', () => {
    expect(readAnswer('satisfaction', ' 基本 满意 ')).toEqual({ value: '基本满意' });
    expect(readAnswer('satisfaction', '比较满意')).toEqual({ message: '「比较满意」应为 满意、基本满意 或 不满意' });
    expect(readAnswer('score', '５分')).toEqual({ value: 5 });
    expect(readAnswer('score', 4)).toEqual({ value: 4 });
    expect(readAnswer('score', 6)).toEqual({ message: '应为 1 到 5 的整数分' });
    expect(readAnswer('score', '')).toEqual({});
  });

  it('checks a form against its round: a target it rates, answers on its scale, at least one', () => {
    const r = parseRoundInput(setup);
    expect(parseRatingInput({ enterpriseId: 'e1', targetKind: 'department', target: '区商务局', answers: { 服务态度: '满意' }, comment: ' 好 ' }, r)).toEqual({
      enterpriseId: 'e1',
      targetKind: 'department',
      target: '区商务局',
      answers: { 服务态度: '满意' },
      comment: '好',
    });
    const refused = (raw: unknown) => {
      try {
        parseRatingInput(raw, r);
        return [];
      } catch (error) {
        return (error as RuleError).issues;
      }
    };
    expect(refused({ enterpriseId: 'e1', targetKind: 'department', target: '区税务局', answers: { 服务态度: '好' } })).toEqual([
      { field: 'target', message: '本轮评议不包括「区税务局」' },
      { field: 'answers.服务态度', message: '服务态度：「好」应为 满意、基本满意 或 不满意' },
    ]);
    expect(refused({ enterpriseId: 'e1', targetKind: 'department', target: '区商务局', answers: { 服务态度: '' } })).toEqual([
      { field: '', message: '请至少填写一项评议结果' },
    ]);
  });
});
