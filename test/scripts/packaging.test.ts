// Packaging (npm run package): the electron-builder configuration signs Windows installers when a
// certificate comes through the environment and builds unsigned otherwise, and is what electron-builder
// itself loads and accepts; SHA256SUMS lists this version's installers in the format `sha256sum -c` reads.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBuilderConfig, windowsCertificateSource } from '../../build/electron-builder.config';
import { checksumsFileName, formatSha256Sums, releaseArtifacts, writeSha256Sums } from '../../scripts/lib/checksums';

const projectRoot = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);

/** electron-builder's own loader and schema check (app-builder-lib, which electron-builder runs). */
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const quietLogger = { isEnabled: false, add: () => undefined };

describe('the electron-builder configuration', () => {
  it('is the file `npm run package` passes, loaded and accepted by electron-builder itself', async () => {
    const pkg = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.package).toBe('npm run build && electron-builder --config build/electron-builder.config.ts && tsx scripts/sha256sums.ts release');
    const loaded = await builderConfig.getConfig(projectRoot, 'build/electron-builder.config.ts');
    await expect(builderConfig.validateConfiguration(loaded, quietLogger)).resolves.toBeUndefined();
    expect(loaded).toMatchObject({ appId: 'org.visitledger.desktop', directories: { output: 'release' } });
  });

  it('builds unsigned without a certificate in the environment', async () => {
    expect(windowsCertificateSource({})).toBeNull();
    expect(windowsCertificateSource({ CSC_LINK: '', WIN_CSC_LINK: '  ' })).toBeNull();
    const config = electronBuilderConfig({});
    expect(config.win).toMatchObject({ forceCodeSigning: false, signtoolOptions: { signingHashAlgorithms: ['sha256'] } });
    await builderConfig.validateConfiguration(config, quietLogger);
  });

  it.each([
    ['WIN_CSC_LINK', { WIN_CSC_LINK: 'C:\\certs\\bureau.pfx', WIN_CSC_KEY_PASSWORD: 'secret' }],
    ['CSC_LINK', { CSC_LINK: '/secure/bureau.p12', CSC_KEY_PASSWORD: 'secret' }],
    ['WIN_CSC_LINK', { WIN_CSC_LINK: 'https://intranet/bureau.pfx', CSC_LINK: '/other.p12' }],
  ])('signs, and refuses to ship unsigned, when %s carries a certificate', async (source, env) => {
    expect(windowsCertificateSource(env)).toBe(source);
    const config = electronBuilderConfig(env);
    expect(config.win).toMatchObject({ forceCodeSigning: true, signtoolOptions: { signingHashAlgorithms: ['sha256'] } });
    await builderConfig.validateConfiguration(config, quietLogger);
  });

  it('never holds a certificate, a password or a switch that turns signing off', () => {
    const text = JSON.stringify(electronBuilderConfig({ WIN_CSC_LINK: '/x.pfx', WIN_CSC_KEY_PASSWORD: 'pw' }));
    expect(text).not.toContain('/x.pfx');
    expect(text).not.toContain('"pw"');
    for (const key of ['cscLink', 'cscKeyPassword', 'certificateFile', 'certificatePassword', 'signExecutable', 'signAndEditExecutable', 'sign"']) {
      expect(text).not.toContain(key);
    }
  });

  it('targets only architectures Electron 45 still ships (no ia32, no armv7l)', () => {
    const text = JSON.stringify(electronBuilderConfig({}));
    expect(text).not.toMatch(/ia32|armv7l/);
  });
});

