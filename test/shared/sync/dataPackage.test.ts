import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  generateBureauKeyPair,
  isEncryptedPackage,
  packageEncryptionKind,
  PackageRefusedError,
  readDataPackage,
  writeDataPackage,
  type DataPackageContents,
  type PackageRefusalReason,
} from '../../../shared/sync/dataPackage';

// Small stand-ins for the app's record schemas: what is tested is how the package applies a schema,
// not the app's schemas themselves.
const schemas = {
  enterprises: z.object({ id: z.string().min(1), name: z.string().min(1, '企业名称不能为空') }),
  visits: z.object({
    id: z.string().min(1),
    visitDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
    visitors: z.number().int(),
    note: z.string().default(''),
  }),
  attachments: z.object({ id: z.string(), fileName: z.string() }),
};

const referenceSchema = z.object({ towns: z.array(z.string()), visitTypes: z.array(z.string()) });

/** A cheap scrypt for the passphrase tests; one test keeps age's default. */
const fastScrypt = 10;

function contents(overrides: Partial<DataPackageContents> = {}): DataPackageContents {
  return {
    manifest: {
      kind: 'changes',
      packageId: 'pkg-0001',
      createdAt: '2026-03-02T08:30:00.000Z',
      device: { deviceId: 'laptop-a' },
      officer: { name: '张三', unit: '经济发展局' },
      destination: '区商务局',
      range: { fromSeq: 0, toSeq: 42 },
    },
    tables: {
      enterprises: [{ id: 'ent-1', name: '苏州某某精密机械有限公司' }],
      visits: [
        { id: 'vis-1', visitDate: '2026-03-01', visitors: 2, note: '了解用工情况' },
        { id: 'vis-2', visitDate: '2026-03-02', visitors: 1 },
      ],
      attachments: [{ id: 'att-1', fileName: '现场照片.jpg' }],
    },
    attachments: [
      { id: 'att-1', bytes: Uint8Array.from({ length: 3000 }, (_, i) => (i * 7) % 256) },
      { id: 'att-2.pdf', bytes: new Uint8Array([1, 2, 3]) },
    ],
    reference: { towns: ['城南街道', '城北镇'], visitTypes: ['日常走访', '专项走访'] },
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>, reasons: PackageRefusalReason | PackageRefusalReason[]): Promise<PackageRefusedError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PackageRefusedError);
  const refused = caught as PackageRefusedError;
  expect([reasons].flat()).toContain(refused.reason);
  expect(refused.message).toMatch(/[\u4e00-\u9fff]/);
  return refused;
}

const readPlain = (bytes: Uint8Array) => readDataPackage(bytes, {}, schemas);

/** The package's zip entries, and a way to zip them again (with or without a fresh checksum). */
function entriesOf(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}

/** checksum.txt as docs/data-packages.md defines it, computed independently with node:crypto. */
function documentedChecksum(entries: Record<string, Uint8Array>): string {
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const others = Object.keys(entries)
    .filter((name) => name !== 'manifest.json' && name !== 'checksum.txt')
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const listing = ['manifest.json', ...others].map((name) => `${sha(entries[name]!)}  ${name}\n`).join('');
  return sha(Buffer.from(listing, 'utf8'));
}

function rezip(entries: Record<string, Uint8Array>, options: { freshChecksum: boolean }): Uint8Array {
  const copy: Zippable = { ...entries };
  if (options.freshChecksum) copy['checksum.txt'] = strToU8(`${documentedChecksum(entries)}\n`);
  return zipSync(copy);
}

