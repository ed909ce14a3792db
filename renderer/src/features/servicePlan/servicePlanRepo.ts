// Reads and writes of the service plan (一企一策). Every write is stamped and tombstones instead of
// deleting, so merging laptops carries plan changes like any other record.
import { planActionSchema, type PlanAction } from '../../../../shared/domain/records';
import { db } from '../../db/db';
import { isLive, newRecordMeta, tombstoned, touched } from '../../db/recordStamp';
import { parseOrRefuse } from '../../../../shared/errors/ruleError';
import type { Actor } from '../../../../shared/domain/actor';
import { currentActor } from '../../db/settingsStore';

/** What a write needs of the acting officer. */
type Stamper = Pick<Actor, 'officerName' | 'deviceId'>;


export type PlanActionInput = Pick<PlanAction, 'need' | 'action' | 'owner' | 'dueDate'> & { note?: string };

export async function enterprisePlanActions(enterpriseId: string): Promise<PlanAction[]> {
  const rows = await db.planActions.where('enterpriseId').equals(enterpriseId).filter(isLive).toArray();
  return rows.sort((a, b) => Number(!!a.doneDate) - Number(!!b.doneDate) || a.dueDate.localeCompare(b.dueDate));
}

/** Validates with the zod schema: a bad field throws a ZodError naming it, and nothing is stored. */
export async function addPlanAction(enterpriseId: string, input: PlanActionInput, given?: Stamper, now = new Date()): Promise<PlanAction> {
  // The acting officer comes from 设置 here, not from every screen that saves.
  const who = given ?? (await currentActor());
  const record = parseOrRefuse(planActionSchema, { ...newRecordMeta(who, now), enterpriseId, note: '', ...input });
  await db.planActions.add(record);
  return record;
}

export async function markPlanActionDone(id: string, doneDate: string, given?: Stamper, now = new Date()): Promise<void> {
  // The acting officer comes from 设置 here, not from every screen that saves.
  const who = given ?? (await currentActor());
  await db.transaction('rw', db.planActions, async () => {
    const current = await db.planActions.get(id);
    if (!current || !isLive(current)) throw new Error('该措施已被删除');
    await db.planActions.put({ ...touched(current, who, now), doneDate });
  });
}

export async function reopenPlanAction(id: string, given?: Stamper, now = new Date()): Promise<void> {
  // The acting officer comes from 设置 here, not from every screen that saves.
  const who = given ?? (await currentActor());
  await db.transaction('rw', db.planActions, async () => {
    const current = await db.planActions.get(id);
    if (!current || !isLive(current)) throw new Error('该措施已被删除');
    const { doneDate: _doneDate, ...rest } = touched(current, who, now);
    await db.planActions.put(rest);
  });
}

export async function deletePlanAction(id: string, given?: Stamper, now = new Date()): Promise<void> {
  // The acting officer comes from 设置 here, not from every screen that saves.
  const who = given ?? (await currentActor());
  await db.transaction('rw', db.planActions, async () => {
    const current = await db.planActions.get(id);
    if (current && isLive(current)) await db.planActions.put(tombstoned(current, who, now));
  });
}
