// 清除示例数据: the first screen promises the demo data "可随时删除". This removes exactly the demo
// records (shared/demo isDemoRecord) and never the officer's own. A demo record the officer's own
// work hangs on — a visit recorded on a demo enterprise, a problem raised in a demo visit — is kept,
// so that nothing the officer typed loses its enterprise, visit or project; the confirmation says so.
//
// Demo records are deleted outright, not tombstoned: they are fictional, made again from the same
// seed on the next 载入示例数据, and must neither fill the 回收站 nor travel to other laptops as
// deletions. The default policies the demo loader writes are the app's own reference list: kept.
import { isDemoRecord } from '../../../../shared/demo/demoData';
import type { LedgerDatabase } from '../../db/schema';
import { ledgerDb } from '../../db/db';
import { rebuildTallies } from '../../db/ledgerWrites';

export interface DemoDataCounts {
  enterprises: number;
  visits: number;
  problems: number;
  projects: number;
  progressEntries: number;
  /** Demo records kept because the officer's own records refer to them. */
  kept: number;
}

const demoTables = (db: LedgerDatabase) => [db.enterprises, db.visits, db.problems, db.projects, db.progressEntries, db.attachments, db.planActions, db.operationReports];

/**
 * The officer's records of later tables that name enterprises (培育库, meetings' problems, activities,
 * ratings): a demo enterprise or problem one of them names is kept. A new table that points at
 * enterprises or problems is added here, with the ids it names.
 */
type Row = Record<string, unknown> & { id: string; deviceId: string };
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);
const referringTables: { table: 'cultivationCandidates' | 'meetings' | 'activities' | 'ratings' | 'csrCandidates'; ids: (row: Row) => string[] }[] = [
  { table: 'cultivationCandidates', ids: (row) => strings(row.enterpriseId) },
  { table: 'meetings', ids: (row) => (Array.isArray(row.agenda) ? row.agenda.flatMap((item: { problemId?: unknown }) => strings(item?.problemId)) : []) },
  { table: 'activities', ids: (row) => strings(row.attendeeEnterpriseIds) },
  { table: 'ratings', ids: (row) => strings(row.enterpriseId) },
  { table: 'csrCandidates', ids: (row) => strings(row.enterpriseId) },
];

/** Whether any demo record is stored (the 清除示例数据 action shows only then). Cheap: the ids carry a prefix. */
export async function hasDemoData(db: LedgerDatabase = ledgerDb()): Promise<boolean> {
  if ((await db.enterprises.where('id').startsWith('demo-').count()) > 0) return true;
  // Demo data loaded before the ids carried the prefix: recognised by the demo device id.
  return (await db.enterprises.filter(isDemoRecord).first()) !== undefined;
}

/** What removal would remove and keep; `apply` removes it, all in one transaction. */
async function sweep(db: LedgerDatabase, apply: boolean): Promise<DemoDataCounts> {
  const referring = referringTables.map(({ table }) => db.table(table));
  return db.transaction(apply ? 'rw' : 'r', [...demoTables(db), ...referring, db.tallies, db.settings], async () => {
    const [enterprises, visits, problems, projects, progressEntries, attachments, planActions, operationReports] = await Promise.all([
      db.enterprises.toArray(),
      db.visits.toArray(),
      db.problems.toArray(),
      db.projects.toArray(),
      db.progressEntries.toArray(),
      db.attachments.toArray(),
      db.planActions.toArray(),
      db.operationReports.toArray(),
    ]);
    // What the officer's own records point at, live or deleted (a deleted one can come back from 回收站).
    const own = <T extends { id: string; deviceId: string }>(rows: T[]) => rows.filter((row) => !isDemoRecord(row));
    const keep = new Set<string>();
    for (const v of own(visits)) keep.add(v.enterpriseId);
    for (const p of own(problems)) for (const id of [p.enterpriseId, p.visitId, p.projectId]) if (id) keep.add(id);
    for (const p of own(projects)) if (p.enterpriseId) keep.add(p.enterpriseId);
    for (const e of own(progressEntries)) keep.add(e.projectId);
    for (const a of own(attachments)) keep.add(a.ownerId);
    for (const a of own(planActions)) keep.add(a.enterpriseId);
    // Figures typed for a demo enterprise (经营数据) keep it: the officer's own typing.
    for (const r of own(operationReports)) keep.add(r.enterpriseId);
    for (const [i, { ids }] of referringTables.entries()) {
      for (const row of own((await referring[i]!.toArray()) as Row[])) for (const id of ids(row)) keep.add(id);
    }
    // A kept demo problem keeps its visit and enterprise; a kept demo project or visit keeps its enterprise.
    for (const p of problems) if (keep.has(p.id)) for (const id of [p.enterpriseId, p.visitId, p.projectId]) if (id) keep.add(id);
    for (const p of projects) if (keep.has(p.id) && p.enterpriseId) keep.add(p.enterpriseId);
    for (const v of visits) if (keep.has(v.id)) keep.add(v.enterpriseId);

    let kept = 0;
    const removable = <T extends { id: string; deviceId: string }>(rows: T[]) =>
      rows.filter((row) => {
        if (!isDemoRecord(row)) return false;
        if (keep.has(row.id)) {
          kept++;
          return false;
        }
        return true;
      });
    const gone = {
      enterprises: removable(enterprises).map((r) => r.id),
      visits: removable(visits).map((r) => r.id),
      problems: removable(problems).map((r) => r.id),
      projects: removable(projects).map((r) => r.id),
      progressEntries: removable(progressEntries).map((r) => r.id),
    };
    if (apply) {
      await Promise.all([
        db.enterprises.bulkDelete(gone.enterprises),
        db.visits.bulkDelete(gone.visits),
        db.problems.bulkDelete(gone.problems),
        db.projects.bulkDelete(gone.projects),
        db.progressEntries.bulkDelete(gone.progressEntries),
      ]);
      // Deleted outright, so the counts are counted again from what stays.
      await rebuildTallies(db, (await db.settings.get('app'))?.value.calendarOverrides);
    }
    return {
      enterprises: gone.enterprises.length,
      visits: gone.visits.length,
      problems: gone.problems.length,
      projects: gone.projects.length,
      progressEntries: gone.progressEntries.length,
      kept,
    };
  });
}

/** What 清除示例数据 would remove, for the confirmation. Writes nothing. */
export function countDemoData(db: LedgerDatabase = ledgerDb()): Promise<DemoDataCounts> {
  return sweep(db, false);
}

/** Removes the demo records (all of them or, on failure, none); returns what was removed and kept. */
export function removeDemoData(db: LedgerDatabase = ledgerDb()): Promise<DemoDataCounts> {
  return sweep(db, true);
}
