// scripts/lib/electronBinary.ts finds the installed Electron executable without require('electron'),
// which since Electron 42 downloads a missing binary with no time-out.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installedElectronBinary } from '../../scripts/lib/electronBinary';

let pkg: string;

beforeEach(async () => {
  pkg = await mkdtemp(path.join(os.tmpdir(), 'electron-pkg-'));
  // What `npm install electron` leaves: the package files, no dist/ and no path.txt.
  await writeFile(path.join(pkg, 'index.js'), "throw new Error('index.js must not be loaded: it downloads');");
});

afterEach(async () => {
  await rm(pkg, { recursive: true, force: true });
});

describe('installedElectronBinary', () => {
  it('is null when the binary was never downloaded', () => {
    expect(installedElectronBinary(pkg, {})).toBeNull();
  });

  it('is null when path.txt names an executable that is not there', async () => {
    await writeFile(path.join(pkg, 'path.txt'), 'electron');
    expect(installedElectronBinary(pkg, {})).toBeNull();
  });

  it('is the executable under dist/ that path.txt names', async () => {
    await writeFile(path.join(pkg, 'path.txt'), 'electron');
    await mkdir(path.join(pkg, 'dist'));
    await writeFile(path.join(pkg, 'dist', 'electron'), '');
    expect(installedElectronBinary(pkg, {})).toBe(path.join(pkg, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the package does', async () => {
    const elsewhere = path.join(pkg, 'custom');
    await writeFile(path.join(pkg, 'path.txt'), 'electron.exe');
    await mkdir(elsewhere);
    await writeFile(path.join(elsewhere, 'electron.exe'), '');
    expect(installedElectronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toBe(path.join(elsewhere, 'electron.exe'));
  });

  it('reads the real electron package without loading it (no download is attempted)', () => {
    const real = path.dirname(require.resolve('electron/package.json'));
    // Null where no binary was downloaded (as here), its path where it was; never a download.
    const binary = installedElectronBinary(real);
    if (binary !== null) expect(path.isAbsolute(binary)).toBe(true);
  });
});
