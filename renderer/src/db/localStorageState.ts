// The browser keeps IndexedDB "best effort" unless asked: under disk pressure it may evict a whole
// origin's data without a word. A day of visits must not go that way, so the app asks for
// persistent storage when it starts, and settings show how much room the data takes and whether
// the request was granted (Electron grants it; a browser may ask or refuse).

export interface LocalStorageState {
  /** Bytes used by this app's data, and the most the browser lets it use (undefined if unknown). */
  usage?: number;
  quota?: number;
  /** true when the data cannot be evicted; undefined where the browser has no such API. */
  persisted?: boolean;
}

export async function requestPersistentStorage(): Promise<boolean | undefined> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return undefined;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false; // a refusal is shown in settings, never an error at start
  }
}

export async function readLocalStorageState(): Promise<LocalStorageState> {
  const storage = globalThis.navigator?.storage;
  if (!storage) return {};
  const [estimate, persisted] = await Promise.all([
    storage.estimate ? storage.estimate().catch(() => undefined) : undefined,
    storage.persisted ? storage.persisted().catch(() => undefined) : undefined,
  ]);
  return { usage: estimate?.usage, quota: estimate?.quota, persisted };
}

/** 1536 → "1.5 KB"; sizes as the officer's file manager shows them. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
