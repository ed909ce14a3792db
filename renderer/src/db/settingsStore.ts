// The officer's settings: one row, created with the docs/design.md defaults and a fresh device id the
// first time the app opens on a laptop. The device id never changes afterwards: merges rely on it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { settingsSchema, type Settings } from '../../../shared/domain/records';
import { newId } from '../../../shared/ids';
import { defaultDepartments } from '../../../shared/reference/departments';
import { defaultProblemCategories } from '../../../shared/reference/problemCategories';
import { defaultTownAliases, defaultTowns } from '../../../shared/reference/towns';
import { defaultVisitTypes } from '../../../shared/reference/visitTypes';
import { ledgerDb } from './db';
import type { LedgerDatabase } from './schema';
import { parseOrRefuse } from '../../../shared/errors/ruleError';
import { actorOf, type Actor } from '../../../shared/domain/actor';

export function defaultSettings(deviceId: string = newId()): Settings {
  return {
    officerName: '',
    officerUnit: '',
    officerDepartment: '',
    deviceId,
    towns: [...defaultTowns],
    departments: [...defaultDepartments],
    categories: [...defaultProblemCategories],
    visitTypes: [...defaultVisitTypes],
    calendarOverrides: {},
    townAliases: { ...defaultTownAliases },
    calendarYears: [],
  };
}

/**
 * Reads the settings of `database`, creating them (with a new device id) on first use. Runs inside
 * the caller's transaction when there is one (the write path reads the acting officer this way).
 */
export async function readOrCreateSettings(database: LedgerDatabase): Promise<Settings> {
  return database.transaction('rw', database.settings, async () => {
    const row = await database.settings.get('app');
    if (row) return row.value;
    const created = defaultSettings();
    await database.settings.put({ key: 'app', value: created });
    return created;
  });
}

/** Reads the settings, creating them (with a new device id) on first use. */
export async function loadSettings(): Promise<Settings> {
  return readOrCreateSettings(ledgerDb());
}

export async function saveSettings(next: Settings): Promise<void> {
  const parsed = parseOrRefuse(settingsSchema, next);
  await ledgerDb().settings.put({ key: 'app', value: parsed });
}

/** The officer acting on this laptop, from the settings (created on first use). */
export async function currentActor(): Promise<Actor> {
  return actorOf(await loadSettings());
}

/**
 * Saves some fields of the settings over what is stored now, in one transaction: the settings page
 * saves each field as it changes, and must not put back a stale copy of the fields it did not touch
 * (the calendar card saves its own fields alongside). The device id never changes.
 */
export async function updateSettings(patch: Partial<Omit<Settings, 'deviceId'>>): Promise<Settings> {
  const db = ledgerDb();
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get('app');
    const current = row?.value ?? defaultSettings();
    const next = parseOrRefuse(settingsSchema, { ...current, ...patch, deviceId: current.deviceId });
    await db.settings.put({ key: 'app', value: next });
    return next;
  });
}

let lastSeenRow: { key: string; value: Settings } | null | undefined;

/**
 * Live settings for components; undefined until the first read resolves. Creates the defaults when
 * the row is missing: a screen opened straight from a link on a new laptop must not wait for
 * another screen to create them.
 */
export function useSettings(): Settings | undefined {
  const row = useLiveQuery(
    () => ledgerDb().settings.get('app').then((found) => (lastSeenRow = found ?? null)),
    [],
    // A screen opened again starts from the settings last read (the live query corrects them at
    // once if they changed): otherwise every screen keyed on them — the problem counts remembered
    // per view — would wait behind whatever IndexedDB work is still running at bureau scale.
    lastSeenRow,
  );
  useEffect(() => {
    if (row === null) void loadSettings();
  }, [row]);
  return row?.value;
}
