// The one database instance the renderer uses.
import { LedgerDatabase } from './schema';

export const db = new LedgerDatabase();
