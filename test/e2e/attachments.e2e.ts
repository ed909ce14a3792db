// Attachments of a visit in real Chromium (issue 12): the limits are stated at the picker; a large
// photo is stored with its longer side at 1920 px as a smaller JPEG, upright as the camera meant it
// (EXIF orientation); 保留原图 keeps the picked bytes; a file over a limit is refused at once with
// its name and the limit, and nothing of it is stored.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Enterprise, Visit } from '../../shared/domain/records';
import { openApp, type App } from './harness';

const MB = 1024 * 1024;

let app: App;
let enterprises: Enterprise[] = [];
/** The files picked, written once to a temp folder: Chromium reads a path itself, no 50 MB copy through the driver. */
let fixtures = '';
beforeAll(async () => {
  app = await openApp();
  await app.loadDemoData('small');
  enterprises = ((await app.readRows('enterprises')) as Enterprise[]).filter((e) => e.deletedAt === undefined);
  fixtures = await mkdtemp(path.join(tmpdir(), 'visit-ledger-attachments-'));
});
afterAll(async () => {
  await app?.close();
  if (fixtures) await rm(fixtures, { recursive: true, force: true });
});

/** Writes a file to pick (its type comes from its extension, as with a real file) and returns its path. */
async function fixture(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(fixtures, name);
  await writeFile(file, bytes);
  return file;
}

// ---- fixtures ---------------------------------------------------------------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A camera-sized RGB PNG (4000 × 3000, about 12 MB) that compresses like a photo, not like a flat
 * colour: gradients with a little sensor-like noise (a flat PNG would be smaller than any JPEG).
 */
