// Ratings (issue 17, seed 002): rating rounds in which enterprises rate departments and towns
// (千家外商投资企业评议机关, 测评投资环境), each enterprise's completed form, and the yearly list of
// 社会责任先进企业 candidates with the weights the bureau scores them by. All travel between laptops
// like every record. Pure.
import { z } from 'zod';
import { calendarDate, cappedText, recordMeta } from './records';

/** The questions of seed 002's forms, offered for every new round. */
export const defaultRatingQuestions: readonly string[] = ['服务态度', '办事效率', '政策落实', '依法行政', '总体评价'];

/** The three answers of the 满意度 scale, best first (the order of the paper form: key 1, 2, 3). */
export const satisfactionLevels = ['满意', '基本满意', '不满意'] as const;
export type SatisfactionLevel = (typeof satisfactionLevels)[number];

/** 满意度: 满意 / 基本满意 / 不满意; 评分: 1 (worst) to 5 (best). */
export const ratingScales = ['satisfaction', 'score'] as const;
export type RatingScale = (typeof ratingScales)[number];
export const ratingScaleLabels: Readonly<Record<RatingScale, string>> = { satisfaction: '满意 / 基本满意 / 不满意', score: '1–5 分' };

/** What a form rates: a department (评议机关) or a town's investment environment (测评投资环境). */
export const ratingTargetKinds = ['department', 'town'] as const;
export type RatingTargetKind = (typeof ratingTargetKinds)[number];
export const ratingTargetKindLabels: Readonly<Record<RatingTargetKind, string>> = { department: '部门', town: '区镇' };

/** Below this many forms a target's figures are shown but not ranked (a few forms say little). */
export const defaultMinResponses = 5;

const nameList = (label: string) =>
  z
    .array(cappedText(label, 50).trim().min(1, `${label}不能为空`))
    .max(100, `${label}不能超过 100 个`)
    .refine((names) => new Set(names).size === names.length, `${label}有重复`);

export const ratingRoundSchema = recordMeta.extend({
  name: z.string().trim().min(1, '请填写评议名称').max(100, '评议名称不能超过 100 个字符'),
  startDate: calendarDate,
  endDate: calendarDate,
  /** The departments rated (评议机关); empty when the round rates towns only. */
  departments: nameList('评议部门'),
  /** The towns rated (测评投资环境); empty when the round rates departments only. */
  towns: nameList('测评区镇'),
  questions: z
    .array(cappedText('评议项目', 20).trim().min(1, '评议项目不能为空'))
    .min(1, '请至少设置一个评议项目')
    .max(10, '评议项目不能超过 10 个')
    .refine((names) => new Set(names).size === names.length, '评议项目有重复'),
  scale: z.enum(ratingScales),
  /** A target with fewer forms is flagged 样本不足 and not ranked. */
  minResponses: z.number().int().min(1, '最少份数至少为 1').max(1000),
  note: cappedText('说明', 500).default(''),
});
export type RatingRound = z.infer<typeof ratingRoundSchema>;

/** One answer: a 满意度 level or a score of 1–5, as the round's scale says. */
export const ratingAnswerSchema = z.union([z.enum(satisfactionLevels), z.number().int().min(1).max(5)]);
export type RatingAnswer = z.infer<typeof ratingAnswerSchema>;

/** One enterprise's form for one rated department or town in one round. */
export const ratingSchema = recordMeta.extend({
  roundId: z.string().min(1),
  enterpriseId: z.string().min(1),
  targetKind: z.enum(ratingTargetKinds),
  target: cappedText('评议对象', 50),
  /** Question → answer; a question left blank on the paper form is absent. */
  answers: z.record(z.string(), ratingAnswerSchema),
  comment: cappedText('意见建议', 500).default(''),
});
export type Rating = z.infer<typeof ratingSchema>;

/**
 * The one id of an enterprise's form for a target in a round. Made from the three rather than drawn at
 * random, so that two laptops entering the same paper form write versions of one record (which the
 * merge joins or keeps as a conflict) — never two forms of one enterprise for one target.
 */
export function ratingId(roundId: string, enterpriseId: string, targetKind: RatingTargetKind, target: string): string {
  return `rating-${roundId}-${enterpriseId}-${targetKind}-${target}`;
}

/** The criteria of seed 002's 社会责任先进企业: 纳税、安排就业、环境保护、参与或资助社会公益事业、创立和谐企业. */
export const csrCriteria = ['taxPaid', 'jobs', 'environment', 'welfare', 'labour'] as const;
export type CsrCriterion = (typeof csrCriteria)[number];
export const csrCriterionLabels: Readonly<Record<CsrCriterion, string>> = {
  taxPaid: '纳税（万元）',
  jobs: '安排就业（人）',
  environment: '环境保护',
  welfare: '公益捐助（万元）',
  labour: '劳动关系和谐',
};

/** The grades of the two criteria judged rather than counted (environmental record, labour relations). */
export const csrGrades = ['优秀', '良好', '一般', '较差'] as const;
export type CsrGrade = (typeof csrGrades)[number];

const figure = (label: string) => z.number({ error: `${label}应为数字` }).finite().min(0, `${label}不能为负数`).max(100_000_000, `${label}过大`);

/** One enterprise's entry on a year's list of 社会责任先进企业 candidates. */
export const csrCandidateSchema = recordMeta.extend({
  year: z.number().int().min(2000).max(2100),
  enterpriseId: z.string().min(1),
  taxPaid: figure('纳税'),
  jobs: z.number().int('安排就业应为整数').min(0, '安排就业不能为负数').max(10_000_000),
  welfare: figure('公益捐助'),
  environment: z.enum(csrGrades, { error: '请选择环境保护等级' }),
  labour: z.enum(csrGrades, { error: '请选择劳动关系等级' }),
  note: cappedText('推荐理由', 500).default(''),
});
export type CsrCandidate = z.infer<typeof csrCandidateSchema>;

/** A year's candidate id: one entry per enterprise and year, so two laptops' entries merge as one record. */
export function csrCandidateId(year: number, enterpriseId: string): string {
  return `csr-${year}-${enterpriseId}`;
}

/** The weights of the five criteria (any non-negative numbers; the score divides by their sum). */
export const csrWeightsSchema = z
  .object({
    taxPaid: z.number().min(0, '权重不能为负数').max(100),
    jobs: z.number().min(0, '权重不能为负数').max(100),
    environment: z.number().min(0, '权重不能为负数').max(100),
    welfare: z.number().min(0, '权重不能为负数').max(100),
    labour: z.number().min(0, '权重不能为负数').max(100),
  })
  .refine((w) => csrCriteria.some((c) => w[c] > 0), '请至少给一项条件设置大于 0 的权重');
export type CsrWeights = z.infer<typeof csrWeightsSchema>;

/** The weights a year starts with: the five criteria equally (20 each). */
export const defaultCsrWeights: CsrWeights = { taxPaid: 20, jobs: 20, environment: 20, welfare: 20, labour: 20 };

/**
 * A year's selection: the weights the bureau scores the candidates by. One record per year (its id
 * made from the year), so the weights travel with the candidates and two laptops' settings of one
 * year's weights merge as versions of one record, not as two competing sets.
 */
export const csrYearSchema = recordMeta.extend({
  year: z.number().int().min(2000).max(2100),
  weights: csrWeightsSchema,
});
export type CsrYear = z.infer<typeof csrYearSchema>;

export function csrYearId(year: number): string {
  return `csryear-${year}`;
}
