// 项目库概况's data access: the library's records read whole (hundreds of projects, their monthly
// entries, the problems raised from them) and turned into the figures by shared/projects. The export
// of the monthly workbook reads through the same functions on a database it is given.
import type { KeyProject, Problem, ProgressEntry } from '../../../../shared/domain/records';
import { libraryOverview, type LibraryOverview } from '../../../../shared/projects/libraryOverview';
import { ledgerDb } from '../../db/db';
import type { LedgerDatabase } from '../../db/schema';

export interface LibraryRecords {
  projects: KeyProject[];
  entries: ProgressEntry[];
  /** Live problems raised from a project (the projectId index holds only those). */
  requests: Problem[];
}

/** The live projects, their live progress entries and the live problems raised from projects. */
export async function loadLibraryRecords(db: LedgerDatabase): Promise<LibraryRecords> {
  const [projects, entries, requests] = await Promise.all([
    db.projects.toArray(),
    db.progressEntries.toArray(),
    db.problems.orderBy('projectId').toArray(),
  ]);
  return {
    projects: projects.filter((p) => p.deletedAt === undefined),
    entries: entries.filter((e) => e.deletedAt === undefined),
    requests: requests.filter((p) => p.deletedAt === undefined),
  };
}

export function overviewOf(records: LibraryRecords, month: string, town?: string): LibraryOverview {
  return libraryOverview({ projects: records.projects, entries: records.entries, problems: records.requests, month, town });
}

/** 项目库概况 of a month, for one town or all, on the app's database. */
export async function loadLibraryOverview(month: string, town?: string): Promise<LibraryOverview> {
  return overviewOf(await loadLibraryRecords(ledgerDb()), month, town);
}
