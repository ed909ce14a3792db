// What 设置 → 备份与恢复 says about backups: each reason in Chinese, an instant as the officer reads
// it, and when to remind. The browser keeps no backups of its own (it only offers downloads), so
// there the officer has to be told when the last one is getting old. Pure.
import { shanghaiDateTime } from '../../../../shared/calendar/shanghaiDate';
import type { BackupReason } from '../../../../shared/ipc';

export const backupReasonLabels: Readonly<Record<BackupReason, string>> = {
  daily: '每日自动备份',
  upgrade: '升级前自动备份',
  merge: '合并数据包前自动备份',
  restore: '恢复备份前自动备份',
  manual: '手动备份',
};

/** A backup older than this is worth a reminder. */
export const backupReminderDays = 7;

const dayMs = 24 * 3_600_000;

/**
 * The reminder to show, or undefined when the last backup is recent enough. "Older than 7 days" is
 * counted in elapsed time, not calendar days: a backup made last Monday evening is not yet stale on
 * Monday morning. A backup dated in the future (the laptop's clock was wrong) is taken as recent:
 * nagging cannot fix a clock.
 */
export function backupReminder(latest: { createdAt: string } | null, now: Date): string | undefined {
  if (!latest) return '本机数据还没有备份过。请点击「立即备份」，把备份文件存到 U 盘或其他电脑上。';
  const made = Date.parse(latest.createdAt);
  if (Number.isNaN(made)) return '上次备份的时间无法识别，请点击「立即备份」重新备份一次。';
  const days = Math.floor((now.getTime() - made) / dayMs);
  if (days < backupReminderDays) return undefined;
  return `上次备份已是 ${days} 天前（${shanghaiDateTime(latest.createdAt)}）。请点击「立即备份」，把备份文件存到 U 盘或其他电脑上。`;
}
