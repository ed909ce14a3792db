// The settings page's text form of the calendar overrides: one day per line, `YYYY-MM-DD 班` (a
// make-up working day) or `YYYY-MM-DD 休` (a day off). The officer types a new year's State Council
// notice in before the calendar package knows it. Pure, so the settings page and tests share it.
import { isCalendarDate, type CalendarOverrides } from './workingDays';

export interface OverrideLineError {
  /** 1-based line number in the text. */
  line: number;
  message: string;
}

export interface ParsedOverrides {
  overrides: CalendarOverrides;
  errors: OverrideLineError[];
}

const WORKED = new Set(['班', '上班', '工作日', '补班', 'true', '1']);
const OFF = new Set(['休', '放假', '休息', '假', 'false', '0']);

/**
 * Parses the override text. Blank lines and lines starting with `#` are ignored; separators may be
 * spaces, tabs, commas or a Chinese comma. Every bad line is reported (row number + Chinese reason);
 * the caller saves nothing while `errors` is not empty.
 */
export function parseCalendarOverrides(text: string): ParsedOverrides {
  const overrides: CalendarOverrides = {};
  const errors: OverrideLineError[] = [];
  const seenOn = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const parts = trimmed.split(/[\s,，、]+/).filter(Boolean);
    if (parts.length !== 2) {
      errors.push({ line, message: `第 ${line} 行：应为“日期 班”或“日期 休”，例如 2027-02-06 班` });
      return;
    }
    const [date, kind] = parts as [string, string];
    if (!isCalendarDate(date)) {
      errors.push({ line, message: `第 ${line} 行：日期“${date}”无效，应为 YYYY-MM-DD` });
      return;
    }
    let worked: boolean;
    if (WORKED.has(kind)) worked = true;
    else if (OFF.has(kind)) worked = false;
    else {
      errors.push({ line, message: `第 ${line} 行：“${kind}”应为“班”（上班）或“休”（放假）` });
      return;
    }
    const earlier = seenOn.get(date);
    if (earlier !== undefined && overrides[date] !== worked) {
      errors.push({ line, message: `第 ${line} 行：${date} 与第 ${earlier} 行矛盾` });
      return;
    }
    seenOn.set(date, line);
    overrides[date] = worked;
  });
  return { overrides, errors };
}

/** The overrides as text, sorted by date, for the settings page's text box. */
export function formatCalendarOverrides(overrides: CalendarOverrides): string {
  return Object.keys(overrides)
    .sort()
    .map((date) => `${date} ${overrides[date] ? '班' : '休'}`)
    .join('\n');
}
