// Bytes to base64 and back for any size: a photo of megabytes is far past what one
// String.fromCharCode(...bytes) call takes (its arguments overflow the stack).
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64';

describe('base64', () => {
  it('round-trips 4 MB of bytes and agrees with Node’s own encoding', () => {
    const bytes = new Uint8Array(4 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.compare(base64ToBytes(text), bytes)).toBe(0);
  });

  it('handles nothing and a few bytes', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
    expect(bytesToBase64(new Uint8Array([0xe8, 0xb5, 0xb0]))).toBe('6LWw');
    expect(base64ToBytes('6LWw')).toEqual(new Uint8Array([0xe8, 0xb5, 0xb0]));
  });
});
