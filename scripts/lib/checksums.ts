// SHA256SUMS for the installers electron-builder leaves in release/, so the bureau can check a copy
// brought on a USB stick before installing it (README: Windows `certutil -hashfile … SHA256`, Linux
// `sha256sum -c SHA256SUMS`). The file is in the GNU coreutils format, "<hex>  <file name>" per line,
// which `sha256sum -c` reads as it is; scripts/sha256sums.ts writes it after electron-builder.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The file name the checksums are written under. */
export const checksumsFileName = 'SHA256SUMS';

/** What electron-builder makes that an officer installs (not its .blockmap, .yml or unpacked folders). */
const installerSuffixes = ['.exe', '.msi', '.deb', '.rpm', '.AppImage', '.dmg', '.zip', '.7z', '.tar.gz', '.tar.xz', '.snap'];

/** The installers of `version` among `names` (build/electron-builder.config.ts names them visit-ledger-<version>-…), sorted. */
export function releaseArtifacts(names: readonly string[], version: string): string[] {
  const prefix = `visit-ledger-${version}-`;
  return names.filter((name) => name.startsWith(prefix) && installerSuffixes.some((suffix) => name.endsWith(suffix))).sort();
}

/** The SHA-256 of a file, in lower-case hex, read as a stream (installers are 100+ MB). */
export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export interface ChecksumEntry {
  name: string;
  sha256: string;
}

/** One line per file, as `sha256sum` writes and `sha256sum -c` reads it. */
export function formatSha256Sums(entries: readonly ChecksumEntry[]): string {
  return entries.map(({ sha256, name }) => `${sha256}  ${name}\n`).join('');
}

/**
 * Writes `folder`/SHA256SUMS for the installers of `version` in it (replacing an older one) and returns
 * the entries. Throws when there is none: a release without installers is a failed build.
 */
export async function writeSha256Sums(folder: string, version: string): Promise<ChecksumEntry[]> {
  const names = releaseArtifacts(
    (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name),
    version,
  );
  if (names.length === 0) throw new Error(`no installers of version ${version} in ${folder} (visit-ledger-${version}-…)`);
  const entries: ChecksumEntry[] = [];
  for (const name of names) entries.push({ name, sha256: await sha256OfFile(path.join(folder, name)) });
  const target = path.join(folder, checksumsFileName);
  await writeFile(`${target}.tmp`, formatSha256Sums(entries));
  await rename(`${target}.tmp`, target);
  return entries;
}
