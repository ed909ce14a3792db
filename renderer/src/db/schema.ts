// Every Dexie schema version of the app, in one place. A schema change is a NEW version step
// (with an upgrade function where data must move); old steps are never edited, because laptops in
// the field hold databases at every older version. test/renderer/db/schema.test.ts snapshots them.
import Dexie, { type Table, type Transaction } from 'dexie';
import { markProvisionalDeadline } from '../../../shared/problems/problemDeadline';
import { backfillProjectHistory } from '../../../shared/projects/projectHistory';
import { backfillTownAliases } from '../../../shared/reference/towns';
import { withFreshSearchTokens } from '../../../shared/search/searchTokens';
import type {
  Attachment,
  Draft,
  Enterprise,
  KeyProject,
  OperationReport,
  Policy,
  Problem,
  ProgressEntry,
  Settings,
  Visit,
} from '../../../shared/domain/records';
import type { PlanAction } from '../../../shared/domain/records';
import type { CultivationCandidate, CultivationGoal } from '../../../shared/domain/cultivationRecords';
import type { Meeting } from '../../../shared/domain/meetingRecords';
import type { Activity } from '../../../shared/domain/activityRecords';
import type { CsrCandidate, CsrYear, Rating, RatingRound } from '../../../shared/domain/ratingRecords';
import { changeSeqKey } from '../../../shared/sync/syncedTables';
import { countedTallies } from './tallyCount';
import { firstVersionOf } from '../../../shared/sync/firstVersion';
import type { Conflict } from '../../../shared/sync/mergeRecords';
import {
  ProblemTallyDelta,
  problemTallyKey,
  problemTallyPrefix,
  withProblemIndexFields,
  type SettledProblemCounts,
} from '../../../shared/problems/problemTally';

/** A database upgraded by a newer build of the app than this one. */
export class NewerDatabaseError extends Error {
  constructor(readonly foundVersion: number) {
    super('本机数据库已由更新版本的走访台账升级过，当前版本无法安全打开。请安装最新版本后再使用。');
    this.name = 'NewerDatabaseError';
  }
}

/** Local bookkeeping (never in a package): the change counter and what was last sent where. */
export interface SyncStateRow {
  key: string;
  value: unknown;
}

/** A first responder's problem counts the write path keeps (shared/problems/problemTally.ts). */
export interface ProblemTallyRow {
  key: string;
  counts: SettledProblemCounts;
}

/** A plain count of live records the write path keeps (shared/tallies/recordCountTally.ts). */
export interface CountTallyRow {
  key: string;
  count: number;
}

/** A running count of the local `tallies` table (never in a package; rebuilt from the records), by key prefix. */
export type TallyRow = ProblemTallyRow | CountTallyRow;

export interface SettingsRow {
  key: 'app';
  value: Settings;
}

/** Version 1: every table of docs/design.md, with the indexes the views page and search by. */
export const schemaV1 = {
  // *searchTokens: multiEntry index of name suffixes, pinyin initials and credit code (prefix search).
  enterprises: 'id, creditCode, name, town, assignedOfficer, lastVisitDate, updatedAt, *searchTokens',
  // [enterpriseId+date]: an enterprise's timeline and its latest visit without a scan.
  visits: 'id, enterpriseId, date, [enterpriseId+date], updatedAt',
  problems:
    'id, enterpriseId, visitId, projectId, status, raisedDate, replyDeadline, department, category, officer, [enterpriseId+raisedDate], updatedAt',
  projects: 'id, enterpriseId, stage, inLibrary, updatedAt',
  progressEntries: 'id, projectId, month, [projectId+month], updatedAt',
  policies: 'id, code, updatedAt',
  attachments: 'id, ownerId, updatedAt',
  drafts: 'key, updatedAt',
  settings: 'key',
} as const;

/**
 * Version 2: the service plan (一企一策, seed 004) — actions per enterprise, listed by enterprise and
 * on the officer's due list by due date. Only a new table, so no upgrade function moves data.
 */
