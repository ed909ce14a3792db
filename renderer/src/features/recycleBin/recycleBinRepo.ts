// 回收站: the records deleted in the last days (tombstones: nothing is ever hard-deleted) and 恢复.
// Every table a screen deletes from is here, the small records too (a measure, a candidate, a form
// are as easily deleted by a slip). Deleted records are found through each table's sparse
// `deletedAt` index, which holds only the deleted ones, so the screen stays fast at bureau scale.
import type { Table } from 'dexie';
import type { Enterprise, KeyProject, PlanAction, Problem, RecordMeta, Visit } from '../../../../shared/domain/records';
import type { Activity } from '../../../../shared/domain/activityRecords';
import { meetingName, type Meeting } from '../../../../shared/domain/meetingRecords';
import type { CultivationCandidate } from '../../../../shared/domain/cultivationRecords';
import type { CsrCandidate, Rating, RatingRound } from '../../../../shared/domain/ratingRecords';
import { ledgerDb } from '../../db/db';
import { isLive, type Stamper } from '../../../../shared/sync/recordStamp';
import type { SyncedTableName } from '../../../../shared/sync/syncedTables';
import { writeTransaction } from '../../db/ledgerWrites';
import { findLiveByCreditCode } from '../enterprises/enterpriseRepo';
import { restoreVisit } from '../visits/visitRepo';

export type DeletedKind = 'enterprise' | 'visit' | 'problem' | 'project' | 'activity' | 'planAction' | 'cultivationCandidate' | 'ratingRound' | 'rating' | 'csrCandidate' | 'meeting';

