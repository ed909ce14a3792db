// 社会责任先进企业 scores on a fixture checked by hand: counted criteria against the year's largest,
// graded ones by grade, the weighted mean, a tie, and a 较差 record left unranked.
import { describe, expect, it } from 'vitest';
import type { CsrCandidate, CsrGrade } from '../../../shared/domain/ratingRecords';
import { csrScores } from '../../../shared/ratings/csrScore';

function candidate(enterpriseId: string, taxPaid: number, jobs: number, welfare: number, environment: CsrGrade, labour: CsrGrade): CsrCandidate {
  return {
    id: `csr-2026-${enterpriseId}`,
    createdAt: '2026-11-20T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:00.000Z',
    updatedBy: '张三',
    deviceId: 'dev-1',
    rev: 1,
    versionVector: { 'dev-1': 1 },
    year: 2026,
    enterpriseId,
    taxPaid,
    jobs,
    welfare,
    environment,
    labour,
    note: '',
  };
}

// Weights 纳税 40, 就业 30, 环保 10, 公益 10, 劳动 10 (sum 100). Largest: 纳税 1000, 就业 500, 公益 20.
//   a: 1000 / 250 / 10, 优秀, 良好 → points 100, 50, 100, 50, 80
//      total (40·100 + 30·50 + 10·100 + 10·50 + 10·80) / 100 = (4000 + 1500 + 1000 + 500 + 800) / 100 = 78
//   b:  500 / 500 / 20, 良好, 优秀 → points 50, 100, 80, 100, 100
//      total (2000 + 3000 + 800 + 1000 + 1000) / 100 = 78 → ties a
//   c:  250 / 100 /  0, 一般, 一般 → points 25, 20, 60, 0, 60 → (1000 + 600 + 600 + 0 + 600) / 100 = 28 → rank 3
//   d:  800 / 400 / 20, 较差, 优秀 → points 80, 80, 0, 100, 100 → (3200 + 2400 + 0 + 1000 + 1000) / 100 = 76, not ranked
const weights = { taxPaid: 40, jobs: 30, environment: 10, welfare: 10, labour: 10 };
const candidates = [
  candidate('c', 250, 100, 0, '一般', '一般'),
  candidate('d', 800, 400, 20, '较差', '优秀'),
  candidate('b', 500, 500, 20, '良好', '优秀'),
  candidate('a', 1000, 250, 10, '优秀', '良好'),
];

describe('csrScores', () => {
  const scores = csrScores(candidates, weights);

  it('scores each criterion 0–100 and takes the weighted mean', () => {
    const a = scores.find((s) => s.candidate.enterpriseId === 'a')!;
    expect(a.points).toEqual({ taxPaid: 100, jobs: 50, welfare: 50, environment: 100, labour: 80 });
    expect(a.total).toBe(78);
    expect(scores.find((s) => s.candidate.enterpriseId === 'c')!.total).toBe(28);
  });

  it('ranks best first, equal totals sharing a rank, and lists a 较差 record unranked with the reason', () => {
    expect(scores.map((s) => [s.candidate.enterpriseId, s.total, s.rank, s.excluded])).toEqual([
      ['a', 78, 1, ''],
      ['b', 78, 1, ''],
      ['c', 28, 3, ''],
      ['d', 76, null, '环境保护较差，不参与排名'],
    ]);
  });

  it('moves with the weights: 纳税 alone puts the largest tax first', () => {
    const taxOnly = csrScores(candidates, { taxPaid: 1, jobs: 0, environment: 0, welfare: 0, labour: 0 });
    expect(taxOnly.map((s) => [s.candidate.enterpriseId, s.total])).toEqual([
      ['a', 100],
      ['b', 50],
      ['c', 25],
      ['d', 80],
    ]);
  });

  it('gives 0 points on a counted criterion when no candidate has any', () => {
    const none = csrScores([candidate('a', 0, 0, 0, '优秀', '优秀')], weights);
    expect(none[0]!.total).toBe(20);
  });
});
