// How much a visit may attach, and how photos are made smaller, so that a day of photos does not fill
// the laptop's disk (issue 12). The form states the limits at the picker and refuses a file over one
// when it is picked, naming the file and the limit; the repository checks the same limits again at
// the save, so no other path stores more. Pure: no DOM, no Dexie.

const MB = 1024 * 1024;

export const attachmentLimits = {
  /** Bytes one picked file may have (the file as picked, before a photo is made smaller). */
  perFileBytes: 20 * MB,
  /** Bytes all the attachments of one visit may have together, as stored. */
  perVisitBytes: 60 * MB,
  /** Attachments one visit may have. */
  perVisitFiles: 20,
  /** A photo's longer side after downscaling, in pixels. */
  photoLongEdge: 1920,
  /** JPEG quality of a downscaled photo. */
  photoQuality: 0.85,
} as const;

/** The line next to the picker. */
export const attachmentLimitHint =
  `单个文件不超过 ${attachmentLimits.perFileBytes / MB} MB，每次走访合计不超过 ${attachmentLimits.perVisitBytes / MB} MB、` +
  `最多 ${attachmentLimits.perVisitFiles} 个；照片将压缩至长边 ${attachmentLimits.photoLongEdge} 像素（添加后可选择保留原图）`;

/** A size as the officer reads it: 512 B, 35 KB, 4.2 MB, 20 MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${Math.round(bytes / 1024)} KB`;
  return `${Number((bytes / MB).toFixed(1))} MB`;
}

/** A size over a limit, never shown as the limit itself or less: 20 MB + 1 B reads 20.1 MB. */
function sizeOverText(bytes: number, limit: number): string {
  let tenths = Math.round((bytes / MB) * 10);
  if ((tenths * MB) / 10 <= limit) tenths = Math.floor((limit / MB) * 10) + 1;
  return `${tenths / 10} MB`;
}

/** What the limits look at: the name the officer knows the file by, and its size in bytes. */
export interface SizedFile {
  fileName: string;
  size: number;
}

// The messages name the file and the limit; the picker adds that the file was not added.

export function fileTooLargeMessage(file: SizedFile): string {
  return `「${file.fileName}」有 ${sizeOverText(file.size, attachmentLimits.perFileBytes)}，超过单个文件 ${sizeText(attachmentLimits.perFileBytes)} 的上限`;
}

export function tooManyFilesMessage(file: SizedFile): string {
  return `「${file.fileName}」超出每次走访 ${attachmentLimits.perVisitFiles} 个附件的上限`;
}

export function visitTotalMessage(file: SizedFile, before: number): string {
  return `「${file.fileName}」（${sizeText(file.size)}）超出每次走访附件合计 ${sizeText(attachmentLimits.perVisitBytes)} 的上限（已有 ${sizeText(before)}）`;
}

/** A refusal at the picker: the limit, and that the file was left out. */
export function notAddedMessage(issue: string): string {
  return `${issue}，未添加`;
}

/** Why this picked file (its size as picked) cannot be added at all, before anything is done with it. */
export function pickedFileIssue(file: SizedFile): string | undefined {
  return file.size > attachmentLimits.perFileBytes ? fileTooLargeMessage(file) : undefined;
}

/**
 * Why `file` (its size as it would be stored) cannot join the visit's `current` attachments (kept
 * and picked so far, as stored), or undefined when it can.
 */
export function additionIssue(current: readonly SizedFile[], file: SizedFile): string | undefined {
  if (current.length >= attachmentLimits.perVisitFiles) return tooManyFilesMessage(file);
  const before = totalBytes(current);
  if (before + file.size > attachmentLimits.perVisitBytes) return visitTotalMessage(file, before);
  return undefined;
}

export function totalBytes(files: readonly SizedFile[]): number {
  return files.reduce((sum, f) => sum + f.size, 0);
}

/**
 * The save's check: the first limit the new files break, together with the visit's kept
 * attachments, or undefined. Attachments stored before these limits existed are not refused on
 * their own: an edit that adds nothing stores nothing more.
 */
export function visitAttachmentsIssue(kept: readonly SizedFile[], added: readonly SizedFile[]): string | undefined {
  const current = [...kept];
  for (const file of added) {
    const issue = pickedFileIssue(file) ?? additionIssue(current, file);
    if (issue) return issue;
    current.push(file);
  }
  return undefined;
}

/** Why 保留原图 cannot be turned on: the visit's total with the photos' originals is over the limit. */
export function keepOriginalsIssue(totalWithOriginals: number): string | undefined {
  return totalWithOriginals > attachmentLimits.perVisitBytes
    ? `保留原图后附件合计 ${sizeOverText(totalWithOriginals, attachmentLimits.perVisitBytes)}，超过每次走访 ${sizeText(attachmentLimits.perVisitBytes)} 的上限；请先移除部分照片`
    : undefined;
}

// ---- photos ---------------------------------------------------------------------------------------

/** The photo formats the laptop's browser decodes and re-encodes; others (HEIC…) are stored as they are. */
const downscalableTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

export function isDownscalableType(mimeType: string): boolean {
  return downscalableTypes.has(mimeType.toLowerCase());
}

/**
 * The size a photo of `width` × `height` (as shown, orientation applied) is drawn at: its longer
 * side brought to the limit, the ratio kept; undefined when it is small enough already.
 */
export function downscaledSize(width: number, height: number, longEdge: number = attachmentLimits.photoLongEdge): { width: number; height: number } | undefined {
  const longer = Math.max(width, height);
  if (longer <= longEdge || width <= 0 || height <= 0) return undefined;
  const scale = longEdge / longer;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** The stored name of a re-encoded photo: its base name, with .jpg. `车间.PNG` → `车间.jpg`. */
export function downscaledFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  return `${base || '照片'}.jpg`;
}

/** The note on a photo's tile: 「已压缩：4.2 MB → 0.6 MB」. */
export function downscaledNote(originalBytes: number, storedBytes: number): string {
  return `已压缩：${sizeText(originalBytes)} → ${sizeText(storedBytes)}`;
}
