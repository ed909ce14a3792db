// Ratings (issue 17, seed 002): rating rounds in which enterprises rate departments and towns
// (千家外商投资企业评议机关, 测评投资环境), each enterprise's completed form, and the yearly list of
// 社会责任先进企业 candidates. All travel between laptops like every record. Pure.
// Foundation stub: the ratings feature shapes the fields.
import { z } from 'zod';
import { cappedText, recordMeta } from './records';

export const ratingRoundSchema = recordMeta.extend({
  name: z.string().trim().min(1, '请填写评议名称').max(100, '评议名称不能超过 100 个字符'),
});
export type RatingRound = z.infer<typeof ratingRoundSchema>;

/** One enterprise's form for one rated department or town in one round. */
export const ratingSchema = recordMeta.extend({
  roundId: z.string().min(1),
  enterpriseId: z.string().min(1),
  target: cappedText('评议对象', 50),
});
export type Rating = z.infer<typeof ratingSchema>;

/** One enterprise's entry on a year's list of 社会责任先进企业 candidates. */
export const csrCandidateSchema = recordMeta.extend({
  year: z.number().int(),
  enterpriseId: z.string().min(1),
});
export type CsrCandidate = z.infer<typeof csrCandidateSchema>;
