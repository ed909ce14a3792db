// 设置 → 本机数据 shows sizes the way a file manager does.
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../renderer/src/db/localStorageState';

describe('formatBytes', () => {
  it('uses the largest unit that keeps the number at least 1', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250.0 MB');
    expect(formatBytes(10.7 * 1024 ** 3)).toBe('10.7 GB');
  });
});
