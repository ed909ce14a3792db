import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  addWorkingDaysChecked,
  calendarKnowsYear,
  isWorkingDay,
  workingDaysBetween,
} from '../../../shared/calendar/workingDays';

describe('the cases in issue 4', () => {
  it('Mid-Autumn 09-25..09-27 off: 2026-09-24 + 3 working days = 2026-09-30', () => {
    expect(addWorkingDays('2026-09-24', 3)).toBe('2026-09-30');
  });
  it('Spring Festival 02-15..02-23 off: 2026-02-13 + 3 = 2026-02-25', () => {
    // 02-14 (Saturday) is a make-up working day: 02-14, 02-24, 02-25.
    expect(addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
  });
});

describe('ordinary weeks', () => {
  it('skips a plain weekend', () => {
    expect(addWorkingDays('2026-11-19', 3)).toBe('2026-11-24'); // Thu → Fri, Mon, Tue
    expect(isWorkingDay('2026-11-21')).toBe(false);
    expect(isWorkingDay('2026-11-22')).toBe(false);
    expect(isWorkingDay('2026-11-23')).toBe(true);
  });
  it('does not count the start day, even when it is a working day', () => {
    expect(addWorkingDays('2026-11-23', 1)).toBe('2026-11-24');
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
  });
  it('starting on a weekend counts from the next working day', () => {
    expect(addWorkingDays('2026-11-21', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-22', 5)).toBe('2026-11-27');
  });
});

describe('every 2026 holiday of the State Council notice', () => {
  it('元旦: 01-01..01-03 off, Sunday 01-04 worked', () => {
    expect(['2026-01-01', '2026-01-02', '2026-01-03'].map((d) => isWorkingDay(d))).toEqual([false, false, false]);
    expect(isWorkingDay('2026-01-04')).toBe(true);
    expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(addWorkingDays('2025-12-31', 3)).toBe('2026-01-06');
  });
  it('春节: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = addCalendarDays(d, 1)) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-26', 2)).toBe('2026-02-28');
    expect(addWorkingDays('2026-02-12', 5)).toBe('2026-02-26'); // 13, 14, 24, 25, 26
  });
  it('清明: 04-04..04-06 off, no make-up day', () => {
    expect(isWorkingDay('2026-04-06')).toBe(false);
    expect(addWorkingDays('2026-04-02', 2)).toBe('2026-04-07');
  });
  it('劳动节: 05-01..05-05 off, Saturday 05-09 worked', () => {
    for (let d = '2026-05-01'; d <= '2026-05-05'; d = addCalendarDays(d, 1)) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2026-05-09')).toBe(true);
    expect(addWorkingDays('2026-04-30', 1)).toBe('2026-05-06');
    expect(addWorkingDays('2026-05-07', 2)).toBe('2026-05-09');
    expect(addWorkingDays('2026-04-30', 5)).toBe('2026-05-11'); // 06, 07, 08, 09, 11
  });
  it('端午: 06-19..06-21 off', () => {
    expect(isWorkingDay('2026-06-19')).toBe(false);
    expect(addWorkingDays('2026-06-18', 1)).toBe('2026-06-22');
  });
  it('中秋: 09-25..09-27 off', () => {
    expect(isWorkingDay('2026-09-25')).toBe(false);
    expect(addWorkingDays('2026-09-24', 1)).toBe('2026-09-28');
  });
  it('国庆: 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked', () => {
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = addCalendarDays(d, 1)) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2026-09-20')).toBe(true);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-11')).toBe(false);
    expect(addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-29', 3)).toBe('2026-10-09'); // 30, 08, 09
    expect(addWorkingDays('2026-09-29', 5)).toBe('2026-10-12'); // 30, 08, 09, 10, 12
  });
});

describe('year ends', () => {
  it('2025 → 2026 uses both notices', () => {
    expect(addWorkingDays('2025-12-30', 5)).toBe('2026-01-07'); // 31, 04, 05, 06, 07
    expect(calendarKnowsYear(2025)).toBe(true);
    expect(calendarKnowsYear(2026)).toBe(true);
  });
  it('2026 → 2027 runs into a year the calendar does not know, and says so', () => {
    expect(calendarKnowsYear(2027)).toBe(false);
    const checked = addWorkingDaysChecked('2026-12-30', 3);
    expect(checked.uncertain).toBe(true);
    expect(checked.date).toBe('2027-01-04'); // weekday guess: 31, (01-01 Fri counted), 04
    expect(addWorkingDaysChecked('2026-12-21', 3)).toEqual({ date: '2026-12-24', uncertain: false });
  });
  it('overrides win over the guess, but only a confirmed notice makes 2027 known', () => {
    const overrides = { '2027-01-01': false };
    expect(calendarKnowsYear(2027)).toBe(false);
    expect(addWorkingDaysChecked('2026-12-30', 3, overrides)).toEqual({ date: '2027-01-05', uncertain: true });
    expect(calendarKnowsYear(2027, [2027])).toBe(true);
    expect(addWorkingDaysChecked('2026-12-30', 3, overrides, [2027])).toEqual({ date: '2027-01-05', uncertain: false });
  });
  it('overrides win over the package in a known year too', () => {
    expect(isWorkingDay('2026-10-10', { '2026-10-10': false })).toBe(false);
    expect(isWorkingDay('2026-11-21', { '2026-11-21': true })).toBe(true);
    expect(addWorkingDays('2026-11-20', 1, { '2026-11-21': true })).toBe('2026-11-21');
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after `from` up to and including `to`', () => {
    expect(workingDaysBetween('2026-09-24', '2026-09-30')).toBe(3);
    expect(workingDaysBetween('2026-09-30', '2026-10-09')).toBe(2);
    expect(workingDaysBetween('2026-10-09', '2026-09-30')).toBe(-2);
    expect(workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
  });
});

const date2026 = fc
  .integer({ min: 0, max: 364 - 20 })
  .map((offset) => addCalendarDays('2026-01-01', offset));

describe('properties', () => {
  it('a deadline is always a working day strictly after the start, reached in exactly n working days', () => {
    fc.assert(
      fc.property(date2026, fc.integer({ min: 1, max: 10 }), (start, n) => {
        const deadline = addWorkingDays(start, n);
        expect(deadline > start).toBe(true);
        expect(isWorkingDay(deadline)).toBe(true);
        expect(workingDaysBetween(start, deadline)).toBe(n);
      }),
    );
  });
  it('is monotone in n and in the start date', () => {
    fc.assert(
      fc.property(date2026, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 5 }), (start, n, later) => {
        expect(addWorkingDays(start, n + 1) > addWorkingDays(start, n)).toBe(true);
        expect(addWorkingDays(addCalendarDays(start, later), n) >= addWorkingDays(start, n)).toBe(true);
      }),
    );
  });
});
