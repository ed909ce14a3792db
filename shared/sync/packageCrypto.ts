// Every cryptographic primitive a data package uses, in one place: the digest behind checksum.txt
// and the age envelope (passphrase via scrypt, or the bureau's X25519 key) around the whole zip.
// A national-algorithm (SM2/SM3/SM4) requirement swaps this file, not the package format code
// (docs/data-packages.md). Nothing here throws for a bad file or key: failures come back as a
// reason code, and shared/sync/dataPackage.ts turns them into its one refusal error. Pure: WebCrypto
// and age-encryption only, the same in Node 20 and Chromium.
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

/** The first line of every binary age file (age-encryption.org/v1 spec). */
const ageMagic = 'age-encryption.org/v1\n';
/** age's own default; the package format keeps it (about 2 s per encryption or decryption). */
export const defaultScryptWorkFactor = 18;
/** age refuses to decrypt above this (2^20 costs 1 GiB of memory); lower bound is ours. */
const scryptWorkFactorRange = { min: 1, max: 20 } as const;

export type PackageEncryption =
  | {
      passphrase: string;
      /**
       * log2 of scrypt's cost, for tests only: a low factor makes a short passphrase cheap to guess.
       * Packages for real use keep the default (18). The reader needs no setting: the file says it.
       */
      testOnlyScryptWorkFactor?: number;
    }
  | { /** The bureau's public key, `age1…`. */ recipient: string };

export interface PackageDecryption {
  passphrase?: string;
  /** The bureau's private key, `AGE-SECRET-KEY-1…`, or the text of an age identity file holding it. */
  identity?: string;
}

/** How a package file is protected, read from its first bytes alone. */
export type PackageEncryptionKind = 'none' | 'passphrase' | 'recipient';

export type SealFailure = 'bad-passphrase' | 'bad-key';
export type OpenFailure =
  | 'passphrase-required'
  | 'key-required'
  | 'wrong-passphrase'
  | 'wrong-key'
  | 'bad-key'
  | 'damaged';

export type CryptoResult<T, F> = { ok: true; value: T } | { ok: false; failure: F; cause?: unknown };

// ─── checksum digest ───────────────────────────────────────────────────────────────────────────

/** Lowercase hex SHA-256 (WebCrypto: the browser's and Node's native code, no library). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

// ─── the age envelope ──────────────────────────────────────────────────────────────────────────

export function isAgeFile(bytes: Uint8Array): boolean {
  if (bytes.length < ageMagic.length) return false;
  for (let i = 0; i < ageMagic.length; i++) if (bytes[i] !== ageMagic.charCodeAt(i)) return false;
  return true;
}

/**
 * Which secret the file asks for, from the stanza lines of its text header (`-> scrypt …` for a
 * passphrase, `-> X25519 …` and others for keys), so the question to the officer and the refusal
 * name the right thing. Reads at most the first 4 KiB.
 */
export function ageEncryptionKind(bytes: Uint8Array): PackageEncryptionKind {
  if (!isAgeFile(bytes)) return 'none';
  // The header is ASCII; one char per byte keeps any binary garbage from failing a decode.
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 4096)));
  const stanzaTypes: string[] = [];
  for (const line of head.split('\n')) {
    if (line.startsWith('--- ')) break;
    if (line.startsWith('-> ')) stanzaTypes.push(line.slice(3).split(' ')[0] ?? '');
  }
  return stanzaTypes.includes('scrypt') ? 'passphrase' : 'recipient';
}

/** Encrypts the package zip to a passphrase or to the bureau's public key. */
export async function sealPackage(
  plain: Uint8Array,
  encryption: PackageEncryption,
): Promise<CryptoResult<Uint8Array, SealFailure>> {
  const encrypter = new Encrypter();
  if ('passphrase' in encryption) {
    if (typeof encryption.passphrase !== 'string' || encryption.passphrase.length === 0) {
      return { ok: false, failure: 'bad-passphrase' };
    }
    const workFactor = encryption.testOnlyScryptWorkFactor ?? defaultScryptWorkFactor;
    if (!Number.isInteger(workFactor) || workFactor < scryptWorkFactorRange.min || workFactor > scryptWorkFactorRange.max) {
      return { ok: false, failure: 'bad-passphrase' };
    }
    encrypter.setPassphrase(encryption.passphrase);
    encrypter.setScryptWorkFactor(workFactor);
  } else {
    const recipient = typeof encryption.recipient === 'string' ? encryption.recipient.trim() : '';
    // Only the X25519 and post-quantum hybrid recipient forms; tag and plugin recipients are
    // hardware-token schemes the bureau does not use.
    if (!/^age1(pq1)?[02-9ac-hj-np-z]+$/.test(recipient)) return { ok: false, failure: 'bad-key' };
    try {
      encrypter.addRecipient(recipient);
    } catch (cause) {
      return { ok: false, failure: 'bad-key', cause };
    }
  }
  try {
    return { ok: true, value: await encrypter.encrypt(plain) };
  } catch (cause) {
    // age parses a recipient's bech32 only when it wraps the file key, so a mistyped key fails here.
    return { ok: false, failure: 'bad-key', cause };
  }
}

/**
 * The secret key line of `identity`: the key itself, or the first `AGE-SECRET-KEY-…` line of an
 * identity file as age-keygen writes it (with `# created:` and `# public key:` comments).
 */
function identityLine(identity: string): string | null {
  for (const raw of identity.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    return /^AGE-SECRET-KEY-(PQ-)?1[02-9AC-HJ-NP-Z]+$/.test(line) ? line : null;
  }
  return null;
}

/** Decrypts an age file with the secret it asks for; a file that is not age is not handled here. */
export async function openPackage(
  sealed: Uint8Array,
  decryption: PackageDecryption,
): Promise<CryptoResult<Uint8Array, OpenFailure>> {
  const kind = ageEncryptionKind(sealed);
  const decrypter = new Decrypter();
  if (kind === 'passphrase') {
    if (!decryption.passphrase) return { ok: false, failure: 'passphrase-required' };
    decrypter.addPassphrase(decryption.passphrase);
  } else {
    if (!decryption.identity) return { ok: false, failure: 'key-required' };
    const line = identityLine(decryption.identity);
    if (line === null) return { ok: false, failure: 'bad-key' };
    try {
      decrypter.addIdentity(line);
    } catch (cause) {
      return { ok: false, failure: 'bad-key', cause };
    }
  }
  try {
    return { ok: true, value: await decrypter.decrypt(sealed) };
  } catch (cause) {
    // age says "no identity matched" when the scrypt or X25519 unwrap of the file key failed its
    // tag: the secret is wrong. Every other failure (header syntax, header MAC, a payload chunk's
    // tag, a short file) means the bytes are not what was encrypted.
    const message = cause instanceof Error ? cause.message : '';
    if (/no identity matched/i.test(message)) {
      return { ok: false, failure: kind === 'passphrase' ? 'wrong-passphrase' : 'wrong-key', cause };
    }
    return { ok: false, failure: 'damaged', cause };
  }
}

/**
 * A new bureau key pair (age X25519): `recipient` (`age1…`) goes to every laptop, `identity`
 * (`AGE-SECRET-KEY-1…`) stays at the bureau. X25519 explicitly, not age's `generateIdentity`, which
 * may switch to a post-quantum hybrid key in a later release.
 */
export async function generateBureauKeyPair(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}
