// `npm run package`, last step: writes release/SHA256SUMS for this version's installers (see
// scripts/lib/checksums.ts and README, "Installing an update from a USB stick").
// Usage: npx tsx scripts/sha256sums.ts [FOLDER]   (default: release)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checksumsFileName, writeSha256Sums } from './lib/checksums';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = path.resolve(process.argv[2] ?? path.join(root, 'release'));
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

try {
  const entries = await writeSha256Sums(folder, version);
  console.log(`${path.join(folder, checksumsFileName)}:`);
  for (const { sha256, name } of entries) console.log(`  ${sha256}  ${name}`);
} catch (error) {
  console.error(`SHA256SUMS not written: ${(error as Error).message}`);
  process.exit(1);
}
