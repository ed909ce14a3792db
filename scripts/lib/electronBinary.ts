// Where the Electron executable is, without downloading it. Since Electron 42 the `electron` package
// has no postinstall download: `require('electron')` (its index.js) downloads the binary itself when it
// is missing, synchronously and with no time-out. scripts/start.ts must never hang on that, so it
// reads what the package's installer leaves behind instead — path.txt naming the executable under
// dist/ — and runs the installer (install.js) itself, once, with a time-out.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The executable if it is installed in `electronPackageDir` (node_modules/electron), else null. */
export function installedElectronBinary(electronPackageDir: string, env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  let relative: string;
  try {
    relative = readFileSync(path.join(electronPackageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (relative === '') return null;
  // The same override the package's own index.js honours.
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronPackageDir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : null;
}