export const schemaV2 = {
  planActions: 'id, enterpriseId, dueDate, updatedAt',
} as const;

/**
 * Version 3 (issue 9): no new index; data moves, each move a pure backfill tested on its own.
 * - problems: a deadline resting on a year the calendar does not know is marked provisional (待确认)
 *   — 0.1 counted a year with one override day as known — to be recomputed when its notice is entered;
 * - enterprises: search tokens recomputed (full pinyin is searchable now);
 * - projects: the history of library entries, exits and stage changes rebuilt from their fields and
 *   progress entries;
 * - settings: the town aliases the roster import matches (the entered year notices, `calendarYears`,
 *   start empty through the zod default).
 */
export const schemaV3 = {} as const;

async function upgradeToV3(tx: Transaction): Promise<void> {
  const settingsRow = (await tx.table('settings').get('app')) as SettingsRow | undefined;
  const overrides = settingsRow?.value?.calendarOverrides ?? {};
  if (settingsRow?.value) await tx.table('settings').put({ ...settingsRow, value: backfillTownAliases(settingsRow.value) });
  await tx
    .table('problems')
    .toCollection()
    .modify((problem: Problem, ref: { value: Problem }) => {
      const marked = markProvisionalDeadline(problem, overrides);
      if (marked !== problem) ref.value = marked;
    });
  await tx
    .table('enterprises')
    .toCollection()
    .modify((enterprise: Enterprise, ref: { value: Enterprise }) => {
      ref.value = withFreshSearchTokens(enterprise);
    });
  const entries = (await tx.table('progressEntries').toArray()) as ProgressEntry[];
  const entriesOf = new Map<string, ProgressEntry[]>();
  for (const entry of entries) entriesOf.set(entry.projectId, [...(entriesOf.get(entry.projectId) ?? []), entry]);
  await tx
    .table('projects')
    .toCollection()
    .modify((project: KeyProject, ref: { value: KeyProject }) => {
      ref.value = backfillProjectHistory(project, entriesOf.get(project.id) ?? []);
    });
}

/**
 * Version 4 (issue 11, records ready to merge): every synced table gains the `changeSeq` index (this
 * laptop's monotonic write counter, so "changed since my last package" is a key range); two local
 * bookkeeping tables that never travel in a package: `syncState` (the counter and what was last sent
 * to each destination) and `conflicts` (losing versions a merge kept for 冲突处理). The upgrade gives
 * every record its first version (revision 1, one edit by the device that wrote it) and a change
 * sequence number, ids to history entries (they merge as a union), and drops a visit's duplicated
 * `attachmentIds` (an attachment belongs to its visit through `ownerId` alone).
 */
export const schemaV4 = {
  enterprises: 'id, creditCode, name, town, assignedOfficer, lastVisitDate, updatedAt, *searchTokens, changeSeq',
  visits: 'id, enterpriseId, date, [enterpriseId+date], updatedAt, changeSeq',
  problems:
    'id, enterpriseId, visitId, projectId, status, raisedDate, replyDeadline, department, category, officer, [enterpriseId+raisedDate], updatedAt, changeSeq',
  projects: 'id, enterpriseId, stage, inLibrary, updatedAt, changeSeq',
  progressEntries: 'id, projectId, month, [projectId+month], updatedAt, changeSeq',
  policies: 'id, code, updatedAt, changeSeq',
  attachments: 'id, ownerId, updatedAt, changeSeq',
  planActions: 'id, enterpriseId, dueDate, updatedAt, changeSeq',
  syncState: 'key',
  conflicts: 'id, recordId, detectedAt',
} as const;

/**
 * The synced tables as version 4 knew them. The upgrade to version 4 walks these, not today's list: a
 * table added later (operationReports, version 7) does not exist yet while it runs.
 */
const syncedTablesOfV4 = ['enterprises', 'visits', 'problems', 'projects', 'progressEntries', 'policies', 'attachments', 'planActions'] as const;

