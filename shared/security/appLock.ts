// The optional app lock: a passcode asked at start and after a set idle time. Only a salted, slow
// hash is stored (PBKDF2-HMAC-SHA-256 from WebCrypto, which Chromium, Electron and Node 20 all have —
// no hand-written crypto, no extra package). The lock keeps a passer-by out of an unattended laptop;
// the data at rest is protected by the disk encryption the bureau requires, not by this. Pure.
import { base64ToBytes, bytesToBase64 } from '../base64';
import { z } from 'zod';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256: about 0.3–0.6 s on the laptops the bureau issues. */
export const passcodeIterations = 600_000;
export const minPasscodeLength = 6;
export const idleMinuteChoices = [5, 10, 15, 30, 60] as const;

export const appLockSchema = z.object({
  algorithm: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(100_000).max(10_000_000),
  salt: z.string().min(16),
  hash: z.string().min(32),
  /** Lock again after this many minutes without a key or a click; 0 = only at start. */
  idleMinutes: z.number().int().min(0).max(24 * 60),
});
export type AppLock = z.infer<typeof appLockSchema>;

const toBase64 = bytesToBase64;
const fromBase64 = base64ToBytes;

async function derive(passcode: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await globalThis.crypto.subtle.importKey('raw', new TextEncoder().encode(passcode.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await globalThis.crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** Why a passcode cannot be set, in Chinese; undefined when it can. */
export function passcodeRefusal(passcode: string, repeated: string): string | undefined {
  if (passcode.length < minPasscodeLength) return `密码至少 ${minPasscodeLength} 位`;
  if (/^(\d)\1+$/.test(passcode) || '0123456789012345'.includes(passcode) || '9876543210987654'.includes(passcode)) {
    return '密码过于简单（连续或重复的数字），请换一个';
  }
  if (passcode !== repeated) return '两次输入的密码不一致';
  return undefined;
}

export async function createAppLock(passcode: string, idleMinutes: number, iterations = passcodeIterations): Promise<AppLock> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(passcode, salt, iterations);
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash), idleMinutes };
}

/** Whether `passcode` is the one the lock was made with (compared in constant time). */
export async function checkPasscode(lock: AppLock, passcode: string): Promise<boolean> {
  const expected = fromBase64(lock.hash);
  const actual = await derive(passcode, fromBase64(lock.salt), lock.iterations);
  if (actual.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < actual.length; i += 1) difference |= actual[i]! ^ expected[i]!;
  return difference === 0;
}

/** Whether the app should lock now: after `idleMinutes` without activity (never when 0). */
export function idleLockDue(lastActivityMs: number, nowMs: number, idleMinutes: number): boolean {
  return idleMinutes > 0 && nowMs - lastActivityMs >= idleMinutes * 60_000;
}

/**
 * Wrong passcodes slow the next try down, so guessing at the lock screen takes days, not minutes:
 * no wait for the first 3, then 30 s doubling up to 15 minutes.
 */
export function retryDelaySeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(15 * 60, 30 * 2 ** (failures - 3));
}
