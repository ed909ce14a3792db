// The app lock keeps only a salted slow hash, knows its own passcode and no other, refuses weak or
// mistyped new passcodes, locks after the idle time, and slows guessing down.
import { describe, expect, it } from 'vitest';
import { appLockSchema, checkPasscode, createAppLock, idleLockDue, passcodeRefusal, retryDelaySeconds } from '../../../shared/security/appLock';

describe('app lock', () => {
  it('stores a salted hash that checks the passcode and nothing else', async () => {
    const lock = await createAppLock('wujiang2026', 10, 100_000);
    expect(appLockSchema.parse(lock)).toEqual(lock);
    expect(JSON.stringify(lock)).not.toContain('wujiang2026');
    expect(await checkPasscode(lock, 'wujiang2026')).toBe(true);
    expect(await checkPasscode(lock, 'wujiang2027')).toBe(false);
    expect(await checkPasscode(lock, '')).toBe(false);
    const again = await createAppLock('wujiang2026', 10, 100_000);
    expect(again.salt).not.toBe(lock.salt);
    expect(again.hash).not.toBe(lock.hash);
  });

  it('uses the stored iteration count, so a stronger default later still opens an old lock', async () => {
    const old = await createAppLock('吴江走访', 0, 120_000);
    expect(old.iterations).toBe(120_000);
    expect(await checkPasscode(old, '吴江走访')).toBe(true);
  });

  it('refuses short, trivial and mistyped new passcodes with a Chinese reason', () => {
    expect(passcodeRefusal('12345', '12345')).toBe('密码至少 6 位');
    expect(passcodeRefusal('111111', '111111')).toMatch(/过于简单/);
    expect(passcodeRefusal('123456', '123456')).toMatch(/过于简单/);
    expect(passcodeRefusal('abc12345', 'abc12346')).toBe('两次输入的密码不一致');
    expect(passcodeRefusal('abc12345', 'abc12345')).toBeUndefined();
  });

  it('locks after the idle minutes, never when set to start only', () => {
    expect(idleLockDue(0, 9 * 60_000, 10)).toBe(false);
    expect(idleLockDue(0, 10 * 60_000, 10)).toBe(true);
    expect(idleLockDue(0, 1e12, 0)).toBe(false);
  });

  it('slows guessing down after three wrong tries, up to 15 minutes', () => {
    expect([0, 1, 2].map(retryDelaySeconds)).toEqual([0, 0, 0]);
    expect([3, 4, 5].map(retryDelaySeconds)).toEqual([30, 60, 120]);
    expect(retryDelaySeconds(20)).toBe(900);
  });
});
