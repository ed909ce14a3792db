// Before the app upgrades the database schema (a new build meeting an older laptop's database), the
// desktop app writes a backup of the database as it is, so an upgrade that went wrong loses nothing.
// The old rows are read with the bare IndexedDB schema they have, given their first version (the
// same pure backfill the upgrade runs: shared/sync/firstVersion.ts) and written as a backup package
// of today's format, so 设置 → 备份与恢复 restores it like any other backup.
import Dexie from 'dexie';
import type { LedgerApi } from '../../../shared/ipc';
import { newId } from '../../../shared/ids';
import { writeDataPackage } from '../../../shared/sync/dataPackage';
import { firstVersionOf } from '../../../shared/sync/firstVersion';
import { referenceDataOf } from '../../../shared/sync/referenceData';
import { syncedTableNames } from '../../../shared/sync/syncedTables';
import { latestSchemaVersion, type SettingsRow } from './schema';

export type PreUpgradeOutcome = 'no-database' | 'current' | 'not-automatic' | 'written';

/** The schema version the database on this laptop is at (0: none yet). */
export async function installedSchemaVersion(name: string): Promise<number> {
  if (!(await Dexie.exists(name))) return 0;
  const bare = new Dexie(name);
  try {
    await bare.open();
    return bare.verno;
  } finally {
    bare.close();
  }
}

/**
 * Writes the pre-upgrade backup when this build is about to upgrade the database (desktop app only:
 * the browser keeps no backups of its own). Throws when it cannot be written: the caller decides
 * whether to upgrade without one (main.tsx asks nobody and upgrades — the upgrade itself is one
 * transaction that leaves the old database as it was if it fails).
 */
export async function backupBeforeUpgrade(
  name: string,
  bridge: Pick<LedgerApi, 'backupStatus' | 'backupWrite'>,
  now = new Date(),
): Promise<PreUpgradeOutcome> {
  const installed = await installedSchemaVersion(name);
  if (installed === 0) return 'no-database';
  if (installed >= latestSchemaVersion) return 'current';
  if (!(await bridge.backupStatus({})).automatic) return 'not-automatic';

  const bare = new Dexie(name);
  await bare.open();
  const tables: Record<string, unknown[]> = {};
  const blobs: { id: string; blob: Blob }[] = [];
  let settings: SettingsRow['value'] | undefined;
  try {
    const present = new Set(bare.tables.map((t) => t.name));
    let changeSeq = 0;
    for (const table of syncedTableNames) {
      if (!present.has(table)) continue;
      const rows = (await bare.table(table).toArray()) as Record<string, unknown>[];
      if (rows.length === 0) continue;
      tables[table] = rows.map((row) => {
        const { changeSeq: _seq, blob, ...rest } = firstVersionOf(table, row, ++changeSeq);
        if (table === 'attachments' && blob instanceof Blob) blobs.push({ id: String(row.id), blob });
        return rest;
      });
    }
    settings = ((await bare.table('settings').get('app')) as SettingsRow | undefined)?.value;
  } finally {
    bare.close();
  }
  const attachments = await Promise.all(blobs.map(async ({ id, blob }) => ({ id, bytes: new Uint8Array(await blob.arrayBuffer()) })));
  const bytes = await writeDataPackage({
    manifest: {
      kind: 'backup',
      packageId: newId(),
      createdAt: now.toISOString(),
      device: { deviceId: settings?.deviceId || 'unknown-device' },
      officer: { name: settings?.officerName ?? '', unit: settings?.officerUnit ?? '' },
      range: { fromSeq: 0, toSeq: 0 },
    },
    tables,
    attachments,
    ...(settings
      ? {
          reference: {
            ...referenceDataOf(settings),
            officer: { name: settings.officerName ?? '', unit: settings.officerUnit ?? '', department: settings.officerDepartment ?? '' },
          },
        }
      : {}),
  });
  await bridge.backupWrite({ reason: 'upgrade', data: bytes });
  return 'written';
}
