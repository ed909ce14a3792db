// Reference data the bureau sends down in a package (kind `reference`, or beside the records of any
// package): the town, department, problem-category and visit-type lists and the working-day
// schedules of the years it has confirmed. The assignments of enterprises to officers travel as the
// enterprise records themselves. Pure: the schema, what applying it changes, and the new settings.
import { z } from 'zod';
import { overridesWithSchedule, withYearSchedule, yearScheduleSchema } from '../calendar/yearSchedule';
import type { Settings } from '../domain/records';

const nameList = z.array(z.string().trim().min(1).max(100)).max(500);

export const referenceDataSchema = z.object({
  towns: nameList.optional(),
  departments: nameList.optional(),
  categories: nameList.optional(),
  visitTypes: nameList.optional(),
  townAliases: z.record(z.string().max(100), z.string().max(100)).optional(),
  calendarYears: z.array(yearScheduleSchema).max(20).optional(),
  /** Only in a backup: the officer the laptop belonged to (a bureau's package never sets it). */
  officer: z.object({ name: z.string().max(100), unit: z.string().max(200), department: z.string().max(100) }).optional(),
});
export type ReferenceData = z.infer<typeof referenceDataSchema>;

/** What the settings page holds that a bureau may send: the reference lists and the confirmed years. */
export function referenceDataOf(settings: Settings): ReferenceData {
  return {
    towns: settings.towns,
    departments: settings.departments,
    categories: settings.categories,
    visitTypes: settings.visitTypes,
    townAliases: settings.townAliases,
    calendarYears: settings.calendarYears,
  };
}

export interface ReferenceChange {
  label: string;
  added: string[];
  removed: string[];
}

const listLabels = { towns: '区镇', departments: '责任部门', categories: '问题类别', visitTypes: '走访类型' } as const;

/** What taking the reference data would change, list by list, for the preview. */
export function referenceChanges(settings: Settings, reference: ReferenceData): ReferenceChange[] {
  const changes: ReferenceChange[] = [];
  for (const [key, label] of Object.entries(listLabels) as [keyof typeof listLabels, string][]) {
    const next = reference[key];
    if (!next) continue;
    const added = next.filter((name) => !settings[key].includes(name));
    const removed = settings[key].filter((name) => !next.includes(name));
    if (added.length > 0 || removed.length > 0) changes.push({ label, added, removed });
  }
  const years = (reference.calendarYears ?? []).filter(
    (schedule) => JSON.stringify(settings.calendarYears.find((y) => y.year === schedule.year)) !== JSON.stringify(schedule),
  );
  if (years.length > 0) changes.push({ label: '节假日安排', added: years.map((y) => `${y.year} 年`), removed: [] });
  return changes;
}

/** The settings with the bureau's reference data taken: its lists replace these, its years are added. */
export function settingsWithReference(settings: Settings, reference: ReferenceData): Settings {
  const officer = reference.officer
    ? { officerName: reference.officer.name, officerUnit: reference.officer.unit, officerDepartment: reference.officer.department }
    : {};
  let calendarOverrides = settings.calendarOverrides;
  let calendarYears = settings.calendarYears;
  for (const schedule of reference.calendarYears ?? []) {
    calendarOverrides = overridesWithSchedule(calendarOverrides, schedule);
    calendarYears = withYearSchedule(calendarYears, schedule);
  }
  return {
    ...settings,
    ...officer,
    towns: reference.towns ?? settings.towns,
    departments: reference.departments ?? settings.departments,
    categories: reference.categories ?? settings.categories,
    visitTypes: reference.visitTypes ?? settings.visitTypes,
    townAliases: { ...settings.townAliases, ...reference.townAliases },
    calendarOverrides,
    calendarYears,
  };
}
