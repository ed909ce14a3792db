// Counting the problems reads every matching one: a few seconds at bureau scale (100,000 problems).
// Going to a problem and back to the list, or back to the first screen, would show "…" for those
// seconds each time. So the last counts of each view (filters, day, calendar) are kept for the
// session and shown at once, marked as updating, while the fresh count runs; the fresh one always
// replaces them. Only the figures are reused — the rows under the tabs always come from the fresh
// count, so a problem answered meanwhile is never listed as due.
import { useEffect } from 'react';
import type { ProblemCounts } from '../../../../shared/problems/problemStats';

const kept = new Map<string, ProblemCounts>();
/** A handful of views is what an officer moves between; older ones are dropped. */
const keptViews = 20;

export function rememberCounts(key: string, counts: ProblemCounts): void {
  kept.delete(key);
  kept.set(key, counts);
  while (kept.size > keptViews) kept.delete(kept.keys().next().value!);
}

export function rememberedCounts(key: string): ProblemCounts | undefined {
  return kept.get(key);
}

/** The fresh counts when there are any, else the ones last seen for this view (`stale`). */
export function useRememberedCounts(key: string, fresh: ProblemCounts | undefined): { counts?: ProblemCounts; stale: boolean } {
  useEffect(() => {
    if (fresh) rememberCounts(key, fresh);
  }, [key, fresh]);
  if (fresh) return { counts: fresh, stale: false };
  const last = rememberedCounts(key);
  return { counts: last, stale: last !== undefined };
}