describe('SHA256SUMS', () => {
  let folder: string;
  const version = '0.1.0';

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'sha256sums-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** What electron-builder leaves in release/ after a Windows and a Linux build, and an older version. */
  async function fakeRelease() {
    const artifacts: Record<string, string> = {
      [`visit-ledger-${version}-win-x64.exe`]: 'MZ windows installer',
      [`visit-ledger-${version}-linux-amd64.deb`]: 'debian package',
      [`visit-ledger-${version}-linux-x86_64.AppImage`]: 'appimage',
      [`visit-ledger-${version}-linux-arm64.AppImage`]: '',
      [`visit-ledger-${version}-win-x64.exe.blockmap`]: 'blockmap',
      'visit-ledger-0.0.9-win-x64.exe': 'older version',
      'latest.yml': 'version: 0.1.0',
      'builder-debug.yml': 'x',
      'builder-effective-config.yaml': 'x',
    };
    for (const [name, body] of Object.entries(artifacts)) await writeFile(path.join(folder, name), body);
    await mkdir(path.join(folder, 'win-unpacked'));
    await writeFile(path.join(folder, 'win-unpacked', 'visit-ledger.exe'), 'unpacked');
    return artifacts;
  }

  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('picks this version’s installers only', () => {
    expect(
      releaseArtifacts(
        ['visit-ledger-0.1.0-win-x64.exe', 'visit-ledger-0.1.0-win-x64.exe.blockmap', 'visit-ledger-0.1.0-mac-arm64.dmg', 'visit-ledger-0.1.1-win-x64.exe', 'latest.yml', 'SHA256SUMS'],
        '0.1.0',
      ),
    ).toEqual(['visit-ledger-0.1.0-mac-arm64.dmg', 'visit-ledger-0.1.0-win-x64.exe']);
  });

  it('lists each installer with its SHA-256, one "<hex>  <name>" line each', async () => {
    const artifacts = await fakeRelease();
    const entries = await writeSha256Sums(folder, version);
    const expected = [
      `visit-ledger-${version}-linux-amd64.deb`,
      `visit-ledger-${version}-linux-arm64.AppImage`,
      `visit-ledger-${version}-linux-x86_64.AppImage`,
      `visit-ledger-${version}-win-x64.exe`,
    ].map((name) => ({ name, sha256: sha256(artifacts[name]!) }));
    expect(entries).toEqual(expected);
    const written = await readFile(path.join(folder, checksumsFileName), 'utf8');
    expect(written).toBe(formatSha256Sums(expected));
    expect(written.split('\n')[3]).toMatch(/^[0-9a-f]{64} {2}visit-ledger-0\.1\.0-win-x64\.exe$/);
    // The empty file's hash, as every sha256 tool prints it.
    expect(written).toContain(`e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  visit-ledger-${version}-linux-arm64.AppImage\n`);
  });

  it.runIf(spawnSync('sha256sum', ['--version']).status === 0)('is what `sha256sum -c` checks, and catches a changed installer', async () => {
    await fakeRelease();
    await writeSha256Sums(folder, version);
    const check = spawnSync('sha256sum', ['-c', checksumsFileName], { cwd: folder, encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(`visit-ledger-${version}-win-x64.exe: OK`);

    await writeFile(path.join(folder, `visit-ledger-${version}-win-x64.exe`), 'MZ tampered installer');
    const tampered = spawnSync('sha256sum', ['-c', checksumsFileName], { cwd: folder, encoding: 'utf8' });
    expect(tampered.status).not.toBe(0);
    expect(tampered.stdout).toContain(`visit-ledger-${version}-win-x64.exe: FAILED`);
  });

  it('replaces an older SHA256SUMS', async () => {
    await fakeRelease();
    await writeFile(path.join(folder, checksumsFileName), 'stale\n');
    await writeSha256Sums(folder, version);
    expect(await readFile(path.join(folder, checksumsFileName), 'utf8')).not.toContain('stale');
  });

  it('fails when the folder holds no installer of this version', async () => {
    await writeFile(path.join(folder, 'visit-ledger-0.0.9-win-x64.exe'), 'older');
    await expect(writeSha256Sums(folder, version)).rejects.toThrow(/no installers of version 0\.1\.0/);
  });

  it('runs as the last step of npm run package (scripts/sha256sums.ts)', async () => {
    const pkg = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    await writeFile(path.join(folder, `visit-ledger-${pkg.version}-win-x64.exe`), 'installer');
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts', 'sha256sums.ts'), folder], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(await readFile(path.join(folder, checksumsFileName), 'utf8')).toBe(`${sha256('installer')}  visit-ledger-${pkg.version}-win-x64.exe\n`);

    const empty = await mkdtemp(path.join(os.tmpdir(), 'sha256sums-empty-'));
    const failed = spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts', 'sha256sums.ts'), empty], { cwd: projectRoot, encoding: 'utf8' });
    await rm(empty, { recursive: true, force: true });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('SHA256SUMS not written');
  }, 30_000);
});
