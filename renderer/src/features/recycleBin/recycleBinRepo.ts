// 回收站: the records deleted in the last days (tombstones: nothing is ever hard-deleted) and 恢复.
// Deleted records are found through the `updatedAt` index — a tombstone stamps updatedAt with the
// deletion time — so the screen stays fast on a bureau-scale database without a deletedAt index.
import type { Table } from 'dexie';
import type { Enterprise, KeyProject, Problem, RecordMeta, Visit } from '../../../../shared/domain/records';
import { db } from '../../db/db';
import { isLive, untombstoned } from '../../db/recordStamp';
import { findLiveByCreditCode } from '../enterprises/enterpriseRepo';
import { restoreVisit } from '../visits/visitRepo';
import type { Actor } from '../../../../shared/domain/actor';
import { currentActor } from '../../db/settingsStore';

/** What a write needs of the acting officer. */
type Stamper = Pick<Actor, 'officerName' | 'deviceId'>;

export type DeletedKind = 'enterprise' | 'visit' | 'problem' | 'project';

export const deletedKindNames: Record<DeletedKind, string> = {
  enterprise: '企业',
  visit: '走访',
  problem: '问题',
  project: '重点项目',
};

export interface DeletedEntry {
  kind: DeletedKind;
  id: string;
  /** What the officer recognises the record by. */
  title: string;
  /** The enterprise it belongs to (visits, problems, projects), when known. */
  enterpriseName: string;
  deletedAt: string;
  /** Who deleted it (the tombstone's updatedBy). */
  deletedBy: string;
  /** A problem that went with its visit: 恢复 of the visit brings it back too. */
  deletedWithVisit: boolean;
}

/** How long deleted records are listed in 回收站. */
export const recycleBinDays = 30;


function deletedSince<T extends RecordMeta>(table: Table<T, string>, since: string): Promise<T[]> {
  return table
    .where('updatedAt')
    .aboveOrEqual(since)
    .filter((r) => r.deletedAt !== undefined && r.deletedAt >= since)
    .toArray();
}

/** Records deleted in the last `days` days, newest deletion first. */
export async function listDeleted(now = new Date(), days = recycleBinDays): Promise<DeletedEntry[]> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.transaction('r', [db.enterprises, db.visits, db.problems, db.projects], async () => {
    const [enterprises, visits, problems, projects] = await Promise.all([
      deletedSince<Enterprise>(db.enterprises, since),
      deletedSince<Visit>(db.visits, since),
      deletedSince<Problem>(db.problems, since),
      deletedSince<KeyProject>(db.projects, since),
    ]);
    const ownerIds = [...new Set([...visits, ...problems, ...projects].map((r) => r.enterpriseId).filter((id): id is string => !!id))];
    const owners = new Map((await db.enterprises.bulkGet(ownerIds)).filter((e): e is Enterprise => !!e).map((e) => [e.id, e.name]));
    const ownerName = (id: string | undefined) => (id ? (owners.get(id) ?? '') : '');
    const visitDeletions = new Map(visits.map((v) => [v.id, v.deletedAt]));
    const meta = (r: RecordMeta) => ({ id: r.id, deletedAt: r.deletedAt ?? '', deletedBy: r.updatedBy });
    const entries: DeletedEntry[] = [
      ...enterprises.map((e) => ({ kind: 'enterprise' as const, ...meta(e), title: e.name, enterpriseName: e.name, deletedWithVisit: false })),
      ...visits.map((v) => ({
        kind: 'visit' as const,
        ...meta(v),
        title: `${v.date} ${v.type}${v.officers.length ? `（${v.officers.join('、')}）` : ''}`,
        enterpriseName: ownerName(v.enterpriseId),
        deletedWithVisit: false,
      })),
      ...problems.map((p) => ({
        kind: 'problem' as const,
        ...meta(p),
        title: `${p.category}：${p.description}`,
        enterpriseName: ownerName(p.enterpriseId),
        deletedWithVisit: p.visitId !== undefined && visitDeletions.get(p.visitId) === p.deletedAt,
      })),
      ...projects.map((p) => ({ kind: 'project' as const, ...meta(p), title: p.name, enterpriseName: ownerName(p.enterpriseId), deletedWithVisit: false })),
    ];
    return entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  });
}

/** Why a record cannot be brought back; the message is shown as it is. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

async function liveEnterpriseOrRefuse(enterpriseId: string, noun: string): Promise<void> {
  const enterprise = await db.enterprises.get(enterpriseId);
  if (!enterprise || !isLive(enterprise)) {
    throw new RestoreRefused(`该${noun}所属企业${enterprise ? `“${enterprise.name}”` : ''}已被删除，请先恢复企业`);
  }
}

/**
 * 恢复: clears the tombstone and stamps updatedAt/updatedBy/deviceId (so a merge carries it). A visit
 * brings back the problems deleted with it. Returns what was restored, for the message.
 */
export async function restoreDeleted(kind: DeletedKind, id: string, given?: Stamper, now = new Date()): Promise<string> {
  // The acting officer comes from 设置 here, not from every screen that saves.
  const who = given ?? (await currentActor());
  if (kind === 'visit') {
    return db.transaction('rw', [db.visits, db.problems, db.enterprises], async () => {
      const visit = await db.visits.get(id);
      if (!visit) throw new RestoreRefused('该走访记录不存在');
      await liveEnterpriseOrRefuse(visit.enterpriseId, '走访');
      const { restoredProblems } = await restoreVisit(id, who, now);
      return restoredProblems > 0 ? `走访已恢复，随之删除的 ${restoredProblems} 个问题也已恢复` : '走访已恢复';
    });
  }
  return db.transaction('rw', [db.enterprises, db.problems, db.projects], async () => {
    if (kind === 'enterprise') {
      const enterprise = await db.enterprises.get(id);
      if (!enterprise) throw new RestoreRefused('该企业不存在');
      if (isLive(enterprise)) return '企业已恢复';
      // A new record may have taken its credit code since: two live enterprises must not share one.
      const holder = await findLiveByCreditCode(enterprise.creditCode, enterprise.id);
      if (holder) throw new RestoreRefused(`统一社会信用代码 ${enterprise.creditCode} 已由企业“${holder.name}”使用，无法恢复`);
      await db.enterprises.put(untombstoned(enterprise, who, now));
      return '企业已恢复';
    }
    if (kind === 'problem') {
      const problem = await db.problems.get(id);
      if (!problem) throw new RestoreRefused('该问题不存在');
      if (isLive(problem)) return '问题已恢复';
      await liveEnterpriseOrRefuse(problem.enterpriseId, '问题');
      await db.problems.put(untombstoned(problem, who, now));
      return '问题已恢复';
    }
    const project = await db.projects.get(id);
    if (!project) throw new RestoreRefused('该项目不存在');
    if (isLive(project)) return '重点项目已恢复';
    await db.projects.put(untombstoned(project, who, now));
    return '重点项目已恢复';
  });
}
