// "Today" for deadlines is the calendar day in Asia/Shanghai, whatever the laptop's time zone.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has no daylight saving time

/** The Asia/Shanghai calendar date (`YYYY-MM-DD`) of an instant. */
export function shanghaiDate(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's calendar date in Asia/Shanghai: what "today" means for every deadline and form default. */
export function today(): string {
  return shanghaiDate(new Date());
}

/**
 * An instant (ISO) as Asia/Shanghai `YYYY-MM-DD HH:mm`, whatever the laptop's time zone: when a
 * record was deleted, changed or backed up reads the same on every laptop of the bureau.
 */
export function shanghaiDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const shifted = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}
