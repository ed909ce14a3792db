// The bridge's backup methods over BackupStore. The folder, the clock and the file operations come in
// as parameters (electron/ipcHandlers.ts passes `<userData>/backups`, the real clock and Node's fs), so
// the handlers run under Node in tests with a temp folder and a disk that fills up.
import type { IpcHandlers } from '../ipcRegistry';
import { BackupStore, type BackupFs } from './backupStore';

export type BackupMethods = Pick<IpcHandlers, 'backupWrite' | 'backupList' | 'backupRead' | 'backupStatus'>;

export interface BackupHandlerDeps {
  /** The folder the backups live in; created on the first write. */
  backupDir: string;
  now: () => Date;
  /** Node's fs unless a test replaces it. */
  fs?: BackupFs;
}

export function createBackupHandlers(deps: BackupHandlerDeps): BackupMethods {
  const store = new BackupStore(deps.backupDir, deps.now, deps.fs);
  return {
    backupWrite: ({ reason, data }) => store.write(reason, data),
    backupList: () => store.list(),
    backupRead: ({ fileName }) => store.read(fileName),
    backupStatus: () => store.status(),
  };
}
