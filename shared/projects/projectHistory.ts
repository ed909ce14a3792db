// A key project's history: each entry into the library and each exit (date and reason, seed 001's
// 动态调整 rules), and each change of stage. Kept on the project record (`history`), appended by
// every write that changes membership or stage; for projects saved before the history existed it is
// rebuilt from what they kept (entry and exit fields, the monthly progress entries).
import { newId } from '../ids';
import { shanghaiDate } from '../calendar/shanghaiDate';
import type { KeyProject, ProgressEntry, ProjectHistoryEntry } from '../domain/records';
import type { ProjectInput } from './projectInput';
import { isLaterStage } from './projectStageOrder';

/** Who records a change, when, and through which action. */
export interface HistoryContext {
  now: Date;
  by: string;
  /** e.g. "新建项目", "编辑项目", "2026-10 月度进展". */
  source: string;
}

type MembershipFields = Pick<KeyProject, 'inLibrary' | 'libraryEntryDate' | 'libraryExitDate' | 'libraryExitReason' | 'stage'> &
  Partial<Pick<KeyProject, 'libraryEntrySource' | 'libraryExitReasonKind'>>;

/** The source of an entry and the reason kind of an exit, as a history entry keeps them (absent ones left out). */
function membershipDetail(after: MembershipFields, kind: '入库' | '移出'): Pick<ProjectHistoryEntry, 'entrySource' | 'reasonKind'> {
  if (kind === '入库') return after.libraryEntrySource ? { entrySource: after.libraryEntrySource } : {};
  return after.libraryExitReasonKind ? { reasonKind: after.libraryExitReasonKind } : {};
}

/**
 * The history of a project saved before there was one, from what it kept: its entry date, its exit
 * (date and reason) when it is out of the library, and the stage changes its live progress entries
 * show month by month (dated by the day the entry was first filed). Marked `reconstructed`.
 */
export function reconstructProjectHistory(
  project: MembershipFields & Pick<KeyProject, 'updatedAt' | 'id'>,
  entries: readonly Pick<ProgressEntry, 'month' | 'stage' | 'createdAt' | 'updatedBy' | 'deletedAt'>[],
): ProjectHistoryEntry[] {
  const events: Omit<ProjectHistoryEntry, 'id'>[] = [];
  const base = { reason: '', source: '', by: '', reconstructed: true } as const;
  if (project.libraryEntryDate) {
    events.push({ ...base, kind: '入库', date: project.libraryEntryDate, source: '入库日期', ...membershipDetail(project, '入库') });
  }
  const months = entries.filter((e) => e.deletedAt === undefined).sort((a, b) => a.month.localeCompare(b.month));
  let stage = months[0]?.stage;
  for (const entry of months.slice(1)) {
    if (stage && isLaterStage(entry.stage, stage)) {
      events.push({
        ...base,
        kind: '阶段变更',
        date: shanghaiDate(new Date(entry.createdAt)),
        from: stage,
        to: entry.stage,
        source: `${entry.month} 月度进展`,
        by: entry.updatedBy,
      });
      stage = entry.stage;
    }
  }
  if (stage && stage !== project.stage) {
    // Changed in the project form after the last entry: the day is the project's last save, at best.
    events.push({ ...base, kind: '阶段变更', date: shanghaiDate(new Date(project.updatedAt)), from: stage, to: project.stage, source: '编辑项目' });
  }
  if (!project.inLibrary && project.libraryExitDate) {
    events.push({
      ...base,
      kind: '移出',
      date: project.libraryExitDate,
      reason: project.libraryExitReason,
      source: '移出日期',
      ...membershipDetail(project, '移出'),
    });
  }
  // Ids from the project and the place: the same project rebuilt twice (or on two laptops) gets the same ones.
  return sortHistory(events).map((event, index) => ({ ...event, id: `${project.id}:r${index + 1}` }));
}

