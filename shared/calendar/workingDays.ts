// STUB (signatures fixed; the problems helper replaces the bodies with the chinese-days calendar).
export type CalendarOverrides = Record<string, boolean>;

export function isWorkingDay(date: string, overrides: CalendarOverrides = {}): boolean {
  if (date in overrides) return overrides[date] === true;
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

export function addWorkingDays(start: string, n: number, overrides: CalendarOverrides = {}): string {
  let current = start;
  let left = n;
  while (left > 0) {
    const next = new Date(`${current}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    current = next.toISOString().slice(0, 10);
    if (isWorkingDay(current, overrides)) left -= 1;
  }
  return current;
}
