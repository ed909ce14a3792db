// Files picked on the visit form become pending attachments here: a file over the per-file limit is
// refused before anything is read; a photo gets its smaller version (photoDownscale.ts); a file that
// would pass the visit's count or total is refused. Each refusal names the file and the limit.
// A photo keeps both versions for as long as the form is open, so 保留原图 can switch between them
// without picking again; the draft holds only the version that would be stored.
import { additionIssue, notAddedMessage, pickedFileIssue, type SizedFile } from '../../../../shared/visits/attachmentLimits';
import { downscalePhoto } from './photoDownscale';
import type { PendingFile } from './visitRepo';

/** A photo picked on this form that has a smaller version: both, under the pending file's key. */
export interface PhotoVersions {
  original: PendingFile;
  downscaled: PendingFile;
}

export interface PickOutcome {
  /** The accepted files, each as it would be stored with the 保留原图 choice given. */
  added: PendingFile[];
  /** The accepted photos that have a smaller version, by key. */
  versions: Map<string, PhotoVersions>;
  /** Why the other files were not added, one message each. */
  refused: string[];
}

export function sized(file: PendingFile): SizedFile {
  return { fileName: file.fileName, size: file.blob.size };
}

function toPending(file: File): PendingFile {
  return {
    key: globalThis.crypto.randomUUID(),
    fileName: file.name,
    mimeType: file.type || 'application/octet-stream',
    // A File is a Blob; keep it as a plain Blob so the draft's structured clone is the same everywhere.
    blob: file.slice(0, file.size, file.type),
  };
}

/**
 * The picked files checked against the limits, photos made smaller, one after another (a decoded
 * photo holds tens of MB: never several at once). `current` is what the visit has already, as stored.
 */
export async function pickAttachments(files: readonly File[], current: readonly SizedFile[], keepOriginals: boolean): Promise<PickOutcome> {
  const added: PendingFile[] = [];
  const versions = new Map<string, PhotoVersions>();
  const refused: string[] = [];
  for (const file of files) {
    const tooLarge = pickedFileIssue({ fileName: file.name, size: file.size });
    if (tooLarge) {
      refused.push(notAddedMessage(tooLarge));
      continue;
    }
    const original = toPending(file);
    const photo = await downscalePhoto(original.blob, original.fileName, original.mimeType);
    const downscaled = photo ? { key: original.key, fileName: photo.fileName, mimeType: photo.mimeType, blob: photo.blob } : undefined;
    const stored = downscaled && !keepOriginals ? downscaled : original;
    const issue = additionIssue([...current, ...added.map(sized)], sized(stored));
    if (issue) {
      refused.push(notAddedMessage(issue));
      continue;
    }
    added.push(stored);
    if (downscaled) versions.set(original.key, { original, downscaled });
  }
  return { added, versions, refused };
}

/** The pending files with the version 保留原图 asks for, where a photo has two. */
export function withChosenVersions(pending: readonly PendingFile[], versions: ReadonlyMap<string, PhotoVersions>, keepOriginals: boolean): PendingFile[] {
  return pending.map((file) => {
    const both = versions.get(file.key);
    if (!both) return file;
    return keepOriginals ? both.original : both.downscaled;
  });
}
