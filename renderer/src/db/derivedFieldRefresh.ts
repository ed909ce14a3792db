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

/** The enterprises whose derived fields a merge's writes can change. */
export function enterprisesAffectedBy(written: { enterprises?: readonly Enterprise[]; visits?: readonly Visit[] }): Set<string> {
  const ids = new Set<string>();
  for (const e of written.enterprises ?? []) ids.add(e.id);
  for (const v of written.visits ?? []) ids.add(v.enterpriseId);
  return ids;
}
