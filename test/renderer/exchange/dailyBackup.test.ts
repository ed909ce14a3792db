// The desktop app's daily backup at start: written once a day, never in the browser, never for an
// empty ledger, and a failure is a notice, not a crash.
import { describe, expect, it } from 'vitest';
import type { BackupReason, IpcResult } from '../../../shared/ipc';
import { runDailyBackup, type DailyBackupDeps } from '../../../renderer/src/features/exchange/dailyBackup';

function harness(status: Partial<IpcResult<'backupStatus'>>, counts: Record<string, number> = { enterprises: 3 }) {
  const written: BackupReason[] = [];
  const notices: string[] = [];
  const deps: DailyBackupDeps = {
    bridge: {
      backupStatus: async () => ({ automatic: true, today: '2026-12-03', dailyDoneToday: false, latest: null, ...status }),
      backupWrite: async ({ reason, data }) => {
        written.push(reason);
        return { fileName: `走访台账备份-20261203-090000-01-${reason}.vlpkg`, size: data.byteLength, createdAt: '2026-12-03T01:00:00.000Z', reason };
      },
    },
    build: async () => ({ bytes: new Uint8Array([1, 2, 3]), manifest: { kind: 'backup', counts, range: { fromSeq: 0, toSeq: 9 } } }),
    notify: (text) => notices.push(text),
    log: () => {},
  };
  return { deps, written, notices };
}

describe('runDailyBackup', () => {
  it('writes a daily backup on the first start of the day in the desktop app', async () => {
    const { deps, written, notices } = harness({});
    expect(await runDailyBackup(deps)).toBe('written');
    expect(written).toEqual(['daily']);
    expect(notices).toEqual([]);
  });

  it('writes nothing when today’s backup exists, in the browser, or for an empty ledger', async () => {
    for (const [status, counts, outcome] of [
      [{ dailyDoneToday: true }, undefined, 'done-today'],
      [{ automatic: false }, undefined, 'not-automatic'],
      [{}, {}, 'empty'],
    ] as const) {
      const { deps, written } = harness(status, counts);
      expect(await runDailyBackup(deps)).toBe(outcome);
      expect(written).toEqual([]);
    }
  });

  it('turns a failure into one notice that says what to do, and never throws', async () => {
    const { deps, notices } = harness({});
    deps.bridge.backupWrite = async () => {
      throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    };
    expect(await runDailyBackup(deps)).toBe('failed');
    expect(notices).toEqual([
      '今天的自动备份没有完成：本机磁盘空间不足，未能写入。已保存的数据没有改动；请清理磁盘空间后重试。可在“设置 → 备份与恢复”中点击“立即备份”。',
    ]);
  });
});
