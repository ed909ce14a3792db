// When an outgoing package may be built: a passphrase of 8 characters or more, typed the same twice;
// the bureau's key only when 设置 holds one.
import { expect, it } from 'vitest';
import { encryptionProblem, packageEncryptionOf } from '../../../renderer/src/features/exchange/EncryptionFields';

it('refuses a short or mistyped passphrase and a missing bureau key, and builds the encryption otherwise', () => {
  const value = (kind: 'none' | 'passphrase' | 'recipient', passphrase = '', repeated = passphrase) => ({ kind, passphrase, repeated });
  expect(encryptionProblem(value('passphrase', '1234567'), undefined)).toBe('口令至少 8 个字符');
  expect(encryptionProblem(value('passphrase', '吴江走访2026', '吴江走访2025'), undefined)).toBe('两次输入的口令不一致');
  expect(encryptionProblem(value('passphrase', '吴江走访2026'), undefined)).toBeUndefined();
  expect(encryptionProblem(value('recipient'), undefined)).toMatch(/尚未.*填写区商务局公钥/);
  expect(encryptionProblem(value('recipient'), 'age1abc')).toBeUndefined();
  expect(encryptionProblem(value('none'), undefined)).toBeUndefined();

  expect(packageEncryptionOf(value('passphrase', '吴江走访2026'), 'age1abc')).toEqual({ passphrase: '吴江走访2026' });
  expect(packageEncryptionOf(value('recipient'), 'age1abc')).toEqual({ recipient: 'age1abc' });
  expect(packageEncryptionOf(value('none'), 'age1abc')).toBeUndefined();
});
