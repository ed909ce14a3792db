// Open-problem counts for the rows on screen only: looked up by the problems' enterpriseId index
// as rows scroll into view, and remembered until the list reloads.
import { useEffect, useState } from 'react';
import { openProblemCounts } from './enterpriseRepo';

export function useOpenProblemCounts(visibleIds: readonly string[], reloadToken: number): ReadonlyMap<string, number> {
  const [counts, setCounts] = useState<{ token: number; map: Map<string, number> }>({ token: reloadToken, map: new Map() });
  const known = counts.token === reloadToken ? counts.map : undefined;
  const missingKey = visibleIds.filter((id) => !known?.has(id)).join(',');

  useEffect(() => {
    if (!missingKey) return;
    let cancelled = false;
    // A short pause, so fast scrolling past rows does not query each of them.
    const timer = setTimeout(() => {
      void openProblemCounts(missingKey.split(',')).then((found) => {
        if (cancelled) return;
        setCounts((before) => {
          const map = new Map(before.token === reloadToken ? before.map : undefined);
          for (const [id, n] of found) map.set(id, n);
          return { token: reloadToken, map };
        });
      });
    }, 80);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [missingKey, reloadToken]);

  return known ?? new Map();
}
