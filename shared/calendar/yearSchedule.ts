// A year's State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知), entered by the
// officer or sent round by the bureau before the calendar package knows that year. The notice is
// stored as it reads — holiday ranges and make-up working days (调休上班) — and only a notice the
// officer confirmed complete makes the year "known": a single override day never does, or the
// Spring Festival of an unknown year would silently count as working days. Pure.
import { z } from 'zod';
import { addCalendarDays, isCalendarDate, type CalendarOverrides } from './workingDays';

export const holidayRangeSchema = z.object({
  /** 元旦, 春节, … as the notice names it. */
  name: z.string().trim().min(1, '请填写节日名称').max(20, '节日名称不超过 20 个字'),
  from: z.string(),
  to: z.string(),
});
export type HolidayRange = z.infer<typeof holidayRangeSchema>;

export const yearScheduleSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  holidays: z.array(holidayRangeSchema),
  /** Make-up working days (调休上班), usually weekends. */
  workdays: z.array(z.string()),
  /** Who confirmed the schedule complete, and when (ISO instant). */
  confirmedBy: z.string().default(''),
  confirmedAt: z.string().default(''),
  /** Where it came from: 手工录入, a file name, or a data package. */
  source: z.string().default('手工录入'),
});
export type YearSchedule = z.infer<typeof yearScheduleSchema>;

/** The seven statutory holidays, in the notice's order: the form starts with one row each. */
export const statutoryHolidayNames = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

export interface ScheduleIssue {
  /** `holidays.2.to`, `workdays.1`, `year`, … */
  field: string;
  message: string;
}

const weekdayNames = ['日', '一', '二', '三', '四', '五', '六'];

export function weekdayOf(date: string): string {
  return weekdayNames[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** Every day of a holiday range, inclusive. */
function daysOf(range: HolidayRange): string[] {
  const days: string[] = [];
  for (let d = range.from; d <= range.to && days.length < 40; d = addCalendarDays(d, 1)) days.push(d);
  return days;
}

/**
 * Checks a schedule the way a careful clerk would: every date valid and in the year (元旦 may start
 * on 31 December of the year before; a range may run into January), ranges in order and not
 * overlapping, make-up days not inside a holiday, at least one holiday. Returns every issue, each
 * naming its row; an empty list means the schedule can be saved.
 */
export function checkYearSchedule(schedule: Pick<YearSchedule, 'year' | 'holidays' | 'workdays'>): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  const { year } = schedule;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    issues.push({ field: 'year', message: '年份应在 2000–2100 之间' });
    return issues;
  }
  const earliest = `${year - 1}-12-01`;
  const latest = `${year + 1}-01-31`;
  if (schedule.holidays.length === 0) {
    issues.push({ field: 'holidays', message: `请至少填写一个放假安排（${year} 年通知中的节日）` });
  }
  const offDays = new Map<string, number>();
  schedule.holidays.forEach((h, i) => {
    const row = `第 ${i + 1} 个节日${h.name.trim() ? `（${h.name.trim()}）` : ''}`;
    if (h.name.trim() === '') issues.push({ field: `holidays.${i}.name`, message: `${row}：请填写节日名称` });
    const fromOk = isCalendarDate(h.from);
    const toOk = isCalendarDate(h.to);
    if (!fromOk) issues.push({ field: `holidays.${i}.from`, message: `${row}：放假起始日期无效` });
    if (!toOk) issues.push({ field: `holidays.${i}.to`, message: `${row}：放假结束日期无效` });
    if (!fromOk || !toOk) return;
    if (h.to < h.from) {
      issues.push({ field: `holidays.${i}.to`, message: `${row}：结束日期 ${h.to} 早于起始日期 ${h.from}` });
      return;
    }
    if (h.from < earliest || h.to > latest || (h.from.slice(0, 4) !== String(year) && h.to.slice(0, 4) !== String(year))) {
      issues.push({ field: `holidays.${i}.from`, message: `${row}：${h.from} 至 ${h.to} 不在 ${year} 年` });
      return;
    }
    const days = daysOf(h);
    if (days.length > 15) {
      issues.push({ field: `holidays.${i}.to`, message: `${row}：连续放假 ${days.length} 天，超过 15 天，请检查日期` });
      return;
    }
    for (const day of days) {
      const other = offDays.get(day);
      if (other !== undefined) {
        issues.push({ field: `holidays.${i}.from`, message: `${row}：与第 ${other + 1} 个节日在 ${day} 重叠` });
        return;
      }
      offDays.set(day, i);
    }
  });
  const seen = new Set<string>();
  schedule.workdays.forEach((day, i) => {
    const row = `第 ${i + 1} 个调休上班日`;
    if (!isCalendarDate(day)) {
      issues.push({ field: `workdays.${i}`, message: `${row}：日期“${day}”无效，应为 YYYY-MM-DD` });
      return;
    }
    if (day < earliest || day > latest) {
      issues.push({ field: `workdays.${i}`, message: `${row}：${day} 不在 ${year} 年` });
      return;
    }
    if (seen.has(day)) {
      issues.push({ field: `workdays.${i}`, message: `${row}：${day} 重复` });
      return;
    }
    seen.add(day);
    const holiday = offDays.get(day);
    if (holiday !== undefined) {
      issues.push({ field: `workdays.${i}`, message: `${row}：${day} 同时在第 ${holiday + 1} 个节日的放假日期内` });
      return;
    }
    if (!isWeekend(day)) {
      issues.push({
        field: `workdays.${i}`,
        message: `${row}：${day} 是星期${weekdayOf(day)}，本来就上班；调休上班日应为周六或周日`,
      });
    }
  });
  return issues;
}

