// The results of a 评议 round, per department and per town: how many forms, and per question and
// overall either the satisfaction rate (满意 + 基本满意 among the answers, seed 002's 满意度) or the
// mean score (1–5); the ranking within departments and within towns, best first; a target with fewer
// forms than the round's minimum is flagged 样本不足 and not ranked (its figures are still shown); the
// comments listed. Overall is over every answer of the target's forms, so a question left blank
// neither helps nor hurts. Pure.
import type { Rating, RatingRound, RatingTargetKind } from '../domain/ratingRecords';
import { roundTargets } from './ratingInput';

export interface QuestionResult {
  question: string;
  /** Forms that answered this question. */
  answered: number;
  /** 满意度: the answers of each level (zero on 评分). */
  satisfied: number;
  basic: number;
  unsatisfied: number;
  /** 满意度: (满意 + 基本满意) / answered; 评分: the mean score. Null when nobody answered. */
  value: number | null;
}

export interface TargetComment {
  enterpriseId: string;
  enterpriseName: string;
  comment: string;
}

export interface TargetResult {
  kind: RatingTargetKind;
  target: string;
  /** Forms for this target. */
  responses: number;
  questions: QuestionResult[];
  /** Over every answer of every form: the satisfaction rate or the mean score; null with no answer. */
  overall: number | null;
  /** Fewer forms than the round's minimum: shown, not ranked. */
  lowCount: boolean;
  /** 1 = best; equal overall values share a rank (1, 1, 3); null when flagged or without answers. */
  rank: number | null;
  /** The target is no longer in the round's setup but has forms (kept, never dropped silently). */
  notInRound: boolean;
  comments: TargetComment[];
}

export interface RoundResults {
  scale: RatingRound['scale'];
  minResponses: number;
  /** All forms of the round. */
  responses: number;
  /** Enterprises that returned at least one form. */
  enterprises: number;
  /** Ranked first (by rank, then name), then the flagged and the unanswered (by name). */
  departments: TargetResult[];
  towns: TargetResult[];
}

/** Equal to 1e-9: two overall values that print the same are one rank. */
const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

function targetResult(
  round: Pick<RatingRound, 'questions' | 'scale' | 'minResponses'>,
  kind: RatingTargetKind,
  target: string,
  forms: readonly Rating[],
  nameOf: (enterpriseId: string) => string,
  notInRound: boolean,
): TargetResult {
  let all = 0;
  let good = 0;
  let sum = 0;
  const questions = round.questions.map((question): QuestionResult => {
    let answered = 0;
    let satisfied = 0;
    let basic = 0;
    let unsatisfied = 0;
    let total = 0;
    for (const form of forms) {
      const answer = form.answers[question];
      if (answer === undefined) continue;
      answered += 1;
      if (answer === '满意') satisfied += 1;
      else if (answer === '基本满意') basic += 1;
      else if (answer === '不满意') unsatisfied += 1;
      else if (typeof answer === 'number') total += answer;
    }
    all += answered;
    good += satisfied + basic;
    sum += total;
    const value = answered === 0 ? null : round.scale === 'satisfaction' ? (satisfied + basic) / answered : total / answered;
    return { question, answered, satisfied, basic, unsatisfied, value };
  });
  const overall = all === 0 ? null : round.scale === 'satisfaction' ? good / all : sum / all;
  const comments = forms
    .filter((f) => f.comment.trim() !== '')
    .map((f) => ({ enterpriseId: f.enterpriseId, enterpriseName: nameOf(f.enterpriseId), comment: f.comment.trim() }))
    .sort((a, b) => a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'));
  return { kind, target, responses: forms.length, questions, overall, lowCount: forms.length < round.minResponses, rank: null, notInRound, comments };
}

/** Ranks the targets that have enough forms and an answer; returns them ranked first, then the rest by name. */
function ranked(results: TargetResult[]): TargetResult[] {
  const byName = (a: TargetResult, b: TargetResult) => a.target.localeCompare(b.target, 'zh-CN');
  const rankable = results.filter((r) => !r.lowCount && r.overall !== null).sort((a, b) => b.overall! - a.overall! || byName(a, b));
  rankable.forEach((r, i) => {
    const before = rankable[i - 1];
    r.rank = before && same(before.overall!, r.overall!) ? before.rank : i + 1;
  });
  const rest = results.filter((r) => r.rank === null).sort(byName);
  return [...rankable, ...rest];
}

/**
 * The round's results from its live forms. `nameOf` gives an enterprise's name for the comments (its
 * id when the enterprise is not on this laptop). Every target of the round appears, with 0 forms if
 * none came back; a target with forms that the round no longer lists appears too, marked.
 */
export function ratingResults(
  round: Pick<RatingRound, 'departments' | 'towns' | 'questions' | 'scale' | 'minResponses'>,
  forms: readonly Rating[],
  nameOf: (enterpriseId: string) => string = (id) => id,
): RoundResults {
  const key = (kind: RatingTargetKind, target: string) => `${kind}|${target}`;
  const byTarget = new Map<string, Rating[]>();
  for (const form of forms) {
    const k = key(form.targetKind, form.target);
    const list = byTarget.get(k) ?? [];
    list.push(form);
    byTarget.set(k, list);
  }
  const listed = roundTargets(round);
  const listedKeys = new Set(listed.map((t) => key(t.kind, t.target)));
  const extra = [...byTarget.values()]
    .map((list) => ({ kind: list[0]!.targetKind, target: list[0]!.target }))
    .filter((t) => !listedKeys.has(key(t.kind, t.target)));
  const results = [...listed.map((t) => ({ ...t, notInRound: false })), ...extra.map((t) => ({ ...t, notInRound: true }))].map((t) =>
    targetResult(round, t.kind, t.target, byTarget.get(key(t.kind, t.target)) ?? [], nameOf, t.notInRound),
  );
  return {
    scale: round.scale,
    minResponses: round.minResponses,
    responses: forms.length,
    enterprises: new Set(forms.map((f) => f.enterpriseId)).size,
    departments: ranked(results.filter((r) => r.kind === 'department')),
    towns: ranked(results.filter((r) => r.kind === 'town')),
  };
}

/** A result as the screen and the workbook show it: 96.0% or 4.25 (分); — when nobody answered. */
export function formatResult(scale: RatingRound['scale'], value: number | null): string {
  if (value === null) return '—';
  return scale === 'satisfaction' ? `${(Math.round(value * 1000) / 10).toFixed(1)}%` : (Math.round(value * 100) / 100).toFixed(2);
}