export const deletedKindNames: Record<DeletedKind, string> = {
  enterprise: '企业',
  visit: '走访',
  problem: '问题',
  project: '重点项目',
  activity: '集体活动',
  planAction: '一企一策',
  cultivationCandidate: '培育企业',
  ratingRound: '评议',
  rating: '评议表',
  csrCandidate: '社会责任候选',
  meeting: '会议',
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
  const db = ledgerDb();
  const tables = [db.enterprises, db.visits, db.problems, db.projects, db.activities, db.planActions, db.cultivationCandidates, db.ratingRounds, db.ratings, db.csrCandidates, db.meetings];
  return db.transaction('r', tables, async () => {
    const [enterprises, visits, problems, projects, activities, planActions, cultivationCandidates, ratingRounds, ratings, csrCandidates, meetings] = await Promise.all([
      deletedSince<Enterprise>(db.enterprises, since),
      deletedSince<Visit>(db.visits, since),
      deletedSince<Problem>(db.problems, since),
      deletedSince<KeyProject>(db.projects, since),
      deletedSince<Activity>(db.activities, since),
      deletedSince<PlanAction>(db.planActions, since),
      deletedSince<CultivationCandidate>(db.cultivationCandidates, since),
      deletedSince<RatingRound>(db.ratingRounds, since),
      deletedSince<Rating>(db.ratings, since),
      deletedSince<CsrCandidate>(db.csrCandidates, since),
      deletedSince<Meeting>(db.meetings, since),
    ]);
    const owned = [...visits, ...problems, ...projects, ...planActions, ...cultivationCandidates, ...ratings, ...csrCandidates];
    const ownerIds = [...new Set(owned.map((r) => r.enterpriseId).filter((id): id is string => !!id))];
    const owners = new Map((await db.enterprises.bulkGet(ownerIds)).filter((e): e is Enterprise => !!e).map((e) => [e.id, e.name]));
    // A deleted form names its round, deleted or not.
    const roundIds = [...new Set(ratings.map((r) => r.roundId))];
    const roundNames = new Map((await db.ratingRounds.bulkGet(roundIds)).filter((r): r is RatingRound => !!r).map((r) => [r.id, r.name]));
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
      ...planActions.map((a) => ({ kind: 'planAction' as const, ...meta(a), title: `一企一策：${a.action}`, enterpriseName: ownerName(a.enterpriseId), deletedWithVisit: false })),
      ...cultivationCandidates.map((c) => ({
        kind: 'cultivationCandidate' as const,
        ...meta(c),
        title: `${c.year} 年${c.target}培育`,
        enterpriseName: ownerName(c.enterpriseId),
        deletedWithVisit: false,
      })),
      ...ratingRounds.map((r) => ({ kind: 'ratingRound' as const, ...meta(r), title: `${r.name}（${r.startDate} 至 ${r.endDate}）`, enterpriseName: '', deletedWithVisit: false })),
      ...ratings.map((r) => ({
        kind: 'rating' as const,
        ...meta(r),
        title: `${roundNames.get(r.roundId) ?? '评议'}：${r.target}（${r.targetKind === 'department' ? '部门' : '区镇'}）评议表`,
        enterpriseName: ownerName(r.enterpriseId),
        deletedWithVisit: false,
      })),
      ...csrCandidates.map((c) => ({ kind: 'csrCandidate' as const, ...meta(c), title: `${c.year} 年社会责任先进企业候选`, enterpriseName: ownerName(c.enterpriseId), deletedWithVisit: false })),
      // A meeting is about many enterprises' problems: the column says how many items.
      ...meetings.map((m) => ({ kind: 'meeting' as const, ...meta(m), title: meetingName(m), enterpriseName: `${m.agenda.length} 项议题`, deletedWithVisit: false })),
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
 * How each kind comes back when nothing but its own tombstone is in the way: its table, what it is
 * called in a refusal, the message, and whether it belongs to an enterprise that must be live first.
 */
const plainRestores = {
  problem: { table: 'problems', noun: '问题', restored: '问题已恢复', ofEnterprise: true },
  project: { table: 'projects', noun: '项目', restored: '重点项目已恢复', ofEnterprise: false },
  activity: { table: 'activities', noun: '活动', restored: '集体活动已恢复', ofEnterprise: false },
  planAction: { table: 'planActions', noun: '措施', restored: '一企一策措施已恢复', ofEnterprise: true },
  cultivationCandidate: { table: 'cultivationCandidates', noun: '培育企业', restored: '培育企业已恢复', ofEnterprise: true },
  ratingRound: { table: 'ratingRounds', noun: '评议', restored: '评议已恢复', ofEnterprise: false },
  csrCandidate: { table: 'csrCandidates', noun: '候选企业', restored: '社会责任候选企业已恢复', ofEnterprise: true },
  meeting: { table: 'meetings', noun: '会议', restored: '会议已恢复', ofEnterprise: false },
} satisfies Partial<Record<DeletedKind, { table: SyncedTableName; noun: string; restored: string; ofEnterprise: boolean }>>;

/**
 * 恢复: clears the tombstone and stamps updatedAt/updatedBy/deviceId (so a merge carries it). A visit
 * brings back the problems deleted with it; an enterprise waits for its credit code to be free, a form
 * for its round, and an enterprise's record for the enterprise. Returns what was restored, for the message.
 */
export async function restoreDeleted(kind: DeletedKind, id: string, actor?: Stamper, now = new Date()): Promise<string> {
  const db = ledgerDb();
  if (kind === 'visit') {
    return writeTransaction(['visits', 'problems', 'enterprises'], async () => {
      const visit = await db.visits.get(id);
      if (!visit) throw new RestoreRefused('该走访记录不存在');
      await liveEnterpriseOrRefuse(visit.enterpriseId, '走访');
      const { restoredProblems } = await restoreVisit(id, actor, now);
      return restoredProblems > 0 ? `走访已恢复，随之删除的 ${restoredProblems} 个问题也已恢复` : '走访已恢复';
    }, { actor, now });
  }
  if (kind === 'enterprise') {
    return writeTransaction(['enterprises'], async (w) => {
      const enterprise = await db.enterprises.get(id);
      if (!enterprise) throw new RestoreRefused('该企业不存在');
      if (isLive(enterprise)) return '企业已恢复';
      // A new record may have taken its credit code since: two live enterprises must not share one.
      const holder = await findLiveByCreditCode(enterprise.creditCode, enterprise.id);
      if (holder) throw new RestoreRefused(`统一社会信用代码 ${enterprise.creditCode} 已由企业“${holder.name}”使用，无法恢复`);
      await w.restore('enterprises', [enterprise]);
      return '企业已恢复';
    }, { actor, now });
  }
  if (kind === 'rating') {
    return writeTransaction(['ratings', 'ratingRounds', 'enterprises'], async (w) => {
      const form = await db.ratings.get(id);
      if (!form) throw new RestoreRefused('该评议表不存在');
      if (isLive(form)) return '评议表已恢复';
      const round = await db.ratingRounds.get(form.roundId);
      if (!round || !isLive(round)) throw new RestoreRefused(`该评议表所属评议${round ? `“${round.name}”` : ''}已被删除，请先恢复评议`);
      await liveEnterpriseOrRefuse(form.enterpriseId, '评议表');
      await w.restore('ratings', [form]);
      return '评议表已恢复';
    }, { actor, now });
  }
  const { table, noun, restored, ofEnterprise } = plainRestores[kind];
  return writeTransaction([table, 'enterprises'], async (w) => {
    const record = (await db.table(table).get(id)) as (RecordMeta & { enterpriseId?: string }) | undefined;
    if (!record) throw new RestoreRefused(`该${noun}不存在`);
    if (isLive(record)) return restored;
    if (ofEnterprise && record.enterpriseId) await liveEnterpriseOrRefuse(record.enterpriseId, noun);
    await w.restore(table, [record]);
    return restored;
  }, { actor, now });
}
