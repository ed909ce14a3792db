// The records of docs/design.md, as zod schemas (the boundary check for imports, packages and IPC)
// and the TypeScript types inferred from them. Pure: no DOM, no Node, no Dexie.
import { z } from 'zod';
import { defaultTownAliases } from '../reference/towns';
import { visitTextLimits } from '../visits/visitLimits';
import { yearScheduleSchema } from '../calendar/yearSchedule';
import { versionVectorSchema } from '../sync/versionVector';
import { appLockSchema } from '../security/appLock';

/** Calendar date `YYYY-MM-DD` (Asia/Shanghai calendar day, no time zone). */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** Month `YYYY-MM`. */
export const calendarMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
/** ISO-8601 instant. */
export const instant = z.string().min(10);

/**
 * Free text with a generous length cap and a Chinese message naming the field: the one limit every
 * write path (forms, roster import, packages) checks, so nothing is cut off silently anywhere.
 */
export function cappedText(label: string, max: number) {
  return z.string().max(max, `${label}不能超过 ${max} 个字符`);
}

/**
 * Fields every stored record carries, stamped only by shared/sync/recordStamp.ts through the one write
 * path (renderer/src/db/ledgerWrites.ts). Records are never hard-deleted: `deletedAt` is a tombstone so
 * that a merge of laptops carries deletions. `versionVector` is the record's causal history and alone
 * decides whether one laptop's copy is newer than another's; `updatedAt` (a wall clock) only breaks
 * ties between concurrent edits and orders the display. `changeSeq` is this laptop's own monotonic
 * write counter ("changed since my last package" is a key range); it never travels in a package.
 */
export const recordMeta = z.object({
  id: z.string().min(8),
  createdAt: instant,
  updatedAt: instant,
  updatedBy: z.string(),
  deviceId: z.string().min(1),
  deletedAt: instant.optional(),
  /** How many revisions this copy has been through (1 when created). */
  rev: z.number().int().positive(),
  versionVector: versionVectorSchema,
  changeSeq: z.number().int().nonnegative().optional(),
});
export type RecordMeta = z.infer<typeof recordMeta>;

export const foreignSources = ['港澳台', '欧美', '日韩', '其他'] as const;
export const serviceTiers = ['A', 'B', 'C'] as const;