/** Oldest first; on the same day an entry comes before a stage change, an exit after both. */
export function sortHistory<E extends Omit<ProjectHistoryEntry, 'id'>>(events: readonly E[]): E[] {
  const order = { 入库: 0, 阶段变更: 1, 移出: 2 } as const;
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.date.localeCompare(b.event.date) || order[a.event.kind] - order[b.event.kind] || a.index - b.index)
    .map(({ event }) => event);
}

/** The stored history, or for a project stored before histories existed, the one rebuilt from its fields and entries. */
export function projectHistoryOf(
  project: KeyProject,
  entries: Parameters<typeof reconstructProjectHistory>[1],
): ProjectHistoryEntry[] {
  return project.history ?? reconstructProjectHistory(project, entries);
}

/**
 * Backfill for the schema upgrade that introduces the history: a project without one gets it rebuilt
 * from its fields and its progress entries (all entries of the project; deleted ones are ignored).
 */
export function backfillProjectHistory(project: KeyProject, entries: Parameters<typeof reconstructProjectHistory>[1]): KeyProject {
  return project.history ? project : { ...project, history: reconstructProjectHistory(project, entries) };
}

/**
 * The history after a save that turns `before` (undefined for a new project) into `after`: an entry or
 * exit when membership changes, a stage change when the stage does. A corrected date or reason of the
 * current membership (edited in the form) corrects the latest event of that kind instead of adding one.
 */
export function historyAfterChange(
  history: readonly ProjectHistoryEntry[],
  before: MembershipFields | undefined,
  after: ProjectInput | MembershipFields,
  context: HistoryContext,
): ProjectHistoryEntry[] {
  const next = [...history];
  const stamp = { at: context.now.toISOString(), by: context.by, source: context.source, reason: '' };
  // Each new entry its own id: two laptops may each add one to the same project, and a merge keeps both.
  const fresh = () => ({ ...stamp, id: newId() });
  const today = shanghaiDate(context.now);
  const entered = after.inLibrary && (!before || !before.inLibrary);
  const exited = !after.inLibrary && (!before || before.inLibrary);
  if (!before && !after.inLibrary && after.libraryEntryDate) {
    next.push({ ...fresh(), kind: '入库', date: after.libraryEntryDate, ...membershipDetail(after, '入库') });
  }
  if (entered) next.push({ ...fresh(), kind: '入库', date: after.libraryEntryDate ?? today, ...membershipDetail(after, '入库') });
  if (exited && after.libraryExitDate) {
    next.push({ ...fresh(), kind: '移出', date: after.libraryExitDate, reason: after.libraryExitReason, ...membershipDetail(after, '移出') });
  }
  if (before && before.inLibrary === after.inLibrary) {
    const kind = after.inLibrary ? '入库' : '移出';
    const date = after.inLibrary ? after.libraryEntryDate : after.libraryExitDate;
    const reason = after.inLibrary ? '' : after.libraryExitReason;
    const detail = membershipDetail(after, kind);
    const at = next.map((e) => e.kind).lastIndexOf(kind);
    const last = at >= 0 ? next[at] : undefined;
    const detailChanged = last !== undefined && (last.entrySource !== detail.entrySource || last.reasonKind !== detail.reasonKind);
    if (date && (!last || last.date !== date || last.reason !== reason || detailChanged)) {
      if (last) {
        const { entrySource: _s, reasonKind: _k, ...rest } = last;
        next[at] = { ...rest, ...detail, date, reason, at: stamp.at, by: stamp.by, source: `${last.source}（${context.source}更正）` };
      } else next.push({ ...fresh(), kind, date, reason, ...detail });
    }
  }
  if (!before) next.push({ ...fresh(), kind: '阶段变更', date: today, to: after.stage });
  else if (before.stage !== after.stage) next.push({ ...fresh(), kind: '阶段变更', date: today, from: before.stage, to: after.stage });
  return sortHistory(next);
}