/**
 * The statutory holidays a schedule does not name (by name, 节 optional: 国庆 = 国庆节). A notice
 * always has all seven; one missing usually means a line was not pasted.
 */
export function missingStatutoryHolidays(holidays: readonly Pick<HolidayRange, 'name'>[]): string[] {
  const names = holidays.map((h) => h.name.replace(/\s/g, ''));
  return statutoryHolidayNames.filter((statutory) => {
    const stem = statutory.replace(/节$/, '');
    return !names.some((name) => name.includes(stem));
  });
}

/** The schedule as day overrides: holidays off, make-up days worked. */
export function scheduleDays(schedule: Pick<YearSchedule, 'holidays' | 'workdays'>): CalendarOverrides {
  const days: CalendarOverrides = {};
  for (const h of schedule.holidays) {
    if (!isCalendarDate(h.from) || !isCalendarDate(h.to)) continue;
    for (const day of daysOf(h)) days[day] = false;
  }
  for (const day of schedule.workdays) if (isCalendarDate(day)) days[day] = true;
  return days;
}

/**
 * The settings' day overrides after a year's schedule replaces that year: the year's earlier
 * single-day entries go (the notice is the whole truth for its year), other years' stay.
 */
export function overridesWithSchedule(overrides: CalendarOverrides, schedule: YearSchedule): CalendarOverrides {
  const replaced = scheduleDays(schedule);
  const next: CalendarOverrides = {};
  for (const [day, worked] of Object.entries(overrides)) {
    if (day.startsWith(`${schedule.year}-`) || day in replaced) continue;
    next[day] = worked;
  }
  return { ...next, ...replaced };
}

/** The years whose schedule the officer (or the bureau) entered and confirmed complete. */
export function confirmedYears(schedules: readonly Pick<YearSchedule, 'year'>[] | undefined): number[] {
  return (schedules ?? []).map((s) => s.year).sort((a, b) => a - b);
}

/** Replaces (or adds) one year's schedule in the list, kept sorted by year. */
export function withYearSchedule(schedules: readonly YearSchedule[], schedule: YearSchedule): YearSchedule[] {
  return [...schedules.filter((s) => s.year !== schedule.year), schedule].sort((a, b) => a.year - b.year);
}

// ---- reading a notice's text ------------------------------------------------------------------

