// 回收站: the records deleted in the last days (tombstones: nothing is ever hard-deleted) and 恢复.
// Deleted records are found through the `updatedAt` index — a tombstone stamps updatedAt with the
// deletion time — so the screen stays fast on a bureau-scale database without a deletedAt index.
import type { Table } from 'dexie';
import type { Enterprise, KeyProject, Problem, RecordMeta, Visit } from '../../../../shared/domain/records';
import type { Activity } from '../../../../shared/domain/activityRecords';
import { ledgerDb } from '../../db/db';
import { isLive, type Stamper } from '../../../../shared/sync/recordStamp';
import { writeTransaction } from '../../db/ledgerWrites';
import { findLiveByCreditCode } from '../enterprises/enterpriseRepo';
import { restoreVisit } from '../visits/visitRepo';

export type DeletedKind = 'enterprise' | 'visit' | 'problem' | 'project' | 'activity';

export const deletedKindNames: Record<DeletedKind, string> = {
  enterprise: '企业',
  visit: '走访',
  problem: '问题',
  project: '重点项目',
  activity: '集体活动',
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
  // The deletedAt index holds only the deleted records (a live one has no deletedAt).
  return table.where('deletedAt').aboveOrEqual(since).toArray();
}

/** Records deleted in the last `days` days, newest deletion first. */
export async function listDeleted(now = new Date(), days = recycleBinDays): Promise<DeletedEntry[]> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  return ledgerDb().transaction('r', [ledgerDb().enterprises, ledgerDb().visits, ledgerDb().problems, ledgerDb().projects, ledgerDb().activities], async () => {
    const [enterprises, visits, problems, projects, activities] = await Promise.all([
      deletedSince<Enterprise>(ledgerDb().enterprises, since),
      deletedSince<Visit>(ledgerDb().visits, since),
      deletedSince<Problem>(ledgerDb().problems, since),
      deletedSince<KeyProject>(ledgerDb().projects, since),
      deletedSince<Activity>(ledgerDb().activities, since),
    ]);
    const ownerIds = [...new Set([...visits, ...problems, ...projects].map((r) => r.enterpriseId).filter((id): id is string => !!id))];
    const owners = new Map((await ledgerDb().enterprises.bulkGet(ownerIds)).filter((e): e is Enterprise => !!e).map((e) => [e.id, e.name]));
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
      // An activity belongs to many enterprises: the column says how many.
      ...activities.map((a) => ({
        kind: 'activity' as const,
        ...meta(a),
        title: `${a.date} ${a.type}「${a.topic}」`,
        enterpriseName: `${a.attendeeEnterpriseIds.length} 家企业`,
        deletedWithVisit: false,
      })),
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
  const enterprise = await ledgerDb().enterprises.get(enterpriseId);
  if (!enterprise || !isLive(enterprise)) {
    throw new RestoreRefused(`该${noun}所属企业${enterprise ? `“${enterprise.name}”` : ''}已被删除，请先恢复企业`);
  }
}

/**
 * 恢复: clears the tombstone and stamps updatedAt/updatedBy/deviceId (so a merge carries it). A visit
 * brings back the problems deleted with it. Returns what was restored, for the message.
 */
export async function restoreDeleted(kind: DeletedKind, id: string, actor?: Stamper, now = new Date()): Promise<string> {
  if (kind === 'visit') {
    return writeTransaction(['visits', 'problems', 'enterprises'], async () => {
      const visit = await ledgerDb().visits.get(id);
      if (!visit) throw new RestoreRefused('该走访记录不存在');
      await liveEnterpriseOrRefuse(visit.enterpriseId, '走访');
      const { restoredProblems } = await restoreVisit(id, actor, now);
      return restoredProblems > 0 ? `走访已恢复，随之删除的 ${restoredProblems} 个问题也已恢复` : '走访已恢复';
    }, { actor, now });
  }
  if (kind === 'activity') {
    return writeTransaction(['activities'], async (w) => {
      const activity = await ledgerDb().activities.get(id);
      if (!activity) throw new RestoreRefused('该活动不存在');
      if (!isLive(activity)) await w.restore('activities', [activity]);
      return '集体活动已恢复';
    }, { actor, now });
  }
  return writeTransaction(['enterprises', 'problems', 'projects'], async (w) => {
    if (kind === 'enterprise') {
      const enterprise = await ledgerDb().enterprises.get(id);
      if (!enterprise) throw new RestoreRefused('该企业不存在');
      if (isLive(enterprise)) return '企业已恢复';
      // A new record may have taken its credit code since: two live enterprises must not share one.
      const holder = await findLiveByCreditCode(enterprise.creditCode, enterprise.id);
      if (holder) throw new RestoreRefused(`统一社会信用代码 ${enterprise.creditCode} 已由企业“${holder.name}”使用，无法恢复`);
      await w.restore('enterprises', [enterprise]);
      return '企业已恢复';
    }
    if (kind === 'problem') {
      const problem = await ledgerDb().problems.get(id);
      if (!problem) throw new RestoreRefused('该问题不存在');
      if (isLive(problem)) return '问题已恢复';
      await liveEnterpriseOrRefuse(problem.enterpriseId, '问题');
      await w.restore('problems', [problem]);
      return '问题已恢复';
    }
    const project = await ledgerDb().projects.get(id);
    if (!project) throw new RestoreRefused('该项目不存在');
    if (isLive(project)) return '重点项目已恢复';
    await w.restore('projects', [project]);
    return '重点项目已恢复';
  }, { actor, now });
}
