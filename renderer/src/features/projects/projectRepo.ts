// Key-project data access for the list, the project page and tests. Every write is one Dexie
// transaction that checks the input with shared/projects first, stamps the record, and stores
// nothing when a rule is broken. The library is hundreds of projects, so lists read whole tables.
import Dexie from 'dexie';
import {
  type Enterprise,
  type KeyProject,
  type ProgressEntry,
  type RecordMeta,
} from '../../../../shared/domain/records';
import { parseProgressInput, projectsLackingMonth, shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { historyAfterChange, projectHistoryOf } from '../../../../shared/projects/projectHistory';
import { exitLibrary, parseProjectInput, reenterLibrary, type ProjectInput } from '../../../../shared/projects/projectInput';
import { isLaterStage } from '../../../../shared/projects/projectStageOrder';
import { ledgerDb } from '../../db/db';
import { isLive, type Stamper } from '../../../../shared/sync/recordStamp';
import { actorName } from '../../../../shared/domain/actor';
import { RuleError } from '../../../../shared/errors/ruleError';
import { tombstoneById, writeTransaction, type LedgerWriter } from '../../db/ledgerWrites';

/** The record fields of a stored record, so that its own fields can be replaced as a whole. */
function metaOf({ id, createdAt, updatedAt, updatedBy, deviceId, rev, versionVector }: RecordMeta): RecordMeta {
  return { id, createdAt, updatedAt, updatedBy, deviceId, rev, versionVector };
}

async function liveProject(id: string): Promise<KeyProject> {
  const project = await ledgerDb().projects.get(id);
  if (!project || !isLive(project)) throw new RuleError([{ field: '', message: '该项目不存在或已删除' }]);
  return project;
}

/** The project's history so far: stored, or rebuilt from its entries for a project saved before histories. */
async function historySoFar(project: KeyProject) {
  if (project.history) return project.history;
  return projectHistoryOf(project, await ledgerDb().progressEntries.where('projectId').equals(project.id).toArray());
}

/** Replaces a project's own fields; an entry, exit or stage change is added to its history (`source`: the action). */
async function putChanged(w: LedgerWriter, existing: KeyProject, fields: ProjectInput, source: string): Promise<KeyProject> {
  const history = historyAfterChange(await historySoFar(existing), existing, fields, { now: w.now, by: actorName(w.actor), source });
  return w.save<KeyProject>('projects', { ...metaOf(existing), ...fields, history });
}

/** Creates (no `id`) or updates one project; a linked enterprise must exist and be live. */
export async function saveProject(input: unknown, actor?: Stamper, id?: string, now = new Date()): Promise<KeyProject> {
  const fields = parseProjectInput(input);
  return writeTransaction(['projects', 'enterprises', 'progressEntries'], async (w) => {
    if (fields.enterpriseId) {
      const enterprise = await ledgerDb().enterprises.get(fields.enterpriseId);
      if (!enterprise || !isLive(enterprise)) {
        throw new RuleError([{ field: 'enterpriseId', message: '所选企业不存在或已删除' }]);
      }
    }
    if (id) return putChanged(w, await liveProject(id), fields, '编辑项目');
    const history = historyAfterChange([], undefined, fields, { now: w.now, by: actorName(w.actor), source: '新建项目' });
    return w.create<KeyProject>('projects', { ...fields, history });
  }, { actor, now });
}

/** Deletes by tombstone; its progress entries and problems stay, as an enterprise's visits do. */
export async function deleteProject(id: string, actor?: Stamper, now = new Date()): Promise<void> {
  await tombstoneById('projects', id, { actor, now });
}

/** 移出项目库 on `date` for a reason of the list (`reasonKind`) and in words (`reason`). */
export async function exitProjectLibrary(
  id: string,
  exit: { date?: string; reasonKind?: string; reason?: string },
  actor?: Stamper,
  now = new Date(),
): Promise<KeyProject> {
  return writeTransaction(['projects', 'progressEntries'], async (w) => {
    const project = await liveProject(id);
    return putChanged(w, project, exitLibrary(project, exit), '移出项目库');
  }, { actor, now });
}

/** 重新入库 on `date`; the earlier exit's date and reason leave the project's fields but stay in its history. */
export async function reenterProjectLibrary(id: string, entry: { date?: string; source?: string }, actor?: Stamper, now = new Date()): Promise<KeyProject> {
  return writeTransaction(['projects', 'progressEntries'], async (w) => {
    const project = await liveProject(id);
    return putChanged(w, project, reenterLibrary(project, entry), '重新入库');
  }, { actor, now });
}

export interface SavedProgress {
  entry: ProgressEntry;
  /** The project, moved on when the entry reports a later stage. */
  project: KeyProject;
  /** True when the month already had an entry, which was edited rather than doubled. */
  replaced: boolean;
}

/**
 * Saves a project's entry for a month: the month's live entry is edited when there is one (one entry
 * per project and month), a new one is added otherwise. An entry at a later stage than the project's
 * moves the project to it, in the same transaction.
 */
export async function saveProgressEntry(projectId: string, input: unknown, actor?: Stamper, now = new Date()): Promise<SavedProgress> {
  // Checked alone first (nothing opened for bad input), then against the project inside the transaction.
  parseProgressInput(input, shanghaiMonth(now));
  return writeTransaction(['projects', 'progressEntries'], async (w) => {
    let project = await liveProject(projectId);
    const fields = parseProgressInput(input, shanghaiMonth(now), project);
    // Read before this entry is written: a history rebuilt from the entries must not already hold its change.
    const historyBefore = await historySoFar(project);
    const existing = await progressEntryOfMonth(projectId, fields.month);
    const entry = existing
      ? await w.save<ProgressEntry>('progressEntries', { ...metaOf(existing), projectId, ...fields })
      : await w.create<ProgressEntry>('progressEntries', { projectId, ...fields });
    if (isLaterStage(entry.stage, project.stage)) {
      const history = historyAfterChange(
        historyBefore,
        project,
        { ...project, stage: entry.stage },
        { now: w.now, by: actorName(w.actor), source: `${entry.month} 月度进展` },
      );
      project = await w.save<KeyProject>('projects', { ...project, stage: entry.stage, history });
    }
    return { entry, project, replaced: existing !== undefined };
  }, { actor, now });
}

/** The live entry of one project and month, by the [projectId+month] index. */
export async function progressEntryOfMonth(projectId: string, month: string): Promise<ProgressEntry | undefined> {
  return ledgerDb().progressEntries.where('[projectId+month]').equals([projectId, month]).filter(isLive).first();
}

/** A project's live entries, newest month first. */
export async function progressEntriesNewestFirst(projectId: string): Promise<ProgressEntry[]> {
  return ledgerDb().progressEntries
    .where('[projectId+month]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .reverse()
    .filter(isLive)
    .toArray();
}

/** An enterprise's live projects (the 登记问题 form offers them; its page lists them). */
export async function projectsOfEnterprise(enterpriseId: string): Promise<KeyProject[]> {
  return ledgerDb().projects.where('enterpriseId').equals(enterpriseId).filter(isLive).toArray();
}

/** A project's live problems, newest raised first, by the problems' projectId index. */
export async function projectProblems(projectId: string) {
  const problems = await ledgerDb().problems.where('projectId').equals(projectId).filter(isLive).toArray();
  return problems.sort((a, b) => b.raisedDate.localeCompare(a.raisedDate));
}

export interface ProjectRow {
  project: KeyProject;
  /** The linked enterprise when it exists and is live. */
  enterprise?: Enterprise;
  /** In the library and no entry for `month` yet. */
  missingMonth: boolean;
}

/** Every live project with its enterprise and whether it still owes the entry for `month`. */
export async function loadProjectRows(month: string): Promise<ProjectRow[]> {
  const [projects, entries] = await Promise.all([
    ledgerDb().projects.filter(isLive).toArray(),
    ledgerDb().progressEntries.where('month').equals(month).filter(isLive).toArray(),
  ]);
  const enterpriseIds = [...new Set(projects.flatMap((p) => (p.enterpriseId ? [p.enterpriseId] : [])))];
  const enterprises = await ledgerDb().enterprises.bulkGet(enterpriseIds);
  const byId = new Map(enterprises.filter((e): e is Enterprise => e !== undefined && isLive(e)).map((e) => [e.id, e]));
  const lacking = projectsLackingMonth(projects, entries, month);
  return projects.map((project) => ({
    project,
    enterprise: project.enterpriseId ? byId.get(project.enterpriseId) : undefined,
    missingMonth: lacking.has(project.id),
  }));
}

/** One project by id, live or deleted (undefined when there is none). */
export function getProject(id: string): Promise<KeyProject | undefined> {
  return ledgerDb().projects.get(id);
}