/**
 * Reads the holiday lines of a State Council notice as pasted from the government website, e.g.
 *   一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。1月4日（周一）上班。
 *   二、春节：2月5日（周五）至13日（周六）放假调休，共9天。2月6日（周六）、2月14日（周日）上班。
 *   三、清明节：4月5日（周一）放假，与周末连休。
 * Dates without a year belong to `year`, except a December date in 元旦's line (the year before).
 * Lines it cannot read are returned, so nothing in the notice is dropped silently.
 */
export function parseNoticeText(
  text: string,
  year: number,
): { holidays: HolidayRange[]; workdays: string[]; unreadLines: string[] } {
  const holidays: HolidayRange[] = [];
  const workdays: string[] = [];
  const unreadLines: string[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  const dateOf = (month: number, day: number, name: string) => {
    const y = month === 12 && name.includes('元旦') ? year - 1 : year;
    return `${y}-${pad(month)}-${pad(day)}`;
  };
  // A notice pasted as one paragraph still starts each holiday with "二、" after a full stop (the
  // lunar dates inside a line, "腊月二十八、周日", do not follow one).
  for (const raw of text.split(/\r?\n|(?<=。)\s*(?=[一二三四五六七八九十]+、)/)) {
    const original = raw.trim();
    const line = original.normalize('NFKC');
    if (line === '') continue;
    const head = /^(?:[一二三四五六七八九十]+、)?\s*([^:：]{1,12})[:：](.*)$/.exec(line);
    if (!head) {
      if (/\d+月\d+日/.test(line)) unreadLines.push(original);
      continue;
    }
    const name = (head[1] ?? '').replace(/\s/g, '');
    const body = head[2] ?? '';
    // The holiday: "M月D日(...)至[M月]D日(...)放假" or a single "M月D日(...)放假".
    const range = /(\d{1,2})月(\d{1,2})日(?:\([^)]*\))?(?:至(?:(\d{1,2})月)?(\d{1,2})日(?:\([^)]*\))?)?[^。;；]*?放假/.exec(body);
    if (!range) {
      unreadLines.push(original);
      continue;
    }
    const fromMonth = Number(range[1]);
    const from = dateOf(fromMonth, Number(range[2]), name);
    const toMonth = range[3] ? Number(range[3]) : fromMonth;
    let to = range[4] ? dateOf(toMonth, Number(range[4]), name) : from;
    // "12月31日至1月2日": the range runs into the notice's own year.
    if (to < from && toMonth < fromMonth) to = `${year}-${pad(toMonth)}-${pad(Number(range[4]))}`;
    holidays.push({ name, from, to });
    // Make-up days: every "M月D日(周X)" in the part that ends with 上班.
    const rest = body.slice((range.index ?? 0) + range[0].length);
    const workPart = /([^。]*?)上班/.exec(rest);
    if (workPart) {
      for (const m of (workPart[1] ?? '').matchAll(/(\d{1,2})月(\d{1,2})日/g)) {
        workdays.push(dateOf(Number(m[1]), Number(m[2]), name));
      }
    }
  }
  return { holidays, workdays: [...new Set(workdays)].sort(), unreadLines };
}

// ---- the files a bureau sends round -------------------------------------------------------------

/** The JSON file the app writes and reads: `{ "format": "visit-ledger/year-schedule", ... }`. */
export const yearScheduleFileFormat = 'visit-ledger/year-schedule';

const scheduleFileSchema = z.object({
  format: z.literal(yearScheduleFileFormat),
  version: z.literal(1),
  year: z.number().int(),
  holidays: z.array(holidayRangeSchema).max(40),
  workdays: z.array(z.string()).max(40),
});

