// The working-day calendar's data access: a year's holiday notice saved into the settings, and every
// provisional deadline (待确认) computed again on the new calendar in the same transaction, so no
// problem keeps a guessed deadline once its year is known, and nothing half-saved is left behind.
import { lastPackageYear } from '../../../../shared/calendar/workingDays';
import {
  checkYearSchedule,
  overridesWithSchedule,
  withYearSchedule,
  type YearSchedule,
} from '../../../../shared/calendar/yearSchedule';
import { settingsSchema, type Problem } from '../../../../shared/domain/records';
import { recalculateDeadline, recalculateDecisionDeadline } from '../../../../shared/problems/problemWorkflow';
import { recalculateAgendaDeadlines } from '../../../../shared/meetings/meetingAgenda';
import type { Meeting } from '../../../../shared/domain/meetingRecords';
import { ledgerDb } from '../../db/db';
import { defaultSettings } from '../../db/settingsStore';
import { isLive } from '../../../../shared/sync/recordStamp';
import { writeTransaction, type LedgerWriter } from '../../db/ledgerWrites';
import { problemContext } from '../problems/problemRepo';
import { RuleError, parseOrRefuse } from '../../../../shared/errors/ruleError';

export interface SavedYearSchedule {
  /** Problems whose deadline was computed again (date or 待确认 changed). */
  recalculated: number;
  /** Those that are still provisional (they run into yet another unknown year). */
  stillProvisional: number;
}

/** Writes every provisional deadline again on the settings' calendar, inside the writer's transaction. */
async function recalculateProvisionalDeadlines(w: LedgerWriter, now: Date): Promise<SavedYearSchedule> {
  const row = await ledgerDb().settings.get('app');
  const settings = row?.value ?? defaultSettings();
  const ctx = problemContext(settings, now);
  // A meeting decision's deadline (issue 16) is counted on the same calendar: provisional ones too.
  const provisional = await ledgerDb()
    .problems.filter((p) => (p.replyDeadlineProvisional === true || p.meetingDecision?.deadlineProvisional === true) && isLive(p))
    .toArray();
  const recalculated: Problem[] = [];
  for (const problem of provisional) {
    const replied = problem.replyDeadlineProvisional === true ? recalculateDeadline(problem, ctx) : problem;
    const next = recalculateDecisionDeadline(replied, ctx);
    if (next !== problem) recalculated.push(next);
  }
  const changed = await w.saveAll('problems', recalculated);
  const meetings = await ledgerDb().meetings.filter((m) => isLive(m) && m.agenda.some((i) => i.decision?.deadlineProvisional === true)).toArray();
  const movedMeetings: Meeting[] = [];
  for (const meeting of meetings) {
    const next = recalculateAgendaDeadlines(meeting, ctx.overrides ?? {}, ctx.knownYears ?? []);
    if (next !== meeting) movedMeetings.push(next);
  }
  await w.saveAll('meetings', movedMeetings);
  return { recalculated: changed.length, stillProvisional: changed.filter((p) => p.replyDeadlineProvisional).length };
}

/**
 * Saves a year's notice, confirmed complete by the acting officer: it replaces that year's earlier
 * notice and single-day overrides, and the provisional deadlines are computed again at once.
 * A schedule with faults is refused as a whole (RuleError, every fault named).
 */
export async function saveYearSchedule(
  schedule: Pick<YearSchedule, 'year' | 'holidays' | 'workdays' | 'source'>,
  now: Date = new Date(),
): Promise<SavedYearSchedule> {
  const issues = checkYearSchedule(schedule);
  if (issues.length > 0) throw new RuleError(issues);
  return writeTransaction(['settings', 'problems', 'meetings'], async (w) => {
    const row = await ledgerDb().settings.get('app');
    const current = row?.value ?? defaultSettings();
    const confirmed: YearSchedule = {
      year: schedule.year,
      holidays: schedule.holidays.map((h) => ({ name: h.name.trim(), from: h.from, to: h.to })),
      workdays: [...schedule.workdays].sort(),
      confirmedBy: current.officerName.trim() || '未署名',
      confirmedAt: now.toISOString(),
      source: schedule.source || '手工录入',
    };
    const next = parseOrRefuse(settingsSchema, {
      ...current,
      calendarOverrides: overridesWithSchedule(current.calendarOverrides, confirmed),
      calendarYears: withYearSchedule(current.calendarYears, confirmed),
    });
    await ledgerDb().settings.put({ key: 'app', value: next });
    return recalculateProvisionalDeadlines(w, now);
  }, { now });
}

/**
 * Computes the provisional deadlines again when this build's calendar package knows more years than
 * the build that last ran here (an update brought next year's notice). Cheap when nothing changed:
 * the last year seen is remembered on this laptop.
 */
export async function recalculateAfterCalendarUpdate(
  remembered: { get(): string | null; set(value: string): void },
  now: Date = new Date(),
): Promise<SavedYearSchedule | undefined> {
  const year = String(lastPackageYear());
  if (remembered.get() === year) return undefined;
  const result = await writeTransaction(['settings', 'problems', 'meetings'], (w) => recalculateProvisionalDeadlines(w, now), { now });
  remembered.set(year);
  return result;
}
