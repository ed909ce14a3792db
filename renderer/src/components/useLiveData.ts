// The one way a screen loads data: keyed, live and cancellable. `load` runs for the key; it runs
// again when the key changes or when a table it read changes (Dexie's liveQuery watches what the
// query touched), so every screen shows a write the moment it lands — its own, another screen's, an
// import's. While a new key loads, the value for the last key is kept and marked stale (the screen
// can dim it instead of flashing empty); an answer for a key no longer asked for is never shown.
import { useLiveQuery } from 'dexie-react-hooks';

export interface LiveData<T> {
  /** The value for the current key, or the last key's while `stale`; undefined before any answer. */
  value: T | undefined;
  /** True while the value shown belongs to an earlier key (or none has arrived yet). */
  stale: boolean;
}

export function useLiveData<T>(load: () => Promise<T> | T, key: readonly unknown[]): LiveData<T> {
  const keyText = JSON.stringify(key);
  // The querier closes over `load` for this key; the key (not the function identity) decides re-runs.
  const answer = useLiveQuery(async () => ({ keyText, value: await load() }), [keyText]);
  return { value: answer?.value, stale: answer === undefined || answer.keyText !== keyText };
}
