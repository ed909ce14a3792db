// Every Dexie schema version of the app, in one place. A schema change is a NEW version step
// (with an upgrade function where data must move); old steps are never edited, because laptops in
// the field hold databases at every older version. test/renderer/db/schema.test.ts snapshots them.
import Dexie, { type Table } from 'dexie';
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

/** Version 1: every table of DESIGN.md, with the indexes the views page and search by. */
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

/** Every version step in order; the class applies them all and the schema test snapshots them. */
export const schemaVersions = [
  { version: 1, stores: schemaV1 },
  { version: 2, stores: schemaV2 },
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
  }
}
