// Working days per the State Council's yearly holiday notice, make-up working weekends included.
// The data comes from the `chinese-days` package (2004..2026 as of v1.5.7); settings add the notice
// of a year the package does not know yet (shared/calendar/yearSchedule.ts) as day overrides
// (date → true = worked, false = off), and overrides always win over the package.
//
// A year is known only when the package has it or its whole notice was entered and confirmed
// (`knownYears`); a single override day never makes a year known. A deadline that falls in (or runs
// through) an unknown year is a weekday guess: `addWorkingDaysChecked` returns it with
// `uncertain: true`, and the problem is saved with that provisional deadline (待确认).
import chineseDays from 'chinese-days';

export type CalendarOverrides = Record<string, boolean>;

const DAY_MS = 86_400_000;

/** Parses `YYYY-MM-DD` as a UTC midnight; calendar dates carry no time zone, so UTC arithmetic is exact. */
function toUtcMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar date `days` natural days after `date` (negative = before). */
export function addCalendarDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Natural days from `from` to `to` (positive when `to` is later). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return fromUtcMs(toUtcMs(value)) === value;
}

// The package re-parses the date with its own dayjs on every call; lists count 100k problems, so
// each day's answer is cached (a few thousand distinct days at most).
const packageWorkday = new Map<string, boolean>();
function packageSaysWorking(date: string): boolean {
  let known = packageWorkday.get(date);
  if (known === undefined) {
    known = chineseDays.isWorkday(date);
    packageWorkday.set(date, known);
  }
  return known;
}

const packageYears = new Map<number, boolean>();
/** True when the package holds the State Council notice for `year` (every notice has holidays). */
function packageKnowsYear(year: number): boolean {
  let known = packageYears.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    packageYears.set(year, known);
  }
  return known;
}

export function isWorkingDay(date: string, overrides: CalendarOverrides = {}): boolean {
  const override = overrides[date];
  if (override !== undefined) return override;
  return packageSaysWorking(date);
}

/**
 * Whether working days of `year` are known: the package has that year's notice, or the year's whole
 * notice was entered and confirmed (`knownYears`, from settings.calendarYears).
 */
export function calendarKnowsYear(year: number, knownYears: readonly number[] = []): boolean {
  return packageKnowsYear(year) || knownYears.includes(year);
}

/** The last year the calendar package holds a notice for (2026 for chinese-days 1.5.7). */
export function lastPackageYear(): number {
  let year = 2026;
  while (packageKnowsYear(year + 1)) year += 1;
  while (year > 2004 && !packageKnowsYear(year)) year -= 1;
  return year;
}

/** The n-th working day AFTER `start` (the start day itself is not counted); n = 0 returns `start`. */
export function addWorkingDays(start: string, n: number, overrides: CalendarOverrides = {}): string {
  return addWorkingDaysChecked(start, n, overrides, []).date;
}

export interface CheckedWorkingDay {
  date: string;
  /** True when a day on the way lies in a year the calendar does not cover: the date is a weekday guess. */
  uncertain: boolean;
}

/** `addWorkingDays`, plus whether the answer rests on a year the calendar does not know. */
export function addWorkingDaysChecked(
  start: string,
  n: number,
  overrides: CalendarOverrides = {},
  knownYears: readonly number[] = [],
): CheckedWorkingDay {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数：${n}`);
  let ms = toUtcMs(start);
  let left = n;
  let uncertain = false;
  let lastYear = -1;
  while (left > 0) {
    ms += DAY_MS;
    const date = fromUtcMs(ms);
    const year = Number(date.slice(0, 4));
    if (year !== lastYear) {
      lastYear = year;
      if (!calendarKnowsYear(year, knownYears)) uncertain = true;
    }
    if (isWorkingDay(date, overrides)) left -= 1;
  }
  return { date: fromUtcMs(ms), uncertain };
}

/**
 * Working days in the half-open range (from, to]: the count that `addWorkingDays(from, count)`
 * reaches `to` with when `to` is a working day. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, overrides: CalendarOverrides = {}): number {
  if (to < from) return -workingDaysBetween(to, from, overrides);
  let count = 0;
  const end = toUtcMs(to);
  for (let ms = toUtcMs(from) + DAY_MS; ms <= end; ms += DAY_MS) {
    if (isWorkingDay(fromUtcMs(ms), overrides)) count += 1;
  }
  return count;
}
