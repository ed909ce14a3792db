// The desktop app's daily backup: on the first start of a day (Asia/Shanghai) the whole ledger is
// written to <userData>/backups, where the newest 14 are kept. It runs in the background after the
// database opens and never stops the officer working: a failure is logged and said once, quietly.
// The browser keeps no backups of its own (backupStatus().automatic is false): there 设置 reminds.
import type { LedgerApi } from '../../../../shared/ipc';
import { describeError } from '../../../../shared/errors/describeError';
import { buildBackup, type BuiltPackage } from './exchangeRepo';

export type DailyBackupOutcome = 'written' | 'not-automatic' | 'done-today' | 'empty' | 'failed';

export interface DailyBackupDeps {
  bridge: Pick<LedgerApi, 'backupStatus' | 'backupWrite'>;
  build: () => Promise<Pick<BuiltPackage, 'bytes' | 'manifest'>>;
  /** A non-blocking notice for the officer (a toast), only on failure. */
  notify: (text: string) => void;
  log: (text: string, error: unknown) => void;
}

/** `bridge` is window.api (bridge/api.ts), passed in by main.tsx so that this runs under Node too. */
export async function runDailyBackup(deps: Pick<DailyBackupDeps, 'bridge'> & Partial<DailyBackupDeps>): Promise<DailyBackupOutcome> {
  const { bridge } = deps;
  const build = deps.build ?? (() => buildBackup());
  const log = deps.log ?? ((text, error) => console.error(text, error));
  const notify = deps.notify ?? (() => {});
  try {
    const status = await bridge.backupStatus({});
    if (!status.automatic) return 'not-automatic';
    if (status.dailyDoneToday) return 'done-today';
    const backup = await build();
    // An empty ledger has nothing to protect, and its backup would push a real one out of the 14 kept
    // (a laptop whose database was lost opens empty every day until it is restored).
    if (Object.values(backup.manifest.counts).every((count) => count === 0)) return 'empty';
    await bridge.backupWrite({ reason: 'daily', data: backup.bytes });
    return 'written';
  } catch (error) {
    log('每日自动备份失败', error);
    notify(`今天的自动备份没有完成：${describeError(error).replace(/[。.]$/, '')}。可在“设置 → 备份与恢复”中点击“立即备份”。`);
    return 'failed';
  }
}