async function upgradeToV4(tx: Transaction): Promise<void> {
  let changeSeq = 0;
  for (const table of syncedTablesOfV4) {
    await tx
      .table(table)
      .toCollection()
      .modify((record: Record<string, unknown>, ref: { value: Record<string, unknown> }) => {
        ref.value = firstVersionOf(table, record, ++changeSeq);
      });
  }
  await tx.table('syncState').put({ key: changeSeqKey, value: changeSeq });
}

/**
 * Version 5 (issue 13, instant at bureau scale): every index serves a named screen or the merge.
 * - Gone, because no screen reads by them: updatedAt everywhere (回收站 reads a sparse `deletedAt`
 *   index instead, which holds only the deleted records), enterprises.lastVisitDate, visits.enterpriseId
 *   (an enterprise's visits are read through [enterpriseId+date]), problems.replyDeadline and
 *   [enterpriseId+raisedDate], projects.stage and inLibrary (the project list filters the few
 *   projects it has read).
 * - New on problems: the sparse fields only a live problem still unanswered (`openDeadline`) or still
 *   to be transferred (`transferPendingSince`) carries (shared/problems/problemTally.ts), indexed per
 *   first responder, so the home page and the counts bar read today's overdue and due-soon problems
 *   by key range.
 * - New table `tallies` (local, never in a package): each first responder's settled problem counts,
 *   kept by the write path in the same transaction as every problem write.
 * The upgrade gives every problem its index fields and builds the tallies from what is stored.
 */
export const schemaV5 = {
  enterprises: 'id, creditCode, name, town, assignedOfficer, *searchTokens, changeSeq, deletedAt',
  visits: 'id, date, [enterpriseId+date], changeSeq, deletedAt',
  problems:
    'id, enterpriseId, visitId, projectId, status, raisedDate, department, category, officer, changeSeq, deletedAt, openDeadline, [officer+openDeadline], [officer+transferPendingSince]',
  projects: 'id, enterpriseId, changeSeq, deletedAt',
  progressEntries: 'id, projectId, month, [projectId+month], changeSeq',
  policies: 'id, code, changeSeq',
  attachments: 'id, ownerId, changeSeq',
  planActions: 'id, enterpriseId, dueDate, changeSeq',
  tallies: 'key',
} as const;

async function upgradeToV5(tx: Transaction): Promise<void> {
  const settingsRow = (await tx.table('settings').get('app')) as SettingsRow | undefined;
  const overrides = settingsRow?.value?.calendarOverrides ?? {};
  const tally = new ProblemTallyDelta(overrides);
  await tx
    .table('problems')
    .toCollection()
    .modify((problem: Problem, ref: { value: Problem }) => {
      ref.value = withProblemIndexFields(problem, overrides);
      tally.replace(undefined, problem);
    });
  await tx.table('tallies').bulkPut(tally.officers.map((officer) => ({ key: problemTallyKey(officer), counts: tally.deltaOf(officer) })));
}

/**
 * Version 6 (issue 13, 工作台 at bureau scale): the workbench's district figures by key range, not by
 * reading every record.
 * - enterprises [town+lastVisitDate]: per town, how many enterprises were last visited this month
 *   (counted by key; lastVisitDate is the derived cache the write path keeps).
 * - problems [department+openDeadline]: per 承办部门, how many unanswered problems are overdue
 *   (sparse like openDeadline: only live unanswered problems carry it).
 * - The problem tallies now also count live problems per 问题类别 and per 承办部门: the upgrade
 *   rebuilds them from the stored problems.
 */
export const schemaV6 = {
  ...schemaV5,
  enterprises: 'id, creditCode, name, town, assignedOfficer, *searchTokens, changeSeq, deletedAt, [town+lastVisitDate]',
  problems:
    'id, enterpriseId, visitId, projectId, status, raisedDate, department, category, officer, changeSeq, deletedAt, openDeadline, [officer+openDeadline], [officer+transferPendingSince], [department+openDeadline]',
} as const;

