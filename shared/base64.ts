// Bytes as base64 text and back, in the browser and in Node alike (btoa/atob), for any size: a photo
// of 20 MB does not fit in one String.fromCharCode(...bytes) call (the arguments overflow the stack),
// so the bytes go through in chunks. Pure.
const chunk = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
