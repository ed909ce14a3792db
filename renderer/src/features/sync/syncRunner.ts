// The one sync at a time, shared by 同步's button and the background timer, and the cheap check the
// timer makes on every screen. Kept apart from hubSyncRepo, which loads the exchange's package code:
// the first screen loads only this, and the sync code when a linked laptop first syncs.
import { createValueStore } from '../../components/valueStore';
import { ledgerDb } from '../../db/db';
import type { SyncProgress, SyncSummary } from './hubSyncRepo';

/** The sync running now, or null. */
export const runningSync = createValueStore<SyncProgress | null>(null);

/** How often the background sync runs while the app is open. */
export const backgroundSyncMinutes = 5;

/** Whether this laptop is linked to a hub (the key hubSyncRepo keeps its link under). */
export async function isLinkedToHub(): Promise<boolean> {
  return (await ledgerDb().syncState.get('hub')) !== undefined;
}

/** Runs one sync unless one is running; answers its summary, or undefined when it did not start. */
export async function runSync(): Promise<SyncSummary | undefined> {
  if (runningSync.get()) return undefined;
  runningSync.set({ phase: 'push', done: 0 });
  try {
    const { syncWithHub } = await import('./hubSyncRepo');
    return await syncWithHub((progress) => runningSync.set(progress));
  } finally {
    runningSync.set(null);
  }
}
