// 活动 (issue 17): group activities — saved, listed, read for one enterprise's timeline and deleted.
// A save checks the typed fields with shared/activities/activityInput.ts first (nothing opened for bad
// input), then, inside one transaction, that every attending enterprise is still on the roster, and
// writes through the one write path. Deleting an activity leaves the problems raised at it as problems
// of their enterprises (they are followed under 首问负责制 like any other).
import type { Activity } from '../../../../shared/domain/activityRecords';
import type { Enterprise, Policy, Problem } from '../../../../shared/domain/records';
import { parseActivityInput, type ActivityInput } from '../../../../shared/activities/activityInput';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { RuleError } from '../../../../shared/errors/ruleError';
import { isLive, type Stamper } from '../../../../shared/sync/recordStamp';
import { ledgerDb } from '../../db/db';
import { writeTransaction } from '../../db/ledgerWrites';

/**
 * Saves a new activity (no `activityId`) or edits a stored one. Refused (RuleError at the field) when
 * an attending enterprise was deleted since it was chosen, naming it, or the activity was deleted.
 */
export async function saveActivity(input: ActivityInput, activityId?: string, actor?: Stamper, now = new Date()): Promise<Activity> {
  const fields = parseActivityInput(input, shanghaiDate(now));
  return writeTransaction(['activities', 'enterprises', 'problems'], async (w) => {
    const enterprises = await ledgerDb().enterprises.bulkGet(fields.attendeeEnterpriseIds);
    enterprises.forEach((enterprise, index) => {
      if (!enterprise || !isLive(enterprise)) {
        const named = input.attendees?.find((a) => a.enterpriseId === fields.attendeeEnterpriseIds[index])?.name;
        throw RuleError.at(['attendees'], `参加企业${named ? `「${named}」` : `第 ${index + 1} 家`}已被删除，请从名单中移除后再保存`);
      }
    });
    if (!activityId) return w.create<Activity>('activities', fields);
    const existing = await ledgerDb().activities.get(activityId);
    if (!existing || !isLive(existing)) throw RuleError.at(['topic'], '该活动已被删除，无法保存');
    // An enterprise that raised a problem here stays on the list: removed, its problem would name an
    // activity it did not attend (the new-user run found exactly that, silently).
    const removed = existing.attendeeEnterpriseIds.filter((id) => !fields.attendeeEnterpriseIds.includes(id));
    if (removed.length > 0) {
      const raised = (await ledgerDb().problems.where('enterpriseId').anyOf(removed).toArray()).filter((p) => isLive(p) && p.activityId === activityId);
      if (raised.length > 0) {
        const names = (await ledgerDb().enterprises.bulkGet([...new Set(raised.map((p) => p.enterpriseId))])).map((e) => e?.name ?? '（企业不在本机）');
        throw RuleError.at(['attendees'], `「${names.join('」「')}」在本次活动中提出了问题，不能从参加企业中移除；如确属误登记，请先删除或改动该问题`);
      }
    }
    return w.save<Activity>('activities', { ...existing, ...fields });
  }, { actor, now });
}

/** Deletes an activity by tombstone; the problems raised at it stay with their enterprises. */
export async function deleteActivity(activityId: string, actor?: Stamper, now = new Date()): Promise<void> {
  await writeTransaction(['activities'], async (w) => {
    const activity = await ledgerDb().activities.get(activityId);
    if (!activity || !isLive(activity)) throw new Error('该活动不存在或已被删除');
    await w.tombstone('activities', [activity]);
  }, { actor, now });
}

/** Live activities from `from` to `to` (inclusive, either open), newest first, by the date index. */
export async function activitiesBetween(from = '', to = '\uffff'): Promise<Activity[]> {
  const rows = await ledgerDb().activities.where('date').between(from, to, true, true).filter(isLive).toArray();
  return rows.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}

/** An enterprise's live activities, newest first, by the multiEntry attendee index. */
export async function activitiesOfEnterprise(enterpriseId: string): Promise<Activity[]> {
  const rows = await ledgerDb().activities.where('attendeeEnterpriseIds').equals(enterpriseId).filter(isLive).toArray();
  return rows.sort((a, b) => b.date.localeCompare(a.date));
}

/** Live enterprises by id (names for lists and the form); a deleted or unknown one is left out. */
export async function enterprisesById(ids: readonly string[]): Promise<Map<string, Enterprise>> {
  const rows = await ledgerDb().enterprises.bulkGet([...new Set(ids)]);
  return new Map(rows.filter((e): e is Enterprise => !!e && isLive(e)).map((e) => [e.id, e]));
}

/** What the activity page shows; `deleted` tells a deleted activity from a wrong link. */
export type ActivityForView =
  | { found: false; deleted: boolean }
  | { found: true; activity: Activity; enterprises: Map<string, Enterprise>; policies: Policy[]; problems: Problem[] };

export async function loadActivityForView(activityId: string): Promise<ActivityForView> {
  const activity = await ledgerDb().activities.get(activityId);
  if (!activity || !isLive(activity)) return { found: false, deleted: activity !== undefined };
  const [enterprises, policies, problems] = await Promise.all([
    // Deleted enterprises too: an activity keeps the names of those who came.
    ledgerDb().enterprises.bulkGet(activity.attendeeEnterpriseIds),
    ledgerDb().policies.bulkGet(activity.policyIds),
    problemsOfActivity(activity.id),
  ]);
  return {
    found: true,
    activity,
    enterprises: new Map(enterprises.filter((e): e is Enterprise => !!e).map((e) => [e.id, e])),
    policies: policies.filter((p): p is Policy => !!p),
    problems,
  };
}

/** The live problems raised at an activity (problems carry `activityId` as they carry `visitId`). */
export async function problemsOfActivity(activityId: string): Promise<Problem[]> {
  // No activityId index: an enterprise has few problems, so they are read by enterprise.
  const activity = await ledgerDb().activities.get(activityId);
  if (!activity) return [];
  const rows = await ledgerDb().problems.where('enterpriseId').anyOf(activity.attendeeEnterpriseIds).toArray();
  return rows.filter((p) => isLive(p) && p.activityId === activityId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The activity a form edits, read once (a live re-read would reset what is typed). */
export async function loadActivityForEdit(activityId: string): Promise<{ activity: Activity; enterprises: Map<string, Enterprise> } | undefined> {
  const activity = await ledgerDb().activities.get(activityId);
  if (!activity || !isLive(activity)) return undefined;
  return { activity, enterprises: await enterprisesById(activity.attendeeEnterpriseIds) };
}
