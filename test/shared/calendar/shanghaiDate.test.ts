// Times shown to the officer are on the Shanghai clock whatever the laptop's time zone (a laptop set
// to UTC showed 回收站's deletions eight hours early, on the day before).
import { describe, expect, it } from 'vitest';
import { shanghaiDate, shanghaiDateTime } from '../../../shared/calendar/shanghaiDate';

describe('shanghaiDateTime', () => {
  it('shows an instant on the Shanghai clock, crossing midnight and the year', () => {
    expect(shanghaiDateTime('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
    expect(shanghaiDateTime('2026-12-04T16:28:00.000Z')).toBe('2026-12-05 00:28');
    expect(shanghaiDate(new Date('2026-12-04T16:28:00.000Z'))).toBe('2026-12-05');
  });

  it('leaves a text that is not an instant as it is', () => {
    expect(shanghaiDateTime('yesterday')).toBe('yesterday');
  });
});
