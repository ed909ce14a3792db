// Going back to the problem list shows the last figures of that same view at once (marked as
// updating) instead of "…" for the seconds a bureau-scale count takes; other views never borrow them.
import { describe, expect, it } from 'vitest';
import { emptyProblemCounts, finishProblemCounts } from '../../../shared/problems/problemStats';
import { rememberCounts, rememberedCounts } from '../../../renderer/src/features/problems/rememberedCounts';

const countsOf = (total: number) => ({ ...finishProblemCounts(emptyProblemCounts()), total });

describe('remembered problem counts', () => {
  it('gives back the latest counts of the same view only', () => {
    rememberCounts('status=已转办|2026-11-26|{}', countsOf(12));
    rememberCounts('status=已转办|2026-11-26|{}', countsOf(11));
    expect(rememberedCounts('status=已转办|2026-11-26|{}')?.total).toBe(11);
    // The next day, or another filter, is another view: nothing to show until it is counted.
    expect(rememberedCounts('status=已转办|2026-11-27|{}')).toBeUndefined();
    expect(rememberedCounts('status=待处理|2026-11-26|{}')).toBeUndefined();
  });

  it('keeps the twenty most recently seen views and forgets the oldest', () => {
    for (let i = 0; i < 25; i += 1) rememberCounts(`view-${i}`, countsOf(i));
    rememberCounts('view-5', countsOf(5)); // seen again: becomes the newest
    rememberCounts('view-25', countsOf(25));
    expect(rememberedCounts('view-5')?.total).toBe(5);
    expect(rememberedCounts('view-6')).toBeUndefined();
    expect(rememberedCounts('view-25')?.total).toBe(25);
  });
});
