// The attachment limits of a visit (issue 12): what the picker refuses, what the save refuses, and
// the size and name a downscaled photo gets.
import { describe, expect, it } from 'vitest';
import {
  additionIssue,
  attachmentLimitHint,
  attachmentLimits,
  downscaledFileName,
  downscaledNote,
  downscaledSize,
  isDownscalableType,
  keepOriginalsIssue,
  notAddedMessage,
  pickedFileIssue,
  sizeText,
  visitAttachmentsIssue,
  type SizedFile,
} from '../../../shared/visits/attachmentLimits';

const MB = 1024 * 1024;
const file = (fileName: string, mb: number): SizedFile => ({ fileName, size: Math.round(mb * MB) });

describe('the limits', () => {
  it('are 20 MB a file, 60 MB and 20 files a visit, photos at 1920 px, and the picker says so', () => {
    expect(attachmentLimits).toMatchObject({ perFileBytes: 20 * MB, perVisitBytes: 60 * MB, perVisitFiles: 20, photoLongEdge: 1920 });
    expect(attachmentLimitHint).toContain('单个文件不超过 20 MB');
    expect(attachmentLimitHint).toContain('每次走访合计不超过 60 MB');
    expect(attachmentLimitHint).toContain('最多 20 个');
    expect(attachmentLimitHint).toContain('照片将压缩至长边 1920 像素');
  });

  it('reads sizes as an officer would', () => {
    expect(sizeText(512)).toBe('512 B');
    expect(sizeText(35 * 1024)).toBe('35 KB');
    expect(sizeText(4.2 * MB)).toBe('4.2 MB');
    expect(sizeText(20 * MB)).toBe('20 MB');
  });
});

describe('at the picker', () => {
  it('refuses a file over 20 MB by name and limit, and takes one of exactly 20 MB', () => {
    expect(pickedFileIssue(file('车间全景.tif', 25.3))).toBe('「车间全景.tif」有 25.3 MB，超过单个文件 20 MB 的上限');
    expect(notAddedMessage(pickedFileIssue(file('车间全景.tif', 25.3))!)).toBe('「车间全景.tif」有 25.3 MB，超过单个文件 20 MB 的上限，未添加');
    expect(pickedFileIssue(file('合同扫描件.pdf', 20))).toBeUndefined();
  });

  it('refuses the file that would take the visit over 60 MB, saying how much is there', () => {
    const current = [file('a.pdf', 19), file('b.pdf', 19), file('c.pdf', 19)];
    expect(additionIssue(current, file('d.pdf', 3))).toBeUndefined();
    expect(additionIssue(current, file('d.pdf', 3.5))).toBe('「d.pdf」（3.5 MB）超出每次走访附件合计 60 MB 的上限（已有 57 MB）');
  });

  it('refuses the 21st file of a visit', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => file(`照片${i + 1}.jpg`, 0.5));
    expect(additionIssue(twenty.slice(0, 19), file('照片20.jpg', 0.5))).toBeUndefined();
    expect(additionIssue(twenty, file('照片21.jpg', 0.5))).toBe('「照片21.jpg」超出每次走访 20 个附件的上限');
  });

  it('lets 保留原图 on only while the originals fit the visit', () => {
    expect(keepOriginalsIssue(60 * MB)).toBeUndefined();
    expect(keepOriginalsIssue(75.1 * MB)).toBe('保留原图后附件合计 75.1 MB，超过每次走访 60 MB 的上限；请先移除部分照片');
  });
});

describe('at the save', () => {
  it('takes new files that fit with the kept ones', () => {
    expect(visitAttachmentsIssue([file('旧.jpg', 30)], [file('新1.jpg', 20), file('新2.jpg', 10)])).toBeUndefined();
  });

  it('names the first new file over a limit', () => {
    expect(visitAttachmentsIssue([], [file('大.mp4', 21)])).toContain('「大.mp4」有 21 MB');
    expect(visitAttachmentsIssue([file('旧.jpg', 30)], [file('新1.jpg', 20), file('新2.jpg', 11)])).toBe(
      '「新2.jpg」（11 MB）超出每次走访附件合计 60 MB 的上限（已有 50 MB）',
    );
    const nineteen = Array.from({ length: 19 }, (_, i) => file(`旧${i}.jpg`, 0.1));
    expect(visitAttachmentsIssue(nineteen, [file('新1.jpg', 0.1), file('新2.jpg', 0.1)])).toBe('「新2.jpg」超出每次走访 20 个附件的上限');
  });

  it('never refuses an edit that adds nothing, even when older attachments are over today’s limits', () => {
    const before = Array.from({ length: 25 }, (_, i) => file(`旧${i}.jpg`, 5));
    expect(visitAttachmentsIssue(before, [])).toBeUndefined();
  });
});

describe('photos', () => {
  it('re-encodes JPEG, PNG and WebP only', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp', 'IMAGE/JPEG']) expect(isDownscalableType(type)).toBe(true);
    for (const type of ['image/heic', 'image/gif', 'application/pdf', '']) expect(isDownscalableType(type)).toBe(false);
  });

  it('brings the longer side to 1920 px and keeps the ratio, landscape or portrait', () => {
    expect(downscaledSize(4000, 3000)).toEqual({ width: 1920, height: 1440 });
    expect(downscaledSize(3024, 4032)).toEqual({ width: 1440, height: 1920 });
    expect(downscaledSize(8000, 100)).toEqual({ width: 1920, height: 24 });
    expect(downscaledSize(20000, 1)).toEqual({ width: 1920, height: 1 });
  });

  it('leaves a photo of 1920 px or less as it is', () => {
    expect(downscaledSize(1920, 1080)).toBeUndefined();
    expect(downscaledSize(16, 12)).toBeUndefined();
  });

  it('keeps the base name and ends it in .jpg', () => {
    expect(downscaledFileName('车间现场.PNG')).toBe('车间现场.jpg');
    expect(downscaledFileName('IMG_0001.jpeg')).toBe('IMG_0001.jpg');
    expect(downscaledFileName('2026.11.18 合影.webp')).toBe('2026.11.18 合影.jpg');
    expect(downscaledFileName('无扩展名')).toBe('无扩展名.jpg');
    expect(downscaledFileName('.png')).toBe('.png.jpg');
  });

  it('says how much smaller a photo became', () => {
    expect(downscaledNote(4.2 * MB, 0.6 * MB)).toBe('已压缩：4.2 MB → 614 KB');
  });
});
