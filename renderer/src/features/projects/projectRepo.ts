// Key-project data access for the list, the project page and tests. Every write is one Dexie
// transaction that checks the input with shared/projects first, stamps the record, and stores
// nothing when a rule is broken. The library is hundreds of projects, so lists read whole tables.
import Dexie from 'dexie';
import {
  keyProjectSchema,
  progressEntrySchema,
  type Enterprise,
  type KeyProject,
  type ProgressEntry,
  type RecordMeta,
} from '../../../../shared/domain/records';
import { parseProgressInput, projectsLackingMonth, shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { historyAfterChange, projectHistoryOf } from '../../../../shared/projects/projectHistory';
import { exitLibrary, parseProjectInput, reenterLibrary, type ProjectInput } from '../../../../shared/projects/projectInput';
import { isLaterStage } from '../../../../shared/projects/projectStageOrder';
import { db } from '../../db/db';
import { isLive, newRecordMeta, tombstoned, touched } from '../../db/recordStamp';
import { RuleError, parseOrRefuse } from '../../../../shared/errors/ruleError';
import type { Actor } from '../../../../shared/domain/actor';
import { currentActor } from '../../db/settingsStore';

/** What a write needs of the acting officer. */
type Stamper = Pick<Actor, 'officerName' | 'deviceId'>;


/** The record fields of a stored record, so that its own fields can be replaced as a whole. */
function metaOf({ id, createdAt, updatedAt, updatedBy, deviceId }: RecordMeta): RecordMeta {
  return { id, createdAt, updatedAt, updatedBy, deviceId };
}

async function liveProject(id: string): Promise<KeyProject> {
  const project = await db.projects.get(id);
  if (!project || !isLive(project)) throw new RuleError([{ field: '', message: '该项目不存在或已删除' }]);
  return project;
}

/** The project's history so far: stored, or rebuilt from its entries for a project saved before histories. */
async function historySoFar(project: KeyProject) {
  if (project.history) return project.history;
  return projectHistoryOf(project, await db.progressEntries.where('projectId').equals(project.id).toArray());
}

/** Replaces a project's own fields; an entry, exit or stage change is added to its history (`source`: the action). */
async function putChanged(existing: KeyProject, fields: ProjectInput, who: Stamper, now: Date, source: string): Promise<KeyProject> {
  const history = historyAfterChange(await historySoFar(existing), existing, fields, { now, by: who.officerName || '未署名', source });
  const record = parseOrRefuse(keyProjectSchema, touched({ ...metaOf(existing), ...fields, history }, who, now));
  await db.projects.put(record);
  return record;
}

/** Creates (no `id`) or updates one project; a linked enterprise must exist and be live. */
export async function saveProject(input: unknown, given?: Stamper, id?: string, now = new Date()): Promise<KeyProject> {
  // The acting officer comes from 设置 here, not from every screen that saves.
  const who = given ?? (await currentActor());
  const fields = parseProjectInput(input);
  return db.transaction('rw', [db.projects, db.enterprises, db.progressEntries], async () => {
    if (fields.enterpriseId) {
      const enterprise = await db.enterprises.get(fields.enterpriseId);
      if (!enterprise || !isLive(enterprise)) {
        throw new RuleError([{ field: 'enterpriseId', message: '所选企业不存在或已删除' }]);
      }
    }
    if (id) return putChanged(await liveProject(id), fields, who, now, '编辑项目');
    const history = historyAfterChange([], undefined, fields, { now, by: who.officerName || '未署名', source: '新建项目' });
    const record = parseOrRefuse(keyProjectSchema, { ...newRecordMeta(who, now), ...fields, history });
    await db.projects.add(record);
    return record;
  });
}

/** Deletes by tombstone; its progress entries and problems stay, as an enterprise's visits do. */
export async function deleteProject(id: string, given?: Stamper, now = new Date()): Promise<void> {
  // The acting officer comes from 设置 here, not from every screen that saves.
  const who = given ?? (await currentActor());
  await db.transaction('rw', db.projects, async () => {
    const existing = await db.projects.get(id);
    if (!existing || !isLive(existing)) return;
    await db.projects.put(tombstoned(existing, who, now));
  });
}

/** 移出项目库 on `date` for `reason`. */
export async function exitProjectLibrary(
  id: string,
  exit: { date?: string; reason?: string },
  given?: Stamper,
  now = new Date(),
): Promise<KeyProject> {
  // The acting officer comes from 设置 here, not from every screen that saves.
  const who = given ?? (await currentActor());
  return db.transaction('rw', db.projects, db.progressEntries, async () => {
    const project = await liveProject(id);
    return putChanged(project, exitLibrary(project, exit), who, now, '移出项目库');
  });
}

/** 重新入库 on `date`; the earlier exit's date and reason leave the project's fields but stay in its history. */
export async function reenterProjectLibrary(id: string, entry: { date?: string }, given?: Stamper, now = new Date()): Promise<KeyProject> {
  // The acting officer comes from 设置 here, not from every screen that saves.
  const who = given ?? (await currentActor());
  return db.transaction('rw', db.projects, db.progressEntries, async () => {
    const project = await liveProject(id);
    return putChanged(project, reenterLibrary(project, entry), who, now, '重新入库');
  });
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
export async function saveProgressEntry(projectId: string, input: unknown, given?: Stamper, now = new Date()): Promise<SavedProgress> {
  // The acting officer comes from 设置 here, not from every screen that saves.
  const who = given ?? (await currentActor());
  const fields = parseProgressInput(input, shanghaiMonth(now));
  return db.transaction('rw', db.projects, db.progressEntries, async () => {
    let project = await liveProject(projectId);
    // Read before this entry is written: a history rebuilt from the entries must not already hold its change.
    const historyBefore = await historySoFar(project);
    const existing = await progressEntryOfMonth(projectId, fields.month);
    const entry = parseOrRefuse(progressEntrySchema, 
      existing
        ? touched({ ...metaOf(existing), projectId, ...fields }, who, now)
        : { ...newRecordMeta(who, now), projectId, ...fields },
    );
    await db.progressEntries.put(entry);
    if (isLaterStage(entry.stage, project.stage)) {
      const history = historyAfterChange(
        historyBefore,
        project,
        { ...project, stage: entry.stage },
        { now, by: who.officerName || '未署名', source: `${entry.month} 月度进展` },
      );
      project = parseOrRefuse(keyProjectSchema, touched({ ...project, stage: entry.stage, history }, who, now));
      await db.projects.put(project);
    }
    return { entry, project, replaced: existing !== undefined };
  });
}

/** The live entry of one project and month, by the [projectId+month] index. */
export async function progressEntryOfMonth(projectId: string, month: string): Promise<ProgressEntry | undefined> {
  return db.progressEntries.where('[projectId+month]').equals([projectId, month]).filter(isLive).first();
}

/** A project's live entries, newest month first. */
export async function progressEntriesNewestFirst(projectId: string): Promise<ProgressEntry[]> {
  return db.progressEntries
    .where('[projectId+month]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .reverse()
    .filter(isLive)
    .toArray();
}

/** An enterprise's live projects (the 登记问题 form offers them; its page lists them). */
export async function projectsOfEnterprise(enterpriseId: string): Promise<KeyProject[]> {
  return db.projects.where('enterpriseId').equals(enterpriseId).filter(isLive).toArray();
}

/** A project's live problems, newest raised first, by the problems' projectId index. */
export async function projectProblems(projectId: string) {
  const problems = await db.problems.where('projectId').equals(projectId).filter(isLive).toArray();
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
    db.projects.filter(isLive).toArray(),
    db.progressEntries.where('month').equals(month).filter(isLive).toArray(),
  ]);
  const enterpriseIds = [...new Set(projects.flatMap((p) => (p.enterpriseId ? [p.enterpriseId] : [])))];
  const enterprises = await db.enterprises.bulkGet(enterpriseIds);
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
  return db.projects.get(id);
}
