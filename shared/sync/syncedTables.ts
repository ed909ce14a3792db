// The tables whose records travel between laptops, each with the zod schema every write and every
// package row is checked against, and the Chinese name messages use. A new table that officers'
// laptops share is added here and nowhere else: the write path, packages, merge and backup all read
// this list. Local bookkeeping (drafts, settings, syncState, conflicts) is deliberately absent. Pure.
import type { z } from 'zod';
import {
  attachmentMetaSchema,
  enterpriseSchema,
  keyProjectSchema,
  operationReportSchema,
  planActionSchema,
  policySchema,
  problemSchema,
  progressEntrySchema,
  visitSchema,
} from '../domain/records';
import { cultivationCandidateSchema, cultivationGoalSchema } from '../domain/cultivationRecords';
import { meetingSchema } from '../domain/meetingRecords';
import { activitySchema } from '../domain/activityRecords';
import { csrCandidateSchema, csrYearSchema, ratingRoundSchema, ratingSchema } from '../domain/ratingRecords';

export const syncedTableNames = [
  'enterprises',
  'visits',
  'problems',
  'projects',
  'progressEntries',
  'policies',
  'attachments',
  'planActions',
  'operationReports',
  'cultivationCandidates',
  'cultivationGoals',
  'meetings',
  'activities',
  'ratingRounds',
  'ratings',
  'csrCandidates',
  'csrYears',
] as const;
export type SyncedTableName = (typeof syncedTableNames)[number];

export const isSyncedTable = (name: string): name is SyncedTableName =>
  (syncedTableNames as readonly string[]).includes(name);

/** Attachments are checked without their Blob (the package carries the bytes beside the record). */
export const syncedRecordSchemas: Record<SyncedTableName, z.ZodType> = {
  enterprises: enterpriseSchema,
  visits: visitSchema,
  problems: problemSchema,
  projects: keyProjectSchema,
  progressEntries: progressEntrySchema,
  policies: policySchema,
  attachments: attachmentMetaSchema,
  planActions: planActionSchema,
  operationReports: operationReportSchema,
  cultivationCandidates: cultivationCandidateSchema,
  cultivationGoals: cultivationGoalSchema,
  meetings: meetingSchema,
  activities: activitySchema,
  ratingRounds: ratingRoundSchema,
  ratings: ratingSchema,
  csrCandidates: csrCandidateSchema,
  csrYears: csrYearSchema,
};

export const syncedTableLabels: Record<SyncedTableName, string> = {
  enterprises: '企业',
  visits: '走访记录',
  problems: '问题',
  projects: '重点项目',
  progressEntries: '项目进展',
  policies: '政策',
  attachments: '附件',
  planActions: '一企一策措施',
  operationReports: '经营数据',
  cultivationCandidates: '培育企业',
  cultivationGoals: '培育目标',
  meetings: '会议',
  activities: '活动',
  ratingRounds: '评议',
  ratings: '评议表',
  csrCandidates: '社会责任先进企业候选',
  csrYears: '社会责任先进企业评分权重',
};

/** Where the change counter lives in the syncState table. */
export const changeSeqKey = 'changeSeq';
