// A 评议 round and a form as the officer enters them: read and check every field, refuse what cannot
// be right — a round that rates nothing, an end before its start, an answer outside the round's scale,
// a target the round does not rate, a form with no answer — naming the field in Chinese. Also what may
// not change once forms are in (the scale; a question or target that has answers). Pure.
import { z } from 'zod';
import { calendarDate, cappedText } from '../domain/records';
import {
  defaultMinResponses,
  defaultRatingQuestions,
  ratingScales,
  satisfactionLevels,
  type Rating,
  type RatingAnswer,
  type RatingRound,
  type RatingScale,
  type RatingTargetKind,
} from '../domain/ratingRecords';
import { RuleError, ruleErrorFromZod, type RuleIssue } from '../errors/ruleError';

/** The round's own fields: what the setup form edits. */
export type RatingRoundInput = Pick<
  RatingRound,
  'name' | 'startDate' | 'endDate' | 'departments' | 'towns' | 'questions' | 'scale' | 'minResponses' | 'note'
>;

/** What a new round's form starts with: seed 002's five questions on 满意 / 基本满意 / 不满意. */
export function newRoundInput(today: string): RatingRoundInput {
  const year = today.slice(0, 4);
  return {
    name: `${year} 年外商投资企业评议机关`,
    startDate: today,
    endDate: `${year}-12-31`,
    departments: [],
    towns: [],
    questions: [...defaultRatingQuestions],
    scale: 'satisfaction',
    minResponses: defaultMinResponses,
    note: '',
  };
}

const names = (label: string) =>
  z
    .array(z.string())
    .nullish()
    .transform((list) => [...new Set((list ?? []).map((n) => n.trim()).filter((n) => n !== ''))])
    .pipe(z.array(cappedText(label, 50)).max(100, `${label}不能超过 100 个`));

const roundInputSchema = z.object({
  name: z.string({ error: '请填写评议名称' }).trim().min(1, '请填写评议名称').max(100, '评议名称不能超过 100 个字符'),
  startDate: calendarDate,
  endDate: calendarDate,
  departments: names('评议部门'),
  towns: names('测评区镇'),
  questions: names('评议项目')
    .pipe(z.array(z.string().max(20, '评议项目不能超过 20 个字符')).min(1, '请至少设置一个评议项目').max(10, '评议项目不能超过 10 个')),
  scale: z.enum(ratingScales, { error: '请选择评分方式' }),
  minResponses: z.coerce.number({ error: '排名最少份数应为整数' }).int('排名最少份数应为整数').min(1, '排名最少份数至少为 1').max(1000, '排名最少份数不能超过 1000'),
  note: cappedText('说明', 500).nullish().transform((v) => (v ?? '').trim()),
});

export function parseRoundInput(raw: unknown): RatingRoundInput {
  const parsed = roundInputSchema.safeParse(raw ?? {});
  if (!parsed.success) throw ruleErrorFromZod(parsed.error);
  const round = parsed.data;
  const issues: RuleIssue[] = [];
  if (round.endDate < round.startDate) issues.push({ field: 'endDate', message: '结束日期不能早于开始日期' });
  if (round.departments.length === 0 && round.towns.length === 0) {
    issues.push({ field: 'departments', message: '请至少选择一个评议部门或测评区镇' });
  }
  if (issues.length > 0) throw new RuleError(issues);
  return round;
}

/** A round's forms as far as an edit of the round cares: which target and which questions they answer. */
export type RatedForm = Pick<Rating, 'targetKind' | 'target' | 'answers'>;

/**
 * What an edit of a round may not do once forms are in: change the scale (every answer would mean
 * something else), drop a question that has answers or a target that has forms (they would vanish
 * from the results). Empty when the edit is fine.
 */
export function roundEditIssues(before: RatingRoundInput, after: RatingRoundInput, forms: readonly RatedForm[]): RuleIssue[] {
  if (forms.length === 0) return [];
  const issues: RuleIssue[] = [];
  if (before.scale !== after.scale) issues.push({ field: 'scale', message: `已录入 ${forms.length} 份评议表，不能再改评分方式` });
  const dropped = (kind: RatingTargetKind, list: readonly string[], field: string, label: string) => {
    for (const target of new Set(forms.filter((f) => f.targetKind === kind).map((f) => f.target))) {
      if (!list.includes(target)) {
        const count = forms.filter((f) => f.targetKind === kind && f.target === target).length;
        issues.push({ field, message: `${label}「${target}」已有 ${count} 份评议表，不能移除` });
      }
    }
  };
  dropped('department', after.departments, 'departments', '评议部门');
  dropped('town', after.towns, 'towns', '测评区镇');
  for (const question of before.questions) {
    if (after.questions.includes(question)) continue;
    const count = forms.filter((f) => f.answers[question] !== undefined).length;
    if (count > 0) issues.push({ field: 'questions', message: `评议项目「${question}」已有 ${count} 份答案，不能移除或改名` });
  }
  return issues;
}