function makePhotoPng(width = 4000, height = 3000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let seed = 12;
  let at = 0;
  for (let y = 0; y < height; y++) {
    raw[at++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed >> 16) & 1;
      raw[at++] = ((x * 200) / width + noise) | 0;
      raw[at++] = ((y * 200) / height + noise) | 0;
      raw[at++] = (128 + (((x + y) >> 5) & 63) + ((seed >> 20) & 1)) & 255;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 1 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A JPEG as a phone held upright writes it: the pixels landscape (4000 × 2000, upper half red,
 * lower half blue) and EXIF orientation 6, "turn 90° clockwise to show". Shown right, it is a
 * portrait with red on the right and blue on the left. Encoded by the page's own canvas.
 */
async function makeRotatedJpeg(): Promise<Buffer> {
  const base64 = await app.page.evaluate(async () => {
    const canvas = new OffscreenCanvas(4000, 2000);
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(4000, 2000);
    for (let i = 0; i < image.data.length; i += 4) {
      const upper = i < image.data.length / 2;
      const grain = (i * 2654435761) >>> 28; // 0..15, a little texture
      image.data[i] = upper ? 220 + grain : 20 + grain;
      image.data[i + 1] = 30 + grain;
      image.data[i + 2] = upper ? 30 + grain : 220 + grain;
      image.data[i + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
  const jpeg = Buffer.from(base64, 'base64');
  // APP1 "Exif": a big-endian TIFF header and one IFD entry, Orientation (0x0112, SHORT) = 6.
  const tiff = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), length, payload, jpeg.subarray(2)]);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// ---- reading what was stored -------------------------------------------------------------------------

interface StoredImage {
  fileName: string;
  mimeType: string;
  size: number;
  blobSize: number;
  sha256: string;
  width: number;
  height: number;
  /** The colour in the middle of the left and right edges, as shown. */
  left: number[];
  right: number[];
}

/** The live attachments of a visit, decoded by the page as the app shows them. */
async function storedImages(visitId: string): Promise<StoredImage[]> {
  return app.page.evaluate(async (ownerId) => {
    const rows = await new Promise<{ ownerId: string; fileName: string; mimeType: string; size: number; blob: Blob; deletedAt?: string }[]>(
      (resolve, reject) => {
        const open = indexedDB.open('visit-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('attachments', 'readonly').objectStore('attachments').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      },
    );
    const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
    return Promise.all(
      rows
        .filter((row) => row.ownerId === ownerId && !row.deletedAt)
        .map(async (row) => {
          const bitmap = await createImageBitmap(row.blob, { imageOrientation: 'from-image' });
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d')!;
          context.drawImage(bitmap, 0, 0);
          const middle = Math.floor(bitmap.height / 2);
          const pixel = (x: number) => [...context.getImageData(x, middle, 1, 1).data.slice(0, 3)];
          const image = {
            fileName: row.fileName,
            mimeType: row.mimeType,
            size: row.size,
            blobSize: row.blob.size,
            sha256: hex(await crypto.subtle.digest('SHA-256', await row.blob.arrayBuffer())),
            width: bitmap.width,
            height: bitmap.height,
            left: pixel(5),
            right: pixel(bitmap.width - 6),
          };
          bitmap.close();
          return image;
        }),
    );
  }, visitId);
}

async function openVisitForm(enterprise: Enterprise): Promise<Locator> {
  await app.goto(`/visits/new/${enterprise.id}`);
  const form = app.page.getByRole('form', { name: '走访记录' });
  await form.waitFor();
  return form;
}

/** Fills what a visit needs, saves it, and returns the stored visit. */
async function saveVisit(form: Locator, summary: string): Promise<Visit> {
  const officers = form.getByLabel('走访人员');
  await officers.click();
  await officers.pressSequentially('王敏');
  await officers.press('Enter');
  await form.getByLabel('走访情况').fill(summary);
  await form.getByRole('button', { name: '保存走访' }).click();
  // The message of the previous test's save can still be on screen (two at once on a busy machine), and
  // before this one is written: any one of them, then polled for this visit.
  await app.page.getByText('走访已保存').first().waitFor();
  const find = async () => ((await app.readRows('visits')) as Visit[]).find((v) => v.summary === summary);
  await expect.poll(find).toBeDefined();
  return (await find())!;
}

// ---- tests ---------------------------------------------------------------------------------------------

const photo = makePhotoPng();

test('the picker states the limits; a 4000 × 3000 photo is stored at 1920 × 1440 as a smaller JPEG, a phone photo upright', async () => {
  const form = await openVisitForm(enterprises[0]!);
  expect(await form.getByText('单个文件不超过 20 MB，每次走访合计不超过 60 MB、最多 20 个；照片将压缩至长边 1920 像素').isVisible()).toBe(true);
  // 保留原图 is offered once there is a photo it would apply to.
  expect(await form.getByLabel(/保留原图/).count()).toBe(0);

  const rotated = await makeRotatedJpeg();
  await form.getByLabel('选择附件文件').setInputFiles([await fixture('车间全景.png', photo), await fixture('竖拍.jpg', rotated)]);
  const tile = form.getByRole('group', { name: '附件 车间全景.jpg' });
  await tile.waitFor();
  await form.getByRole('group', { name: '附件 竖拍.jpg' }).waitFor();
  // The tile keeps each size whole on its line (no-break spaces).
  const note = (await tile.getByText(/^已压缩：/).innerText()).replace(/\u00a0/g, ' ');
  expect(note).toMatch(/^已压缩：\d+(\.\d)? MB → \d+(\.\d)? (KB|MB)$/);
  expect(await form.getByLabel(/保留原图/).isChecked()).toBe(false);

  const visit = await saveVisit(form, '全景照片压缩');
  const stored = await storedImages(visit.id);
  const panorama = stored.find((s) => s.fileName === '车间全景.jpg');
  expect(panorama).toMatchObject({ mimeType: 'image/jpeg', width: 1920, height: 1440 });
  expect(panorama!.size).toBe(panorama!.blobSize);
  expect(panorama!.size).toBeLessThan(photo.length / 5);
  console.log(`[attachments] 4000×3000 PNG ${(photo.length / MB).toFixed(1)} MB → 1920×1440 JPEG ${(panorama!.size / MB).toFixed(2)} MB (${note})`);

  // Orientation 6 applied: a portrait, the red upper half of the pixels now on the right.
  const upright = stored.find((s) => s.fileName === '竖拍.jpg');
  expect(upright).toMatchObject({ mimeType: 'image/jpeg', width: 960, height: 1920 });
  expect(upright!.size).toBeLessThan(rotated.length);
  expect(upright!.right[0]).toBeGreaterThan(150);
  expect(upright!.right[2]).toBeLessThan(100);
  expect(upright!.left[2]).toBeGreaterThan(150);
  expect(upright!.left[0]).toBeLessThan(100);
});

test('保留原图 keeps the photo exactly as picked, and can be turned off again before saving', async () => {
  const form = await openVisitForm(enterprises[1]!);
  await form.getByLabel('选择附件文件').setInputFiles(await fixture('车间全景.png', photo));
  await form.getByRole('group', { name: '附件 车间全景.jpg' }).waitFor();

  const keep = form.getByLabel(/保留原图/);
  await keep.check();
  const original = form.getByRole('group', { name: '附件 车间全景.png' });
  await original.waitFor();
  expect(await original.getByText(/已压缩/).count()).toBe(0);
  // Off and on again: the smaller version comes back without picking the file again.
  await keep.uncheck();
  await form.getByRole('group', { name: '附件 车间全景.jpg' }).waitFor();
  await keep.check();
  await original.waitFor();

  const visit = await saveVisit(form, '保留原图');
  const [stored] = await storedImages(visit.id);
  expect(stored).toMatchObject({ fileName: '车间全景.png', mimeType: 'image/png', size: photo.length, width: 4000, height: 3000, sha256: sha256(photo) });
});

test('a file over 20 MB, and one past 60 MB a visit, are refused at once by name and limit; nothing of them is stored', async () => {
  const form = await openVisitForm(enterprises[2]!);
  const picker = form.getByLabel('选择附件文件');

  await picker.setInputFiles(await fixture('现场录像.mp4', Buffer.alloc(21 * MB)));
  await form.getByText('「现场录像.mp4」有 21 MB，超过单个文件 20 MB 的上限，未添加').waitFor();
  expect(await form.getByRole('group', { name: '附件 现场录像.mp4' }).count()).toBe(0);

  // Three scans of 19.5 MB fit (58.5 MB); a fourth file of 2 MB would pass 60 MB.
  const scan = Buffer.alloc(19.5 * MB, 7);
  await picker.setInputFiles([await fixture('合同扫描件1.pdf', scan), await fixture('合同扫描件2.pdf', scan)]);
  await form.getByRole('group', { name: '附件 合同扫描件2.pdf' }).waitFor();
  // The refusal of the pick before is gone: the field shows what the last pick left out.
  await expect.poll(() => form.getByText(/现场录像\.mp4/).count()).toBe(0);
  await picker.setInputFiles([await fixture('合同扫描件3.pdf', scan), await fixture('附表.pdf', Buffer.alloc(2 * MB, 7))]);
  await form.getByText('「附表.pdf」（2 MB）超出每次走访附件合计 60 MB 的上限（已有 58.5 MB），未添加').waitFor();
  await form.getByRole('group', { name: '附件 合同扫描件3.pdf' }).waitFor();
  expect(await form.getByRole('group', { name: '附件 附表.pdf' }).count()).toBe(0);

  const visit = await saveVisit(form, '扫描件');
  const stored = ((await app.readRows('attachments')) as { ownerId: string; fileName: string; size: number }[]).filter((a) => a.ownerId === visit.id);
  expect(stored.map((a) => a.fileName).sort()).toEqual(['合同扫描件1.pdf', '合同扫描件2.pdf', '合同扫描件3.pdf']);
  expect(stored.every((a) => a.size === scan.length)).toBe(true);
});
