// The officer reads Chinese, not the browser's English, when the laptop's database refuses a write.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeError, diskFullMessage, isDiskFull } from '../../../shared/errors/describeError';

describe('describeError', () => {
  it('says the disk is full for the quota error however it is wrapped', () => {
    const fromBrowser = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(describeError(fromBrowser)).toBe(diskFullMessage);
    expect(describeError(new Dexie.QuotaExceededError('quota'))).toBe(diskFullMessage);
    // A transaction aborted by the full disk: Dexie reports AbortError with the cause inside.
    expect(describeError(new Dexie.AbortError('Transaction aborted', fromBrowser))).toBe(diskFullMessage);
    expect(isDiskFull(new Error('磁盘坏道'))).toBe(false);
  });

  it('explains a database made by a newer version and one that was closed', () => {
    expect(describeError(new Dexie.VersionError('The requested version is less than the existing version'))).toContain(
      '更新版本',
    );
    expect(describeError(new Dexie.DatabaseClosedError())).toContain('重新打开程序');
  });

  it('keeps the Chinese message a schema gives, and any other error’s own text', () => {
    const parsed = z.object({ name: z.string().min(1, '企业名称不能为空') }).safeParse({ name: '' });
    expect(parsed.success).toBe(false);
    expect(describeError(parsed.error)).toBe('企业名称不能为空');
    expect(describeError(new Error('信用代码重复'))).toBe('信用代码重复');
    expect(describeError('断电')).toBe('断电');
  });

});
