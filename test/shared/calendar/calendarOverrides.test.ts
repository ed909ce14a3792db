import { describe, expect, it } from 'vitest';
import { formatCalendarOverrides, parseCalendarOverrides } from '../../../shared/calendar/calendarOverrides';

describe('the settings text of calendar overrides', () => {
  it('reads worked and off days, ignoring blank lines and comments', () => {
    const text = '# 2027 年春节\n2027-02-06 班\n\n2027-02-08，休\n2027-02-09\t放假\n';
    expect(parseCalendarOverrides(text)).toEqual({
      overrides: { '2027-02-06': true, '2027-02-08': false, '2027-02-09': false },
      errors: [],
    });
  });
  it('names the line and the fault of every bad line', () => {
    const { errors } = parseCalendarOverrides('2027-02-30 休\n2027-02-06 加班\n2027-02-07\n2027-02-10 班\n2027-02-10 休');
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3, 5]);
    expect(errors[0]?.message).toContain('第 1 行');
    expect(errors[0]?.message).toContain('2027-02-30');
    expect(errors[1]?.message).toContain('加班');
    expect(errors[3]?.message).toContain('矛盾');
  });
  it('formats back to sorted text that parses to the same overrides', () => {
    const overrides = { '2027-10-09': true, '2027-01-01': false };
    const text = formatCalendarOverrides(overrides);
    expect(text).toBe('2027-01-01 休\n2027-10-09 班');
    expect(parseCalendarOverrides(text).overrides).toEqual(overrides);
  });
});
