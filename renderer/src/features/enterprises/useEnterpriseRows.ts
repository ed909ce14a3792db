// The rows the enterprise list shows: the in-memory directory of live enterprises (pinyin order),
// narrowed by the typed search, the town and the officer. Every match is a row of the virtualised
// list, so the 51st hit is as reachable as the first, and the total is exact.
import { useMemo } from 'react';
import {
  distinctValues,
  filterDirectory,
  type DirectoryEntry,
  type DirectoryFilter,
} from '../../../../shared/search/enterpriseDirectory';
import { loadEnterpriseDirectory } from './enterpriseRepo';
import { useLiveData } from '../../components/useLiveData';

export interface EnterpriseRows {
  rows: readonly DirectoryEntry[];
  /** Live enterprises in the roster (before filters); undefined until first read. */
  total: number | undefined;
  towns: string[];
  officers: string[];
  loading: boolean;
}

/** The directory last read, shown at once when the list is opened again while it is read afresh. */
let remembered: DirectoryEntry[] | undefined;

export function useEnterpriseRows(filter: DirectoryFilter): EnterpriseRows {
  // Re-read when an enterprise is saved, imported or deleted anywhere (the query is live).
  const { value: fresh } = useLiveData(async () => {
    const entries = await loadEnterpriseDirectory();
    remembered = entries;
    return entries;
  }, []);
  const directory = fresh ?? remembered;
  const { query, town, officer } = filter;
  const rows = useMemo(() => (directory ? filterDirectory(directory, { query, town, officer }) : []), [directory, query, town, officer]);
  const towns = useMemo(() => (directory ? distinctValues(directory, 'town') : []), [directory]);
  const officers = useMemo(() => (directory ? distinctValues(directory, 'assignedOfficer') : []), [directory]);
  return { rows, total: directory?.length, towns, officers, loading: directory === undefined };
}
