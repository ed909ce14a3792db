// The one provider of the database the repositories act on. The app uses one database all its life;
// tests that simulate several laptops (merge, restore) open more and switch the provider between
// them, while the merge and restore functions take both databases as parameters.
import { LedgerDatabase } from './schema';

let current = new LedgerDatabase();

/** The database the repositories act on now. */
export function ledgerDb(): LedgerDatabase {
  return current;
}

/** Makes `next` the database the repositories act on; returns the one it replaces. */
export function switchLedgerDb(next: LedgerDatabase): LedgerDatabase {
  const previous = current;
  current = next;
  return previous;
}