async function upgradeToV6(tx: Transaction): Promise<void> {
  const settingsRow = (await tx.table('settings').get('app')) as SettingsRow | undefined;
  const tally = new ProblemTallyDelta(settingsRow?.value?.calendarOverrides ?? {});
  await tx.table('problems').each((problem: Problem) => tally.replace(undefined, problem));
  await tx.table('tallies').where('key').startsWith(problemTallyPrefix).delete();
  await tx.table('tallies').bulkPut(tally.officers.map((officer) => ({ key: problemTallyKey(officer), counts: tally.deltaOf(officer) })));
}

/**
 * Version 7 (issue 15, 经营数据): a new synced table, one enterprise's operations for one month as
 * figures. Indexes for what reads it: an enterprise's months on its page ([enterpriseId+month]), a
 * month across enterprises (month, for 经营监测), the merge's change range (changeSeq) and 回收站's
 * sparse deletedAt. Only a new table, so no upgrade function moves data.
 */
export const schemaV7 = {
  operationReports: 'id, [enterpriseId+month], month, changeSeq, deletedAt',
} as const;

/**
 * Version 8 (issue 13, 工作台 at 2,000,000 visits): no new index; the tallies gain plain counts the
 * write path keeps (shared/tallies/recordCountTally.ts): live visits per day and live enterprises per
 * town, because Chromium counts an index range entry by entry. The upgrade counts them (and the
 * problems' again) from what is stored, by index key where it can.
 */
export const schemaV8 = {} as const;

async function upgradeToV8(tx: Transaction): Promise<void> {
  const settingsRow = (await tx.table('settings').get('app')) as SettingsRow | undefined;
  const rows = await countedTallies(tx.table('problems'), tx.table('visits'), tx.table('enterprises'), settingsRow?.value?.calendarOverrides ?? {});
  await tx.table('tallies').clear();
  await tx.table('tallies').bulkPut(rows);
}

/**
 * Version 9 (issue 15, 培育库): two new synced tables — the enterprises cultivated toward a target in a
 * year (read by year for the 培育库 screen and the workbench, by enterprise for its page) and each
 * town's yearly goal per target (read by year). Only new tables, so no upgrade function moves data.
 */
export const schemaV9 = {
  cultivationCandidates: 'id, year, enterpriseId, changeSeq, deletedAt',
  cultivationGoals: 'id, year, changeSeq, deletedAt',
} as const;

/**
 * Version 10 (issue 16, 督办会 / 点评会): a new synced table of meetings, read by date for the meeting
 * list and the next meeting's agenda; and on problems the sparse `decisionDeadline` (only a live
 * problem whose meeting decision is not yet carried out carries it: shared/problems/problemTally.ts),
 * read by key for the home page's 亮灯督办 lights. No problem stored before v10 has a decision, so no
 * upgrade function moves data.
 */
export const schemaV10 = {
  meetings: 'id, date, changeSeq, deletedAt',
  problems:
    'id, enterpriseId, visitId, projectId, status, raisedDate, department, category, officer, changeSeq, deletedAt, openDeadline, [officer+openDeadline], [officer+transferPendingSince], [department+openDeadline], decisionDeadline',
} as const;

/**
 * Version 11 (issue 17, group activities): a new synced table of activities, read by date and by each
 * attending enterprise (multiEntry) for its timeline and the coverage counts. Only a new table.
 */
export const schemaV11 = {
  activities: 'id, date, *attendeeEnterpriseIds, changeSeq, deletedAt',
} as const;

/**
 * Version 12 (issue 17, ratings): four new synced tables — rating rounds, each enterprise's forms
 * (read by round, and by enterprise for 清除示例数据), the yearly 社会责任先进企业 candidates (read by
 * year and by enterprise) and each year's weights (one record a year, read by id). Only new tables.
 */
export const schemaV12 = {
  ratingRounds: 'id, changeSeq, deletedAt',
  ratings: 'id, roundId, enterpriseId, changeSeq, deletedAt',
  csrCandidates: 'id, year, enterpriseId, changeSeq, deletedAt',
  csrYears: 'id, changeSeq, deletedAt',
} as const;