function withManifest(zip: Uint8Array, change: (manifest: Record<string, unknown>) => void, freshChecksum = true): Uint8Array {
  const entries = entriesOf(zip);
  const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as Record<string, unknown>;
  change(manifest);
  entries['manifest.json'] = strToU8(JSON.stringify(manifest));
  return rezip(entries, { freshChecksum });
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Offset of the central directory record that names `name` (signature PK\1\2, name at +46). */
function centralRecordOf(zip: Uint8Array, name: string): number {
  const nameBytes = strToU8(name);
  for (let at = indexOfBytes(zip, new Uint8Array([0x50, 0x4b, 1, 2])); at >= 0; at = indexOfBytes(zip, new Uint8Array([0x50, 0x4b, 1, 2]), at + 1)) {
    if (indexOfBytes(zip.subarray(at + 46, at + 46 + nameBytes.length), nameBytes) === 0) return at;
  }
  throw new Error(`no central record for ${name}`);
}

function setU32(bytes: Uint8Array, at: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(at, value, true);
}

describe('writeDataPackage / readDataPackage round trip', () => {
  it('reads back a plain package: manifest, parsed records, attachments and reference', async () => {
    const written = contents();
    const file = await writeDataPackage(written);
    expect(isEncryptedPackage(file)).toBe(false);
    expect(packageEncryptionKind(file)).toBe('none');

    const read = await readDataPackage(file, {}, schemas, { referenceSchema });
    expect(read.encryption).toBe('none');
    expect(read.manifest).toEqual({
      ...written.manifest,
      format: 'visit-ledger-package',
      formatVersion: 1,
      counts: { enterprises: 1, visits: 2, attachments: 1 },
      attachmentBytes: 3003,
    });
    // Records come back parsed by their schema: the default fills the missing note.
    expect(read.tables.visits).toEqual([
      { id: 'vis-1', visitDate: '2026-03-01', visitors: 2, note: '了解用工情况' },
      { id: 'vis-2', visitDate: '2026-03-02', visitors: 1, note: '' },
    ]);
    expect(read.tables.enterprises).toEqual(written.tables.enterprises);
    expect([...read.attachments.keys()].sort()).toEqual(['att-1', 'att-2.pdf']);
    expect(read.attachments.get('att-1')).toEqual(written.attachments[0]!.bytes);
    expect(read.reference).toEqual(written.reference);
  });

  it('holds exactly the documented entries, with the documented checksum', async () => {
    const entries = entriesOf(await writeDataPackage(contents()));
    expect(Object.keys(entries).sort()).toEqual([
      'attachments/att-1',
      'attachments/att-2.pdf',
      'checksum.txt',
      'manifest.json',
      'reference.json',
      'tables/attachments.json',
      'tables/enterprises.json',
      'tables/visits.json',
    ]);
    expect(strFromU8(entries['checksum.txt']!)).toBe(`${documentedChecksum(entries)}\n`);
  });

  it('leaves out reference.json when there is none, and hands reference data back unparsed without a schema', async () => {
    const without = contents();
    delete without.reference;
    const entries = entriesOf(await writeDataPackage(without));
    expect(entries['reference.json']).toBeUndefined();
    expect((await readPlain(await writeDataPackage(without))).reference).toBeUndefined();
    expect((await readPlain(await writeDataPackage(contents()))).reference).toEqual(contents().reference);
  });

  it('round trips with a passphrase', async () => {
    const file = await writeDataPackage(contents(), { passphrase: '青山-绿水-2026', testOnlyScryptWorkFactor: fastScrypt });
    expect(isEncryptedPackage(file)).toBe(true);
    expect(packageEncryptionKind(file)).toBe('passphrase');
    const read = await readDataPackage(file, { passphrase: '青山-绿水-2026' }, schemas);
    expect(read.encryption).toBe('passphrase');
    expect(read.tables.visits).toHaveLength(2);
    expect(read.attachments.get('att-1')).toEqual(contents().attachments[0]!.bytes);
  });

  // Writing at the default factor only (2–3 s on 2 cores; reading it again would double that): the
  // reader takes the factor from the file, which the lowered-factor round trips above exercise.
  it("keeps age's default scrypt work factor (18) unless a test lowers it", async () => {
    const file = await writeDataPackage(contents(), { passphrase: 'correct horse battery staple' });
    expect(strFromU8(file.subarray(0, 100), true)).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S+ 18\n/);
  }, 60_000);

  it("round trips to the bureau's public key, also with the key given as an age-keygen identity file", async () => {
    const bureau = await generateBureauKeyPair();
    expect(bureau.identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    expect(bureau.recipient).toMatch(/^age1[0-9a-z]+$/);
    const file = await writeDataPackage(contents(), { recipient: bureau.recipient });
    expect(packageEncryptionKind(file)).toBe('recipient');
    const read = await readDataPackage(file, { identity: bureau.identity }, schemas);
    expect(read.encryption).toBe('recipient');
    expect(read.tables.visits).toHaveLength(2);

    const identityFile = `# created: 2026-03-02T08:30:00+08:00\n# public key: ${bureau.recipient}\n${bureau.identity}\n`;
    expect((await readDataPackage(file, { identity: identityFile }, schemas)).manifest.packageId).toBe('pkg-0001');
  });

  it('writes an empty table and no attachments', async () => {
    const read = await readPlain(await writeDataPackage(contents({ tables: { visits: [] }, attachments: [] })));
    expect(read.tables).toEqual({ visits: [] });
    expect(read.manifest.counts).toEqual({ visits: 0 });
    expect(read.attachments.size).toBe(0);
  });
});

describe('readDataPackage refuses', () => {
  it('a file cut short', async () => {
    const file = await writeDataPackage(contents());
    for (const length of [file.length - 1, Math.floor(file.length / 2), 10]) {
      const refused = await refusal(readPlain(file.slice(0, length)), 'damaged');
      expect(refused.message).toContain('数据包不完整（文件被截断或损坏）');
    }
  });

  it('an encrypted file cut short', async () => {
    const file = await writeDataPackage(contents(), { passphrase: 'pw', testOnlyScryptWorkFactor: fastScrypt });
    await refusal(readDataPackage(file.slice(0, file.length - 5), { passphrase: 'pw' }, schemas), 'damaged');
  });

  it('a file with one byte flipped in the middle', async () => {
    const file = await writeDataPackage(contents());
    const flipped = file.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
    await refusal(readPlain(flipped), ['tampered', 'damaged']);

    const sealed = await writeDataPackage(contents(), { passphrase: 'pw', testOnlyScryptWorkFactor: fastScrypt });
    const sealedFlipped = sealed.slice();
    sealedFlipped[Math.floor(sealedFlipped.length / 2)]! ^= 0x01;
    await refusal(readDataPackage(sealedFlipped, { passphrase: 'pw' }, schemas), 'damaged');
  });

  it('content changed after the checksum was made', async () => {
    const entries = entriesOf(await writeDataPackage(contents()));
    entries['tables/visits.json'] = strToU8(strFromU8(entries['tables/visits.json']!).replace('了解用工情况', '了解订单情况'));
    const refused = await refusal(readPlain(rezip(entries, { freshChecksum: false })), 'tampered');
    expect(refused.message).toBe('数据包校验失败：内容被改动过');
  });

  it('an attachment swapped after the checksum was made', async () => {
    const entries = entriesOf(await writeDataPackage(contents()));
    entries['attachments/att-2.pdf'] = new Uint8Array([1, 2, 4]);
    await refusal(readPlain(rezip(entries, { freshChecksum: false })), 'tampered');
  });

  it('a package from a newer format version, naming the version', async () => {
    const newer = withManifest(await writeDataPackage(contents()), (manifest) => {
      manifest.formatVersion = 2;
      manifest.somethingNew = { shape: 'unknown to version 1' };
    }, false);
    const refused = await refusal(readPlain(newer), 'newer-format');
    expect(refused.message).toBe('此数据包由更新版本的走访台账生成（格式版本 2），请先升级本软件');
    expect(refused.details.formatVersion).toBe(2);
  });

  it('files that are not packages', async () => {
    await refusal(readPlain(new Uint8Array()), 'not-a-package');
    await refusal(readPlain(strToU8('{"format":"visit-ledger-package"}')), 'not-a-package');
    await refusal(readPlain(Uint8Array.from({ length: 500 }, (_, i) => (i * 31) % 256)), 'not-a-package');
    // A spreadsheet is a zip too.
    await refusal(readPlain(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<w/>') })), 'not-a-package');
    const otherFormat = withManifest(await writeDataPackage(contents()), (manifest) => {
      manifest.format = 'someone-elses-package';
    });
    await refusal(readPlain(otherFormat), 'not-a-package');
  });

  it('a manifest that fails its schema, naming the field', async () => {
    const bad = withManifest(await writeDataPackage(contents()), (manifest) => {
      manifest.kind = 'everything';
    });
    const refused = await refusal(readPlain(bad), 'invalid-manifest');
    expect(refused.details.field).toBe('kind');
  });

  it("a manifest whose counts do not match the tables (checksum recomputed, so only the counts lie)", async () => {
    const lying = withManifest(await writeDataPackage(contents()), (manifest) => {
      manifest.counts = { enterprises: 1, visits: 3, attachments: 1 };
    });
    await refusal(readPlain(lying), 'inconsistent');
    const missingTable = withManifest(await writeDataPackage(contents()), (manifest) => {
      manifest.counts = { enterprises: 1, visits: 2 };
    });
    await refusal(readPlain(missingTable), 'inconsistent');
    const wrongBytes = withManifest(await writeDataPackage(contents()), (manifest) => {
      manifest.attachmentBytes = 1;
    });
    await refusal(readPlain(wrongBytes), 'inconsistent');
  });

  it('a package without its checksum', async () => {
    const entries = entriesOf(await writeDataPackage(contents()));
    delete entries['checksum.txt'];
    await refusal(readPlain(zipSync(entries)), 'damaged');
  });

  it('the wrong passphrase, and a missing one', async () => {
    const file = await writeDataPackage(contents(), { passphrase: 'right one', testOnlyScryptWorkFactor: fastScrypt });
    const wrong = await refusal(readDataPackage(file, { passphrase: 'wrong one' }, schemas), 'wrong-passphrase');
    expect(wrong.message).toContain('口令不正确');
    await refusal(readDataPackage(file, {}, schemas), 'passphrase-required');
    // A key is no use for a passphrase package: the officer is asked for the passphrase.
    const bureau = await generateBureauKeyPair();
    await refusal(readDataPackage(file, { identity: bureau.identity }, schemas), 'passphrase-required');
  });

  it("another key pair's identity, a missing key, a malformed key", async () => {
    const bureau = await generateBureauKeyPair();
    const stranger = await generateBureauKeyPair();
    const file = await writeDataPackage(contents(), { recipient: bureau.recipient });
    const wrong = await refusal(readDataPackage(file, { identity: stranger.identity }, schemas), 'wrong-key');
    expect(wrong.message).toContain('无法解密');
    await refusal(readDataPackage(file, {}, schemas), 'key-required');
    await refusal(readDataPackage(file, { passphrase: 'a passphrase is not a key' }, schemas), 'key-required');
    await refusal(readDataPackage(file, { identity: 'AGE-SECRET-KEY-1TOOSHORT' }, schemas), 'bad-key');
    await refusal(readDataPackage(file, { identity: 'not a key at all' }, schemas), 'bad-key');
  });

  it('a record failing its schema, naming the table, the row and the field', async () => {
    const file = await writeDataPackage(
      contents({
        tables: {
          visits: [
            { id: 'vis-1', visitDate: '2026-03-01', visitors: 1 },
            { id: 'vis-2', visitDate: '2026/03/02', visitors: 1 },
          ],
        },
      }),
    );
    const refused = await refusal(readPlain(file), 'invalid-record');
    expect(refused.message).toBe('数据包中走访记录第 2 行的字段「visitDate」有误：日期格式应为 YYYY-MM-DD');
    expect(refused.details).toMatchObject({ table: 'visits', row: 2, field: 'visitDate' });
  });

  it("a record failing a check without its own message gets zod's Chinese text", async () => {
    const file = await writeDataPackage(contents({ tables: { enterprises: [{ id: 'e', name: '甲' }, { id: 'e2', name: '乙' }, { name: '丙' }] } }));
    const refused = await refusal(readPlain(file), 'invalid-record');
    expect(refused.message).toMatch(/^数据包中企业第 3 行的字段「id」有误：/);
    expect(refused.message.replace(/^.*有误：/, '')).toMatch(/[\u4e00-\u9fff]/);
    // A table without a Chinese name is shown by its key.
    const odd = await writeDataPackage(contents({ tables: { gadgets: [{ size: 'big' }] } }));
    const oddRefused = await refusal(readDataPackage(odd, {}, { gadgets: z.object({ size: z.number() }) }), 'invalid-record');
    expect(oddRefused.message).toMatch(/^数据包中gadgets第 1 行的字段「size」有误：/);
  });

  it('reference data failing its schema', async () => {
    const file = await writeDataPackage(contents({ reference: { towns: '城南街道' } }));
    await refusal(readDataPackage(file, {}, schemas, { referenceSchema }), 'invalid-reference');
  });

  it('a table this version has no schema for', async () => {
    const file = await writeDataPackage(contents({ tables: { ...contents().tables, meetings: [{ id: 'm-1' }] } }));
    const refused = await refusal(readPlain(file), 'unknown-table');
    expect(refused.details.table).toBe('meetings');
    expect(refused.message).toContain('meetings');
  });

  it('an entry the format has no place for', async () => {
    const entries = entriesOf(await writeDataPackage(contents()));
    entries['scripts/run.js'] = strToU8('alert(1)');
    await refusal(readPlain(rezip(entries, { freshChecksum: true })), 'unexpected-entry');
  });

  it('entry names that climb out of a folder, are absolute, or use backslashes', async () => {
    const base = entriesOf(await writeDataPackage(contents()));
    for (const name of ['../evil.json', 'tables/../../evil.json', '/etc/passwd', 'attachments\\att-9', 'C:/Windows/evil.dll', 'attachments//x']) {
      const refused = await refusal(readPlain(zipSync({ ...base, [name]: strToU8('x') })), 'unsafe-entry-name');
      expect(refused.message).toContain('不安全的文件名');
    }
  });

  it('the same entry twice', async () => {
    const zip = zipSync({ 'manifest.json': strToU8('{}'), 'attachments/aaaa': strToU8('one'), 'attachments/aaab': strToU8('two') });
    // Rename the second entry to the first in both its local header and its directory record.
    const second = strToU8('attachments/aaab');
    for (let at = indexOfBytes(zip, second); at >= 0; at = indexOfBytes(zip, second, at + 1)) zip[at + second.length - 1] = 'a'.charCodeAt(0);
    await refusal(readPlain(zip), 'duplicate-entry');
  });

  it('an entry declaring a size past the limits, before inflating it', async () => {
    const zeros = new Uint8Array(1024 * 1024);
    const zip = zipSync({ 'manifest.json': strToU8('{}'), 'attachments/big': [zeros, { level: 9 }] });
    const overEntry = await refusal(readDataPackage(zip, {}, schemas, { limits: { maxEntryBytes: 512 * 1024 } }), 'too-large');
    expect(overEntry.message).toBe('数据包中的文件「attachments/big」解压后超过上限（512 KB），已拒绝导入');

    // A bomb that says what it is: 3 GiB declared in the directory.
    const patched = zip.slice();
    setU32(patched, centralRecordOf(patched, 'attachments/big') + 24, 3 * 1024 ** 3);
    const refused = await refusal(readPlain(patched), 'too-large');
    expect(refused.details.entry).toBe('attachments/big');

    // Many entries within the per-entry limit that add up past the total.
    const many: Zippable = { 'manifest.json': strToU8('{}') };
    for (let i = 0; i < 5; i++) many[`attachments/part-${i}`] = new Uint8Array(300 * 1024);
    await refusal(readDataPackage(zipSync(many), {}, schemas, { limits: { maxTotalBytes: 1024 * 1024 } }), 'too-large');
    const overCount = await refusal(readDataPackage(zipSync(many), {}, schemas, { limits: { maxEntries: 4 } }), 'too-large');
    expect(overCount.message).toBe('数据包的文件数（6 个）超过上限（4 个），已拒绝导入');
  });

  it('a bomb that lies about its size, stopping once it inflates past the declared size', async () => {
    const entries = entriesOf(await writeDataPackage(contents()));
    const zip = zipSync({ ...entries, 'attachments/bomb': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
    setU32(zip, centralRecordOf(zip, 'attachments/bomb') + 24, 1000);
    const started = performance.now();
    const refused = await refusal(readPlain(zip), 'damaged');
    expect(refused.message).toContain('大于其声明的大小');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a directory record pointing at another entry\'s bytes', async () => {
    const zip = zipSync({ 'manifest.json': strToU8('{}'), 'attachments/a': strToU8('aaaa'), 'attachments/b': strToU8('bbbb') });
    // Point b's directory record at a's local header (and name) — the overlapping-bomb trick.
    const recordA = centralRecordOf(zip, 'attachments/a');
    const recordB = centralRecordOf(zip, 'attachments/b');
    const localA = new DataView(zip.buffer).getUint32(recordA + 42, true);
    setU32(zip, recordB + 42, localA);
    await refusal(readPlain(zip), 'damaged');
  });

  it('only ever with PackageRefusedError, whatever byte is changed or wherever the file is cut', async () => {
    const original = await writeDataPackage(contents());
    const expected = await readPlain(original);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ at: fc.nat({ max: original.length - 1 }), xor: fc.integer({ min: 1, max: 255 }) }),
          fc.record({ cutTo: fc.nat({ max: original.length - 1 }) }),
        ),
        async (change) => {
          let bytes: Uint8Array;
          if ('cutTo' in change) bytes = original.slice(0, change.cutTo);
          else {
            bytes = original.slice();
            bytes[change.at]! ^= change.xor;
          }
          try {
            // Some bytes (zip timestamps, CRCs, which the checksum makes redundant) change nothing read.
            const read = await readPlain(bytes);
            expect(read.tables).toEqual(expected.tables);
            expect(read.manifest).toEqual(expected.manifest);
          } catch (error) {
            expect(error).toBeInstanceOf(PackageRefusedError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('writeDataPackage refuses', () => {
  it('contents its reader would refuse, with the same error class', async () => {
    await refusal(writeDataPackage(contents({ tables: { 'a/b': [] } })), 'invalid-contents');
    await refusal(writeDataPackage(contents({ attachments: [{ id: '../x', bytes: new Uint8Array(1) }] })), 'invalid-contents');
    await refusal(writeDataPackage(contents({ attachments: [{ id: 'a..b', bytes: new Uint8Array(1) }] })), 'invalid-contents');
    await refusal(
      writeDataPackage(contents({ attachments: [{ id: 'same', bytes: new Uint8Array(1) }, { id: 'same', bytes: new Uint8Array(2) }] })),
      'invalid-contents',
    );
    const backwards = contents();
    backwards.manifest.range = { fromSeq: 10, toSeq: 3 };
    const refused = await refusal(writeDataPackage(backwards), 'invalid-contents');
    expect(refused.details.field).toBe('range.toSeq');
    await refusal(writeDataPackage(contents({ tables: { visits: [{ big: BigInt(1) }] } })), 'invalid-contents');
  });

  it('a malformed recipient or an empty passphrase', async () => {
    await refusal(writeDataPackage(contents(), { recipient: 'age1notakey' }), 'bad-key');
    await refusal(writeDataPackage(contents(), { recipient: 'ssh-ed25519 AAAA' }), 'bad-key');
    await refusal(writeDataPackage(contents(), { passphrase: '' }), 'bad-key');
  });
});
