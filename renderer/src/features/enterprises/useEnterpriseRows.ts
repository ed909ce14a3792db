// The enterprise list's data: the in-memory directory of live enterprises (pinyin order), live, and
// the rows it shows, narrowed by the typed search, the town and the officer. Every match is a row of
// the virtualised list, so the 51st hit is as reachable as the first, and the total is exact.
import { useMemo } from 'react';
import { distinctValues, type DirectoryEntry, type DirectoryFilter, type DirectorySearch } from '../../../../shared/search/enterpriseDirectory';
import { loadEnterpriseDirectory } from './enterpriseRepo';
import { useLiveData } from '../../components/useLiveData';

export interface EnterpriseDirectory {
  /** Every live enterprise; undefined until first read. */
  directory: readonly DirectoryEntry[] | undefined;
  towns: string[];
  officers: string[];
}

/** The directory last read, shown at once when the list is opened again while it is read afresh. */
let remembered: DirectoryEntry[] | undefined;

export function useEnterpriseDirectory(): EnterpriseDirectory {
  // Re-read when an enterprise is saved, imported or deleted anywhere (the query is live).
  const { value: fresh } = useLiveData(async () => {
    const entries = await loadEnterpriseDirectory();
    remembered = entries;
    return entries;
  }, []);
  const directory = fresh ?? remembered;
  const towns = useMemo(() => (directory ? distinctValues(directory, 'town') : []), [directory]);
  const officers = useMemo(() => (directory ? distinctValues(directory, 'assignedOfficer') : []), [directory]);
  return { directory, towns, officers };
}

/**
 * The rows for one search and filter. `search` remembers its recent answers (createDirectorySearch),
 * so the count line and the list asking for the same query compute it once, and a query typed on
 * from the last one only narrows that answer.
 */
export function useEnterpriseRows(
  search: DirectorySearch,
  directory: readonly DirectoryEntry[] | undefined,
  filter: DirectoryFilter,
): readonly DirectoryEntry[] {
  const { query, town, officer } = filter;
  return useMemo(() => (directory ? search(directory, { query, town, officer }) : []), [search, directory, query, town, officer]);
}