/** The targets a round rates, departments first, each with its kind. */
export function roundTargets(round: Pick<RatingRound, 'departments' | 'towns'>): { kind: RatingTargetKind; target: string }[] {
  return [
    ...round.departments.map((target) => ({ kind: 'department' as const, target })),
    ...round.towns.map((target) => ({ kind: 'town' as const, target })),
  ];
}

/** The answers a scale offers, best first: 满意, 基本满意, 不满意 or 5 … 1. */
export function scaleAnswers(scale: RatingScale): RatingAnswer[] {
  return scale === 'satisfaction' ? [...satisfactionLevels] : [5, 4, 3, 2, 1];
}

/**
 * The answer a number key gives on the keyboard entry form: on 满意度, 1 满意, 2 基本满意, 3 不满意 (the
 * paper form's columns, left to right); on 评分, the score itself. Undefined for any other key.
 */
export function answerFromKey(scale: RatingScale, key: string): RatingAnswer | undefined {
  const digit = /^[1-5]$/.test(key) ? Number(key) : NaN;
  if (scale === 'satisfaction') return digit >= 1 && digit <= 3 ? satisfactionLevels[digit - 1] : undefined;
  return digit >= 1 && digit <= 5 ? digit : undefined;
}

/** The key that gives an answer (the hint beside each option). */
export function keyOfAnswer(scale: RatingScale, answer: RatingAnswer): string {
  return scale === 'satisfaction' ? String(satisfactionLevels.indexOf(answer as (typeof satisfactionLevels)[number]) + 1) : String(answer);
}

/**
 * An answer as typed or imported: a level's exact name (满意, 基本满意, 不满意 — other wordings such as
 * 比较满意 are refused, not guessed), or a score 1–5 (full-width digits and 5分 accepted). '' or absent:
 * no answer.
 */
export function readAnswer(scale: RatingScale, value: unknown): { value?: RatingAnswer } | { message: string } {
  if (value === undefined || value === null) return {};
  if (typeof value === 'number') {
    if (scale === 'score' && Number.isInteger(value) && value >= 1 && value <= 5) return { value };
    return { message: scale === 'score' ? '应为 1 到 5 的整数分' : '应为 满意、基本满意 或 不满意' };
  }
  const text = String(value)
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  if (text === '') return {};
  if (scale === 'satisfaction') {
    const level = satisfactionLevels.find((l) => l === text);
    return level ? { value: level } : { message: `「${text}」应为 满意、基本满意 或 不满意` };
  }
  const score = /^([1-5])(分)?$/.exec(text);
  return score ? { value: Number(score[1]) } : { message: `「${text}」应为 1 到 5 的整数分` };
}

/** A form's own fields: which target, the answers, the comment. */
export type RatingInput = Pick<Rating, 'enterpriseId' | 'targetKind' | 'target' | 'answers' | 'comment'>;

/**
 * The checked form. `raw.answers` maps a question to an answer as typed (or to '' for none); every
 * question must be one of the round's and every answer on its scale; at least one is needed.
 */
export function parseRatingInput(raw: unknown, round: Pick<RatingRound, 'departments' | 'towns' | 'questions' | 'scale'>): RatingInput {
  const source = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const issues: RuleIssue[] = [];
  const enterpriseId = typeof source.enterpriseId === 'string' ? source.enterpriseId.trim() : '';
  if (enterpriseId === '') issues.push({ field: 'enterpriseId', message: '请选择填表企业' });
  const targetKind = source.targetKind === 'town' ? 'town' : source.targetKind === 'department' ? 'department' : undefined;
  const target = typeof source.target === 'string' ? source.target.trim() : '';
  if (!targetKind || target === '') issues.push({ field: 'target', message: '请选择评议对象' });
  else if (!(targetKind === 'department' ? round.departments : round.towns).includes(target)) {
    issues.push({ field: 'target', message: `本轮评议不包括「${target}」` });
  }
  const answers: Record<string, RatingAnswer> = {};
  const typed = (typeof source.answers === 'object' && source.answers !== null ? source.answers : {}) as Record<string, unknown>;
  for (const [question, value] of Object.entries(typed)) {
    if (!round.questions.includes(question)) {
      if (value !== undefined && value !== null && value !== '') issues.push({ field: `answers.${question}`, message: `本轮评议没有「${question}」这一项` });
      continue;
    }
    const read = readAnswer(round.scale, value);
    if ('message' in read) issues.push({ field: `answers.${question}`, message: `${question}：${read.message}` });
    else if (read.value !== undefined) answers[question] = read.value;
  }
  const comment = typeof source.comment === 'string' ? source.comment.trim() : '';
  if (comment.length > 500) issues.push({ field: 'comment', message: '意见建议不能超过 500 个字符' });
  if (issues.length === 0 && Object.keys(answers).length === 0) issues.push({ field: '', message: '请至少填写一项评议结果' });
  if (issues.length > 0) throw new RuleError(issues);
  return { enterpriseId, targetKind: targetKind!, target, answers, comment };
}
