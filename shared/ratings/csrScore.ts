// 社会责任先进企业 (seed 002): a year's candidates scored on the five criteria with the bureau's weights,
// and ranked. Each criterion gives 0–100 points: the three counted ones (纳税, 安排就业, 公益捐助) as a
// share of the year's largest among the candidates (the largest gets 100), the two judged ones by grade
// (优秀 100, 良好 80, 一般 60, 较差 0). The total is the weighted mean: Σ weight × points / Σ weight.
// A candidate graded 较差 on 环境保护 or 劳动关系和谐 is not ranked (an enterprise with an environmental
// or labour record against it is no 先进企业), only listed with the reason. Pure.
import { csrCriteria, type CsrCandidate, type CsrCriterion, type CsrGrade, type CsrWeights } from '../domain/ratingRecords';

export const csrGradePoints: Readonly<Record<CsrGrade, number>> = { 优秀: 100, 良好: 80, 一般: 60, 较差: 0 };

/** The criteria counted in numbers, scored against the year's largest. */
const countedCriteria = ['taxPaid', 'jobs', 'welfare'] as const;

export interface CsrScore {
  candidate: CsrCandidate;
  /** 0–100 per criterion. */
  points: Record<CsrCriterion, number>;
  /** The weighted mean of the points, 0–100. */
  total: number;
  /** 1 = best; equal totals (to 0.01) share a rank; null when not ranked. */
  rank: number | null;
  /** Why the candidate is not ranked ('' when it is). */
  excluded: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The candidates scored and ranked: ranked ones first (best first), then the excluded by score. */
export function csrScores(candidates: readonly CsrCandidate[], weights: CsrWeights): CsrScore[] {
  const largest = Object.fromEntries(countedCriteria.map((c) => [c, Math.max(0, ...candidates.map((x) => x[c]))])) as Record<
    (typeof countedCriteria)[number],
    number
  >;
  const weightSum = csrCriteria.reduce((sum, c) => sum + weights[c], 0);
  const scored = candidates.map((candidate): CsrScore => {
    const points = {
      taxPaid: largest.taxPaid > 0 ? (candidate.taxPaid / largest.taxPaid) * 100 : 0,
      jobs: largest.jobs > 0 ? (candidate.jobs / largest.jobs) * 100 : 0,
      welfare: largest.welfare > 0 ? (candidate.welfare / largest.welfare) * 100 : 0,
      environment: csrGradePoints[candidate.environment],
      labour: csrGradePoints[candidate.labour],
    };
    const total = weightSum > 0 ? csrCriteria.reduce((sum, c) => sum + weights[c] * points[c], 0) / weightSum : 0;
    const reasons = [
      candidate.environment === '较差' ? '环境保护较差' : '',
      candidate.labour === '较差' ? '劳动关系较差' : '',
    ].filter((r) => r !== '');
    return { candidate, points, total: round2(total), rank: null, excluded: reasons.length > 0 ? `${reasons.join('、')}，不参与排名` : '' };
  });
  const byTotal = (a: CsrScore, b: CsrScore) => b.total - a.total || a.candidate.enterpriseId.localeCompare(b.candidate.enterpriseId);
  const ranked = scored.filter((s) => s.excluded === '').sort(byTotal);
  ranked.forEach((s, i) => {
    const before = ranked[i - 1];
    s.rank = before && before.total === s.total ? before.rank : i + 1;
  });
  return [...ranked, ...scored.filter((s) => s.excluded !== '').sort(byTotal)];
}
