// Every Dexie schema version of the app, in one place. A schema change is a NEW version step
// (with an upgrade function where data must move); old steps are never edited, because laptops in
// the field hold databases at every older version. test/renderer/db/schema.test.ts snapshots them.
import Dexie, { type Table, type Transaction } from 'dexie';
import { markProvisionalDeadline } from '../../../shared/problems/problemDeadline';
import type {
  Attachment,
  Draft,
  Enterprise,
  KeyProject,
  Policy,
  Problem,
  ProgressEntry,
  Settings,
  Visit,
} from '../../../shared/domain/records';
import type { PlanAction } from '../../../shared/roster/servicePlan';

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
 * Version 3: no new index; data moves. A deadline resting on a year the calendar does not know is
 * marked provisional (待确认) — 0.1 counted a year with one override day as known — so it is
 * recomputed when the year's notice is entered. Settings gain the entered notices (`calendarYears`,
 * filled by the zod default when read).
 */
export const schemaV3 = {} as const;

async function upgradeToV3(tx: Transaction): Promise<void> {
  const settingsRow = (await tx.table('settings').get('app')) as SettingsRow | undefined;
  const overrides = settingsRow?.value?.calendarOverrides ?? {};
  await tx
    .table('problems')
    .toCollection()
    .modify((problem: Problem, ref: { value: Problem }) => {
      const marked = markProvisionalDeadline(problem, overrides);
      if (marked !== problem) ref.value = marked;
    });
}

/** Every version step in order; the class applies them all and the schema test snapshots them. */
export const schemaVersions = [
  { version: 1, stores: schemaV1 },
  { version: 2, stores: schemaV2 },
  { version: 3, stores: schemaV3 },
] as const;

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

  constructor(name = 'visit-ledger') {
    super(name);
    this.version(1).stores(schemaV1);
    this.version(2).stores(schemaV2);
    this.version(3).stores(schemaV3).upgrade(upgradeToV3);
  }
}
