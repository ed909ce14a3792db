// 设置 → 备份与恢复 in the browser: when to remind the officer that the last backup is old.
import { describe, expect, it } from 'vitest';
import { backupReasons } from '../../../shared/ipc';
import { backupReasonLabels, backupReminder } from '../../../renderer/src/features/exchange/backups';

const now = new Date('2026-12-10T04:00:00Z'); // 12:00 in Shanghai

describe('backupReminder', () => {
  it('reminds when there has never been a backup', () => {
    expect(backupReminder(null, now)).toMatch(/^本机数据还没有备份过/);
  });

  it('stays quiet for a backup under 7 days old, however the days fall', () => {
    expect(backupReminder({ createdAt: '2026-12-10T03:00:00Z' }, now)).toBeUndefined();
    // 6 days and 23 hours: six calendar days back in Shanghai would be the 3rd, yet not a week.
    expect(backupReminder({ createdAt: '2026-12-03T05:00:00Z' }, now)).toBeUndefined();
  });

  it('reminds from 7 full days on, saying how old and when', () => {
    expect(backupReminder({ createdAt: '2026-12-03T04:00:00Z' }, now)).toBe(
      '上次备份已是 7 天前（2026-12-03 12:00）。请点击「立即备份」，把备份文件存到 U 盘或其他电脑上。',
    );
    expect(backupReminder({ createdAt: '2026-11-01T00:00:00Z' }, now)).toMatch(/^上次备份已是 39 天前（2026-11-01 08:00）/);
  });

  it('takes a backup dated in the future (a wrong clock) as recent, and an unreadable date as none', () => {
    expect(backupReminder({ createdAt: '2027-01-01T00:00:00Z' }, now)).toBeUndefined();
    expect(backupReminder({ createdAt: 'yesterday' }, now)).toMatch(/无法识别/);
  });
});

it('names every backup reason in Chinese', () => {
  for (const reason of backupReasons) expect(backupReasonLabels[reason]).toMatch(/备份$/);
});