/**
 * Version 13 (回收站 for every deletable record): the 一企一策 measures get the sparse `deletedAt`
 * index the other deletable tables have, so 回收站 finds a deleted measure by key range rather than
 * by reading every measure. Dexie builds the index from the stored rows; nothing else changes.
 */
export const schemaV13 = {
  planActions: 'id, enterpriseId, dueDate, changeSeq, deletedAt',
} as const;

/** Every version step in order; the class applies them all and the schema test snapshots them. */
export const schemaVersions = [
  { version: 1, stores: schemaV1 },
  { version: 2, stores: schemaV2 },
  { version: 3, stores: schemaV3 },
  { version: 4, stores: schemaV4 },
  { version: 5, stores: schemaV5 },
  { version: 6, stores: schemaV6 },
  { version: 7, stores: schemaV7 },
  { version: 8, stores: schemaV8 },
  { version: 9, stores: schemaV9 },
  { version: 10, stores: schemaV10 },
  { version: 11, stores: schemaV11 },
  { version: 12, stores: schemaV12 },
  { version: 13, stores: schemaV13 },
] as const;

/** The newest version this build knows; a database above it was written by a newer build. */
export const latestSchemaVersion = schemaVersions.length;

export class LedgerDatabase extends Dexie {
  enterprises!: Table<Enterprise, string>;
  visits!: Table<Visit, string>;
  problems!: Table<Problem, string>;
  projects!: Table<KeyProject, string>;
  progressEntries!: Table<ProgressEntry, string>;
  policies!: Table<Policy, string>;
  attachments!: Table<Attachment, string>;
  drafts!: Table<Draft, string>;
  settings!: Table<SettingsRow, string>;
  planActions!: Table<PlanAction, string>;
  syncState!: Table<SyncStateRow, string>;
  conflicts!: Table<Conflict, string>;
  tallies!: Table<TallyRow, string>;
  operationReports!: Table<OperationReport, string>;
  cultivationCandidates!: Table<CultivationCandidate, string>;
  cultivationGoals!: Table<CultivationGoal, string>;
  meetings!: Table<Meeting, string>;
  activities!: Table<Activity, string>;
  ratingRounds!: Table<RatingRound, string>;
  ratings!: Table<Rating, string>;
  csrCandidates!: Table<CsrCandidate, string>;
  csrYears!: Table<CsrYear, string>;

  constructor(name = 'visit-ledger') {
    // No live-query cache: Dexie's default deep-clones every result it caches, which the issue 13 trace
    // showed costing as much as the app's own reading (1 s of innerDeepClone on the first screen at
    // bureau scale). Every live query still re-runs when a write touches what it read.
    super(name, { cache: 'disabled' });
    this.version(1).stores(schemaV1);
    this.version(2).stores(schemaV2);
    this.version(3).stores(schemaV3).upgrade(upgradeToV3);
    this.version(4).stores(schemaV4).upgrade(upgradeToV4);
    this.version(5).stores(schemaV5).upgrade(upgradeToV5);
    this.version(6).stores(schemaV6).upgrade(upgradeToV6);
    this.version(7).stores(schemaV7);
    this.version(8).stores(schemaV8).upgrade(upgradeToV8);
    this.version(9).stores(schemaV9);
    this.version(10).stores(schemaV10);
    this.version(11).stores(schemaV11);
    this.version(12).stores(schemaV12);
    this.version(13).stores(schemaV13);
    // Dexie opens a database a newer build has upgraded by retrying without a version; this build
    // would then read and write records whose shape it does not know. Refuse instead (main.tsx shows
    // the message on its one error page), before any screen reads.
    // (Dexie keeps `verno` at the declared version then: the native one, ×10 by Dexie's convention, tells.)
    this.on('ready', (opened) => {
      const installed = (opened as Dexie).backendDB().version / 10;
      if (installed > latestSchemaVersion) throw new NewerDatabaseError(installed);
    });
  }
}