export function yearScheduleFileText(schedule: Pick<YearSchedule, 'year' | 'holidays' | 'workdays'>): string {
  const file = {
    format: yearScheduleFileFormat,
    version: 1,
    year: schedule.year,
    holidays: schedule.holidays,
    workdays: schedule.workdays,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ReadScheduleResult =
  | { ok: true; schedule: Pick<YearSchedule, 'year' | 'holidays' | 'workdays'> }
  | { ok: false; message: string };

/** The largest schedule file read: a year's notice is a few hundred bytes; an .ics of several years some KB. */
export const MAX_SCHEDULE_FILE_CHARS = 512 * 1024;

/**
 * Reads a schedule file: the app's JSON, or an iCalendar (.ics) holiday calendar as the common
 * Chinese holiday feeds publish it (all-day VEVENTs; a SUMMARY with 班 marks a make-up working
 * day, any other a holiday). Only the events of `year` are taken from an .ics covering several.
 */
export function readYearScheduleFile(text: string, year: number): ReadScheduleResult {
  if (text.length > MAX_SCHEDULE_FILE_CHARS) return { ok: false, message: '文件过大（超过 512 KB），不是放假安排文件' };
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      return { ok: false, message: 'JSON 文件格式错误，无法读取' };
    }
    const parsed = scheduleFileSchema.safeParse(data);
    if (!parsed.success) return { ok: false, message: '不是本系统导出的放假安排文件（缺少年份、节日或调休上班日）' };
    if (parsed.data.year !== year) {
      return { ok: false, message: `文件中是 ${parsed.data.year} 年的放假安排，不是 ${year} 年` };
    }
    return { ok: true, schedule: { year, holidays: parsed.data.holidays, workdays: parsed.data.workdays } };
  }
  if (/^BEGIN:VCALENDAR/i.test(trimmed)) return readIcs(trimmed, year);
  return { ok: false, message: '无法识别的文件：请选择本系统导出的 .json 或 .ics 节假日日历' };
}

function icsDate(value: string | undefined): string | undefined {
  const m = /(\d{4})(\d{2})(\d{2})/.exec(value ?? '');
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  return isCalendarDate(date) ? date : undefined;
}

function readIcs(text: string, year: number): ReadScheduleResult {
  // Unfold continued lines (RFC 5545: CRLF followed by a space or tab).
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const holidays: HolidayRange[] = [];
  const workdays: string[] = [];
  let event: Record<string, string> | undefined;
  for (const line of lines) {
    if (/^BEGIN:VEVENT/i.test(line)) event = {};
    else if (/^END:VEVENT/i.test(line)) {
      if (event) {
        const from = icsDate(event.DTSTART);
        const endExclusive = icsDate(event.DTEND);
        const summary = (event.SUMMARY ?? '').replace(/\\,/g, ',').trim();
        if (from) {
          const to = endExclusive && endExclusive > from ? addCalendarDays(endExclusive, -1) : from;
          const inYear = from.startsWith(`${year}-`) || to.startsWith(`${year}-`);
          if (inYear) {
            if (/班/.test(summary)) {
              for (let d = from; d <= to; d = addCalendarDays(d, 1)) workdays.push(d);
            } else {
              const name = summary.replace(/\s*(假期|放假|休息?).*$/, '').replace(/\s*第\d+天.*$/, '').trim() || '节假日';
              holidays.push({ name, from, to });
            }
          }
        }
      }
      event = undefined;
    } else if (event) {
      const colon = line.indexOf(':');
      if (colon > 0) {
        const key = (line.slice(0, colon).split(';')[0] ?? '').toUpperCase();
        event[key] = line.slice(colon + 1);
      }
    }
  }
  const merged = mergeAdjacentRanges(holidays);
  if (merged.length === 0) return { ok: false, message: `日历文件中没有 ${year} 年的节假日` };
  return { ok: true, schedule: { year, holidays: merged, workdays: [...new Set(workdays)].sort() } };
}

/** Feeds that publish one event a day ("春节 第1天") become one range per holiday. */
function mergeAdjacentRanges(ranges: HolidayRange[]): HolidayRange[] {
  const sorted = [...ranges].sort((a, b) => a.from.localeCompare(b.from));
  const out: HolidayRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.name === r.name && addCalendarDays(last.to, 1) >= r.from) {
      if (r.to > last.to) last.to = r.to;
    } else out.push({ ...r });
  }
  return out;
}
