// Entering a year's holiday notice over the real Dexie schema (fake-indexeddb): the year becomes
// known, the provisional deadlines are computed again in the same transaction, and a schedule with
// faults stores nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/domain/records';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import { defaultSettings, loadSettings } from '../../../renderer/src/db/settingsStore';
import { saveNewProblem } from '../../../renderer/src/features/problems/problemRepo';
import {
  recalculateAfterCalendarUpdate,
  saveYearSchedule,
} from '../../../renderer/src/features/settings/calendarRepo';
import { makeEnterprise } from '../../fixtures/records';
import { RuleError } from '../../../shared/errors/ruleError';

const settings: Settings = { ...defaultSettings('device-test'), officerName: '张敏', officerDepartment: '区商务局' };
const yearEnd = new Date('2026-12-30T02:00:00Z');

const notice2027 = {
  year: 2027,
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-11' },
  ],
  workdays: ['2027-02-13'],
  source: '手工录入',
};

beforeEach(async () => {
  await Promise.all([db.enterprises.clear(), db.problems.clear(), db.settings.clear()]);
  await db.settings.put({ key: 'app', value: settings });
  await db.enterprises.put(makeEnterprise({ id: 'ent-0001', name: '苏州甲公司' }));
});

describe('the year-end lockout', () => {
  it('a problem raised on 30 December is saved with a provisional deadline, and firm once 2027 is entered', async () => {
    const raised = await saveNewProblem(
      { enterpriseId: 'ent-0001', raisedDate: '2026-12-30', category: '用工', description: '招工难' },
      settings,
      yearEnd,
    );
    expect(raised).toMatchObject({ replyDeadline: '2027-01-04', replyDeadlineProvisional: true });
    const earlier = await saveNewProblem(
      { enterpriseId: 'ent-0001', raisedDate: '2026-12-01', category: '用工', description: '缺电' },
      settings,
      yearEnd,
    );

    const result = await saveYearSchedule(notice2027, new Date('2027-01-02T01:00:00Z'));
    expect(result).toEqual({ recalculated: 1, stillProvisional: 0 });

    const firm = await db.problems.get(raised.id);
    expect(firm?.replyDeadline).toBe('2027-01-05'); // 31 Dec, then (1–3 Jan off) 4 and 5 Jan
    expect(firm?.replyDeadlineProvisional).toBeUndefined();
    expect(firm?.history.at(-1)?.comment).toContain('2027-01-04（待确认） → 2027-01-05');
    expect(firm?.updatedAt).toBe('2027-01-02T01:00:00.000Z');
    expect((await db.problems.get(earlier.id))?.updatedAt).toBe(yearEnd.toISOString());

    const stored = await loadSettings();
    expect(stored.calendarYears.map((y) => [y.year, y.confirmedBy])).toEqual([[2027, '张敏']]);
    expect(stored.calendarOverrides['2027-02-05']).toBe(false);
    expect(stored.calendarOverrides['2027-02-13']).toBe(true);
  });

  it('a schedule with faults is refused as a whole and nothing changes', async () => {
    const raised = await saveNewProblem(
      { enterpriseId: 'ent-0001', raisedDate: '2026-12-30', category: '用工', description: '招工难' },
      settings,
      yearEnd,
    );
    const bad = { ...notice2027, workdays: ['2027-02-06'] }; // inside the Spring Festival
    const error = await saveYearSchedule(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).issues[0]?.field).toBe('workdays.0');
    expect((await loadSettings()).calendarYears).toEqual([]);
    expect((await db.problems.get(raised.id))?.replyDeadlineProvisional).toBe(true);
  });

  it('an update of the calendar package is noticed once per year it adds', async () => {
    let remembered: string | null = null;
    const memory = { get: () => remembered, set: (v: string) => void (remembered = v) };
    expect(await recalculateAfterCalendarUpdate(memory)).toEqual({ recalculated: 0, stillProvisional: 0 });
    expect(remembered).toBe('2026');
    expect(await recalculateAfterCalendarUpdate(memory)).toBeUndefined();
  });
});
