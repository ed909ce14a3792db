// Open-problem counts for the rows on screen only, looked up by the problems' enterpriseId index as
// rows scroll into view; live, so an answered or a new problem changes the count at once. While the
// counts of newly shown rows load, the rows seen before keep theirs.
import { useLiveData } from '../../components/useLiveData';
import { openProblemCounts } from './enterpriseRepo';

export function useOpenProblemCounts(visibleIds: readonly string[]): ReadonlyMap<string, number> {
  const { value } = useLiveData(() => openProblemCounts(visibleIds), [visibleIds.join(',')]);
  return value ?? new Map();
}
