// CPU time (user + system) of every Chromium process of one profile, read from /proc: the browser,
// its renderers, GPU and utility processes all carry `--user-data-dir=<profile>` on their command
// line. On a shared 2-core machine wall time swings with whatever else runs; CPU time barely moves,
// so bench:load compares bulk loads on both. Linux only (elsewhere: NaN).
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

export function profileCpuMs(profileDir: string): number {
  if (!existsSync('/proc/self/stat')) return Number.NaN;
  const marker = `--user-data-dir=${profileDir}`;
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.split('\0').includes(marker)) continue;
      // Fields after the ")" closing the command name: state is field 3, utime 14, stime 15.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