export const enterpriseSchema = recordMeta.extend({
  name: z.string().trim().min(1, '企业名称不能为空').max(100, '企业名称不能超过 100 个字符'),
  creditCode: z.string(),
  town: cappedText('所属区镇', 50),
  address: cappedText('地址', 200).default(''),
  industry: cappedText('行业', 100).default(''),
  foreignSource: z.enum(foreignSources).optional(),
  isKeyEnterprise: z.boolean().default(false),
  isAboveScale: z.boolean().default(false),
  contactPerson: cappedText('联系人', 50).default(''),
  contactPhone: cappedText('联系电话', 50).default(''),
  assignedOfficer: cappedText('服务专员', 50).default(''),
  linkedLeader: cappedText('挂钩领导', 50).default(''),
  serviceTier: z.enum(serviceTiers).optional(),
  /** Derived cache: the latest visit date, kept in the same transaction that saves a visit. */
  lastVisitDate: calendarDate.optional(),
  /** Derived: name suffixes, pinyin initials and credit code, for the multiEntry search index. */
  searchTokens: z.array(z.string()).default([]),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const operationsSnapshotSchema = z.object({
  employment: z.string().default(''), // 用工
  orders: z.string().default(''), // 订单
  supplyChain: z.string().default(''), // 产业链配套
  outputValue: z.string().default(''), // 产值
  newInvestment: z.string().default(''), // 新增投资
});
export type OperationsSnapshot = z.infer<typeof operationsSnapshotSchema>;

export const visitSchema = recordMeta.extend({
  enterpriseId: z.string(),
  date: calendarDate,
  type: z.string().min(1, '请选择走访类型'),
  officers: z.array(z.string()).default([]),
  peopleMet: cappedText('接待人员', visitTextLimits.peopleMet).default(''),
  summary: cappedText('走访情况', visitTextLimits.summary).default(''),
  operations: operationsSnapshotSchema,
  policyIds: z.array(z.string()).default([]),
});
export type Visit = z.infer<typeof visitSchema>;

export const handlingModes = ['本部门办理', '转办'] as const;
export type HandlingMode = (typeof handlingModes)[number];
export const problemStatuses = ['待处理', '已转办', '已答复', '已办结', '已升级'] as const;
export type ProblemStatus = (typeof problemStatuses)[number];
export const outcomeClasses = ['解决或已有明确途径', '已有方案或正在争取', '提交会商协调'] as const;
export type OutcomeClass = (typeof outcomeClasses)[number];
export const escalationMeetings = ['督办会', '点评会'] as const;
export const satisfactionLevels = ['满意', '基本满意', '不满意'] as const;
export type Satisfaction = (typeof satisfactionLevels)[number];

export const problemHistoryEntrySchema = z.object({
  /** Entries merge as a union by id: two laptops may each add one to the same problem. */
  id: z.string().min(1),
  at: instant,
  by: z.string(),
  from: z.enum(problemStatuses).optional(),
  to: z.enum(problemStatuses),
  comment: z.string().default(''),
  /** A copy of the answer being replaced when an unsatisfied answer is reopened. */
  previousReply: z
    .object({ date: calendarDate.optional(), content: z.string(), satisfaction: z.enum(satisfactionLevels).optional() })
    .optional(),
});
export type ProblemHistoryEntry = z.infer<typeof problemHistoryEntrySchema>;

export const problemSchema = recordMeta.extend({
  enterpriseId: z.string(),
  visitId: z.string().optional(),
  projectId: z.string().optional(),
  /** The group activity (政策宣讲, 对话沙龙, 现场联合办公) it was raised at, as `visitId` for a visit. */
  activityId: z.string().optional(),
  raisedDate: calendarDate,
  category: z.string().min(1, '请选择问题类别'),
  description: z
    .string()
    .trim()
    .min(1, '问题描述不能为空')
    .max(visitTextLimits.problemDescription, `问题描述不能超过 ${visitTextLimits.problemDescription} 个字符`),
  request: cappedText('企业诉求', visitTextLimits.problemRequest).default(''), // 企业诉求
  isComplaint: z.boolean().default(false), // 投诉 (seed 002)
  handling: z.enum(handlingModes).default('本部门办理'),
  /** The officer's own department when handled in-house; the receiving one when transferred. */
  department: z.string().default(''),
  transferDate: calendarDate.optional(),
  /** Computed by shared/problems from handling, raised/transfer date and the calendar. */
  replyDeadline: calendarDate.optional(),
  /**
   * True while the deadline rests on a year the calendar does not know yet (a weekday guess, shown
   * as 待确认); recomputed when that year's schedule is entered (settingsStore.saveYearSchedule).
   */
  replyDeadlineProvisional: z.boolean().optional(),
  replyDate: calendarDate.optional(),
  replyContent: cappedText('答复内容', 5000).default(''),
  status: z.enum(problemStatuses).default('待处理'),
  outcomeClass: z.enum(outcomeClasses).optional(),
  escalation: z
    .object({ meeting: z.enum(escalationMeetings), date: calendarDate, note: z.string().default('') })
    .optional(),
  rectification: z
    .object({ owner: z.string().min(1), deadline: calendarDate, note: z.string().default('') })
    .optional(),
  satisfaction: z.enum(satisfactionLevels).optional(),
  /**
   * The latest decision a 督办会 / 点评会 / 专题协调会 took on it (issue 16, shared/meetings/): which
   * department must do what by when (working days on the 首问负责制 calendar from the meeting day). It
   * is the problem's supervised deadline from then on; the reply deadline of 首问负责制 stays as it was.
   */
  meetingDecision: z
    .object({
      meetingId: z.string().min(1),
      meetingType: z.string().min(1),
      meetingDate: calendarDate,
      department: z.string().min(1),
      task: z.string().min(1),
      workingDays: z.number().int().min(1),
      deadline: calendarDate,
      deadlineProvisional: z.boolean().optional(),
    })
    .optional(),
  officer: z.string().default(''), // the first responder (首问责任人)
  history: z.array(problemHistoryEntrySchema).default([]),
});
export type Problem = z.infer<typeof problemSchema>;

export const projectStages = ['签约未设立', '已设立·前期手续', '在建', '设备安装', '竣工投产'] as const;
export type ProjectStage = (typeof projectStages)[number];

/** Where a project entering the library comes from (seed 001: 签约项目 and projects the towns put forward). */
export const projectEntrySources = ['签约项目', '区镇推送', '其他'] as const;
export type ProjectEntrySource = (typeof projectEntrySources)[number];
/** Why a project leaves the library; 其他 needs the reason in words. */
export const projectExitReasons = ['竣工投产满一年', '项目终止', '转出', '其他'] as const;
export type ProjectExitReason = (typeof projectExitReasons)[number];

/** What a project's history records: library entries and exits (seed 001's rules) and stage changes. */
export const projectHistoryKinds = ['入库', '移出', '阶段变更'] as const;
export const projectHistoryEntrySchema = z.object({
  /** Entries merge as a union by id, like a problem's. */
  id: z.string().min(1),
  kind: z.enum(projectHistoryKinds),
  /** The day it took effect: the entry or exit date; for a stage change, the day it was recorded. */
  date: calendarDate,
  /** The exit's reason, in words. */
  reason: z.string().default(''),
  /** An entry's source (absent on entries recorded before sources were kept). */
  entrySource: z.enum(projectEntrySources).optional(),
  /** An exit's reason from the list (absent on exits recorded before the list). */
  reasonKind: z.enum(projectExitReasons).optional(),
  from: z.enum(projectStages).optional(),
  to: z.enum(projectStages).optional(),
  /** What recorded it, e.g. "2026-10 月度进展", "编辑项目". */
  source: z.string().default(''),
  at: instant.optional(),
  by: z.string().default(''),
  /** Rebuilt from the fields of a version without history: only as exact as those fields were. */
  reconstructed: z.boolean().optional(),
});
export type ProjectHistoryEntry = z.infer<typeof projectHistoryEntrySchema>;

export const keyProjectSchema = recordMeta.extend({
  name: z.string().trim().min(1, '项目名称不能为空'),
  enterpriseId: z.string().optional(),
  investorRegion: z.string().default(''),
  totalInvestment: z.number().nonnegative().optional(), // 万美元
  registeredForeignCapital: z.number().nonnegative().optional(), // 万美元
  stage: z.enum(projectStages),
  inLibrary: z.boolean(),
  libraryEntryDate: calendarDate.optional(),
  /** Where the current (or last) entry came from; absent on projects saved before it was asked. */
  libraryEntrySource: z.enum(projectEntrySources).optional(),
  libraryExitDate: calendarDate.optional(),
  /** The exit's reason from the list; absent on projects saved before it was asked. */
  libraryExitReasonKind: z.enum(projectExitReasons).optional(),
  /** The exit's reason in words (required for 其他). */
  libraryExitReason: z.string().default(''),
  leadOfficer: z.string().default(''),
  town: z.string().default(''),
  /**
   * Every entry into and exit from the library and every stage change, oldest first. Absent on
   * projects stored before it existed (until the upgrade's backfillProjectHistory fills it): read it
   * through projectHistoryOf (shared/projects/projectHistory), which rebuilds it for those.
   */
  history: z.array(projectHistoryEntrySchema).optional(),
});
export type KeyProject = z.infer<typeof keyProjectSchema>;

export const progressEntrySchema = recordMeta.extend({
  projectId: z.string(),
  month: calendarMonth,
  stage: z.enum(projectStages),
  progress: z.string().default(''),
  investmentToDate: z.number().nonnegative().optional(), // 万美元
  blockers: z.string().default(''),
});
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

export const policySchema = recordMeta.extend({
  code: z.string(), // e.g. "3-07": section and item number in the source document
  title: z.string().min(1),
  sourceDocument: z.string(),
  leadUnit: z.string().default(''),
});
export type Policy = z.infer<typeof policySchema>;

/** Photos and files attached to a visit (or later a project); the Blob lives in IndexedDB. */
export const attachmentMetaSchema = recordMeta.extend({
  ownerId: z.string(),
  fileName: z.string().min(1),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
});
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;
export type Attachment = AttachmentMeta & { blob: Blob };

/** A half-filled form, saved as the user types; `key` names the form (e.g. `visit:new:<enterpriseId>`). */
export interface Draft {
  key: string;
  updatedAt: string;
  data: unknown;
}

/** Reference lists and the officer's identity, editable in settings. */
export const settingsSchema = z.object({
  officerName: z.string().default(''),
  officerUnit: z.string().default(''),
  officerDepartment: z.string().default(''),
  deviceId: z.string().min(1),
  towns: z.array(z.string()),
  departments: z.array(z.string()),
  categories: z.array(z.string()),
  visitTypes: z.array(z.string()),
  /** Working-day overrides for a year the calendar package does not know yet: date → true = worked. */
  calendarOverrides: z.record(z.string(), z.boolean()).default({}),
  /** Other names of the towns in rosters (alias → one of `towns`), matched by the roster import. */
  townAliases: z.record(z.string(), z.string()).default({ ...defaultTownAliases }),
  /**
   * The holiday notices entered for years the package does not know, each confirmed complete; only
   * these make a year known (shared/calendar/yearSchedule.ts). Their days are also in calendarOverrides.
   */
  calendarYears: z.array(yearScheduleSchema).default([]),
  bureauRecipient: z.string().optional(), // the bureau's public key (age1…): packages for the bureau are encrypted to it
  bureauIdentity: z.string().optional(), // the bureau's private key (AGE-SECRET-KEY-1…), only on the bureau's own computer
  /** The optional app lock (shared/security/appLock.ts): a salted slow hash, never the passcode. */
  appLock: appLockSchema.optional(),
  /**
   * 亮灯督办 (issue 16): an item late by up to this many working days is yellow, beyond it red; absent
   * means the default (shared/meetings/supervisionLight.ts).
   */
  lightLateDays: z.number({ error: '黄灯宽限应为 0–30 的整数（工作日）' }).int('黄灯宽限应为整数（工作日）').min(0, '黄灯宽限不能为负数').max(30, '黄灯宽限不能超过 30 个工作日').optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * 一企一策 (seed 004): an action of an enterprise's service plan — a need found on a visit, the action
 * agreed, who owns it and by when (shared/servicePlan/ says how one stands on a day).
 */
export const planActionSchema = recordMeta.extend({
  enterpriseId: z.string().min(1),
  need: z.string().trim().min(1, '请填写发现的需求'), // 企业需求
  action: z.string().trim().min(1, '请填写商定的措施'), // 服务措施
  owner: z.string().trim().min(1, '请填写责任人'), // 责任人
  dueDate: calendarDate, // 完成时限
  doneDate: calendarDate.optional(), // 完成日期
  note: z.string().default(''),
});
export type PlanAction = z.infer<typeof planActionSchema>;

/** An amount in 万元 as an enterprise's operations report states it. */
function wanYuan(label: string) {
  return z.number({ error: `${label}应为数字（万元）` }).nonnegative(`${label}不能为负数`).optional();
}

/** A count of people: a whole number. */
function headcount(label: string) {
  return z.number({ error: `${label}应为整数（人）` }).int(`${label}应为整数（人）`).nonnegative(`${label}不能为负数`).optional();
}

/**
 * 经营数据 (seed 004: 每个月定期跟踪服务企业生产经营情况，确保产值、新增投资应统尽统): one enterprise's
 * operations for one month, as figures. One record per enterprise and month: its id is made from the
 * two (shared/operations/operationEntry.ts), so two laptops' entries of the same month are versions of
 * one record and merge as such. Every figure may be absent (not known this month); the entry rules
 * ask for at least one.
 */
export const operationReportSchema = recordMeta.extend({
  enterpriseId: z.string().min(1),
  month: calendarMonth,
  outputValue: wanYuan('本月产值'), // 本月产值（万元）
  outputValueYtd: wanYuan('本年累计产值'), // 本年累计产值（万元）
  employees: headcount('用工人数'), // 用工人数
  vacancies: headcount('缺工人数'), // 缺工人数
  orderMonths: z.number({ error: '在手订单应为数字（月）' }).nonnegative('在手订单不能为负数').optional(), // 在手订单（可排产月数）
  newInvestmentYtd: wanYuan('本年新增投资'), // 本年新增投资（万元，年初至本月）
  exports: wanYuan('本月出口额'), // 本月出口额（万元）
  supplyChainIssues: cappedText('产业链配套问题', 300).default(''), // 产业链配套问题
});
export type OperationReport = z.infer<typeof operationReportSchema>;
