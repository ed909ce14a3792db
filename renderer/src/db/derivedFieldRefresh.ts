// The one place derived caches are recomputed (shared/sync/recordFields.ts names them): after a
// visit is saved, deleted or restored, and after a merge brought records from another laptop. They
// are written through LedgerWriter.putDerived, so recomputing never makes a new version.
import Dexie from 'dexie';
import type { Enterprise, Visit } from '../../../shared/domain/records';
import { enterpriseSearchTokens } from '../../../shared/search/searchTokens';
import { sameValue } from '../../../shared/sync/recordFields';
import { isLive } from '../../../shared/sync/recordStamp';
import type { LedgerWriter } from './ledgerWrites';

/** The latest live visit date of an enterprise, through the [enterpriseId+date] index. */
export async function latestVisitDate(writer: LedgerWriter, enterpriseId: string): Promise<string | undefined> {
  const latest = await writer.db.visits
    .where('[enterpriseId+date]')
    .between([enterpriseId, Dexie.minKey], [enterpriseId, Dexie.maxKey])
    .reverse()
    .filter(isLive)
    .first();
  return latest?.date;
}

/** Recomputes every derived field of these enterprises (their last visit date and search tokens). */
export async function refreshEnterpriseDerived(writer: LedgerWriter, enterpriseIds: Iterable<string>): Promise<number> {
  let refreshed = 0;
  for (const id of new Set(enterpriseIds)) {
    const enterprise = await writer.db.enterprises.get(id);
    if (!enterprise) continue;
    const derived: Partial<Enterprise> = {
      lastVisitDate: await latestVisitDate(writer, id),
      searchTokens: enterpriseSearchTokens(enterprise),
    };
    if (enterprise.lastVisitDate === derived.lastVisitDate && sameValue(enterprise.searchTokens, derived.searchTokens)) continue;
    await writer.putDerived('enterprises', id, derived);
    refreshed += 1;
  }
  return refreshed;
}

/**
 * After a merge: the derived fields of the enterprises its writes touch, read as little as possible
 * (a bureau merge touches thousands). An enterprise that came in the package gets both fields
 * recomputed. One whose visits came in moves its last visit date forward to the latest live one that
 * came, without a query — unless one of them was deleted, or was the visit its date rested on (an
 * edit may have moved it earlier): only then is its latest visit looked up. All written in one go.
 */
export async function refreshDerivedAfterMerge(
  writer: LedgerWriter,
  written: { enterprises?: readonly Enterprise[]; visits?: readonly Visit[] },
  visitsBefore: ReadonlyMap<string, Visit>,
): Promise<number> {
  const recompute = new Set((written.enterprises ?? []).map((e) => e.id));
  /** Per enterprise: the latest live visit date that came, and the dates its stored date may have rested on. */
  const latestArrived = new Map<string, string>();
  const replacedDates = new Map<string, Set<string>>();
  for (const visit of written.visits ?? []) {
    if (isLive(visit) && visit.date > (latestArrived.get(visit.enterpriseId) ?? '')) latestArrived.set(visit.enterpriseId, visit.date);
    const before = visitsBefore.get(visit.id);
    // The old version no longer counts where it was when it is deleted, moved to another enterprise or dated earlier.
    if (before && isLive(before) && (!isLive(visit) || visit.enterpriseId !== before.enterpriseId || visit.date < before.date)) {
      const dates = replacedDates.get(before.enterpriseId) ?? new Set<string>();
      dates.add(before.date);
      replacedDates.set(before.enterpriseId, dates);
    }
  }
  const ids = [...new Set([...recompute, ...latestArrived.keys(), ...replacedDates.keys()])];
  const stored = await writer.db.enterprises.bulkGet(ids);
  const patches: { key: string; changes: Partial<Enterprise> }[] = [];
  for (const enterprise of stored) {
    if (!enterprise) continue;
    const id = enterprise.id;
    const restedOnReplaced = enterprise.lastVisitDate !== undefined && (replacedDates.get(id)?.has(enterprise.lastVisitDate) ?? false);
    let lastVisitDate = enterprise.lastVisitDate;
    if (recompute.has(id) || restedOnReplaced) lastVisitDate = await latestVisitDate(writer, id);
    else if ((latestArrived.get(id) ?? '') > (lastVisitDate ?? '')) lastVisitDate = latestArrived.get(id);
    const changes: Partial<Enterprise> = {};
    if (lastVisitDate !== enterprise.lastVisitDate) changes.lastVisitDate = lastVisitDate;
    if (recompute.has(id)) {
      const searchTokens = enterpriseSearchTokens(enterprise);
      if (!sameValue(searchTokens, enterprise.searchTokens)) changes.searchTokens = searchTokens;
    }
    if (Object.keys(changes).length > 0) patches.push({ key: id, changes });
  }
  await writer.putDerivedMany('enterprises', patches);
  return patches.length;
}

/** The enterprises whose derived fields a merge's writes can change. */
export function enterprisesAffectedBy(written: { enterprises?: readonly Enterprise[]; visits?: readonly Visit[] }): Set<string> {
  const ids = new Set<string>();
  for (const e of written.enterprises ?? []) ids.add(e.id);
  for (const v of written.visits ?? []) ids.add(v.enterpriseId);
  return ids;
}
