// Reads and writes of the service plan (一企一策). Every write is stamped and tombstones instead of
// deleting, so merging laptops carries plan changes like any other record.
import type { PlanAction } from '../../../../shared/domain/records';
import { ledgerDb } from '../../db/db';
import { tombstoneById, writeTransaction } from '../../db/ledgerWrites';
import { isLive, type Stamper } from '../../../../shared/sync/recordStamp';


export type PlanActionInput = Pick<PlanAction, 'need' | 'action' | 'owner' | 'dueDate'> & { note?: string };

export async function enterprisePlanActions(enterpriseId: string): Promise<PlanAction[]> {
  const rows = await ledgerDb().planActions.where('enterpriseId').equals(enterpriseId).filter(isLive).toArray();
  return rows.sort((a, b) => Number(!!a.doneDate) - Number(!!b.doneDate) || a.dueDate.localeCompare(b.dueDate));
}

/** Checked against the zod schema by the write path: a bad field is refused by name, nothing stored. */
export async function addPlanAction(enterpriseId: string, input: PlanActionInput, actor?: Stamper, now = new Date()): Promise<PlanAction> {
  return writeTransaction(['planActions'], (w) => w.create<PlanAction>('planActions', { enterpriseId, note: '', ...input }), { actor, now });
}

async function livePlanAction(id: string): Promise<PlanAction> {
  const current = await ledgerDb().planActions.get(id);
  if (!current || !isLive(current)) throw new Error('该措施已被删除');
  return current;
}

export async function markPlanActionDone(id: string, doneDate: string, actor?: Stamper, now = new Date()): Promise<void> {
  await writeTransaction(['planActions'], async (w) => {
    await w.save<PlanAction>('planActions', { ...(await livePlanAction(id)), doneDate });
  }, { actor, now });
}

export async function reopenPlanAction(id: string, actor?: Stamper, now = new Date()): Promise<void> {
  await writeTransaction(['planActions'], async (w) => {
    const { doneDate: _doneDate, ...rest } = await livePlanAction(id);
    await w.save<PlanAction>('planActions', rest);
  }, { actor, now });
}

export async function deletePlanAction(id: string, actor?: Stamper, now = new Date()): Promise<void> {
  await tombstoneById('planActions', id, { actor, now });
}
