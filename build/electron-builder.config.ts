// electron-builder configuration: `npm run package` (= npm run build, then electron-builder with this
// file, then scripts/sha256sums.ts writes release/SHA256SUMS). Pick targets on the command line, e.g.
// `npx electron-builder --config build/electron-builder.config.ts --win` (or --linux / --mac); each OS
// is best built on that OS. Output goes to release/. electron-builder reads this TypeScript file itself
// (through jiti); test/scripts/packagingConfig.test.ts loads it the same way and checks it against
// electron-builder's schema.
//
// Windows code signing: the installer (and the app and uninstaller inside it) is signed when a
// certificate comes through the environment — WIN_CSC_LINK (a .pfx/.p12 file path, https URL or base64)
// with WIN_CSC_KEY_PASSWORD, or the generic CSC_LINK / CSC_KEY_PASSWORD — and built unsigned otherwise.
// With a certificate, a build that cannot sign fails (forceCodeSigning) instead of quietly shipping an
// unsigned installer. The certificate never goes into this file or the repository.
import type { Configuration } from 'electron-builder';

type Env = Readonly<Record<string, string | undefined>>;

/** The environment variable that carries the Windows signing certificate, or null for an unsigned build. */
export function windowsCertificateSource(env: Env): 'WIN_CSC_LINK' | 'CSC_LINK' | null {
  if (env.WIN_CSC_LINK?.trim()) return 'WIN_CSC_LINK';
  if (env.CSC_LINK?.trim()) return 'CSC_LINK';
  return null;
}

export function electronBuilderConfig(env: Env): Configuration {
  const signWindows = windowsCertificateSource(env) !== null;
  return {
    appId: 'org.visitledger.desktop',
    productName: '企业走访台账',
    // ASCII names for the executable and the artifacts: Chinese names break some Linux launchers and URLs.
    executableName: 'visit-ledger',
    artifactName: 'visit-ledger-${version}-${os}-${arch}.${ext}',
    copyright: 'Copyright © 2026 Visit Ledger',

    directories: { output: 'release', buildResources: 'build' },

    // Only the built app goes in: the renderer and the main/preload bundles (no sources, no source maps).
    // The bundles carry their dependencies (vite and esbuild bundle them), so no node_modules at all.
    files: ['dist/**', '!dist/**/*.map', 'package.json', '!node_modules/**'],
    asar: true,
    npmRebuild: false,

    // Fuses harden the binary: no running as plain Node, no NODE_OPTIONS or --inspect, code only from
    // the (integrity-checked) asar, and file:// gets no extra privileges since the app loads from app://.
    electronFuses: {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    },

    win: {
      target: [{ target: 'nsis', arch: ['x64'] }],
      icon: 'build/icon.png',
      // The certificate itself comes from WIN_CSC_LINK / CSC_LINK (electron-builder reads them); only
      // how to sign is set here. SHA-256 only: Windows 10 and later, which Electron requires anyway.
      signtoolOptions: { signingHashAlgorithms: ['sha256'] },
      forceCodeSigning: signWindows,
    },

    nsis: {
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: '企业走访台账',
      installerLanguages: ['zh_CN'],
      language: '2052',
      // Uninstalling keeps the user's data folder (the IndexedDB with every visit, and the backups).
      deleteAppDataOnUninstall: false,
    },

    linux: {
      target: [
        { target: 'deb', arch: ['x64', 'arm64'] },
        { target: 'AppImage', arch: ['x64', 'arm64'] },
      ],
      icon: 'build/icon.png',
      category: 'Office',
      synopsis: '企业走访台账 — 离线记录企业走访与问题诉求',
      description: '区镇、部门干部走访企业时离线记录走访情况和问题诉求，跟踪办理，生成台账与报表。',
      maintainer: 'Visit Ledger <visit-ledger@localhost>',
      desktop: { entry: { Name: '企业走访台账', Comment: '企业走访与问题诉求台账' } },
    },

    mac: {
      target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
      icon: 'build/icon.png',
      category: 'public.app-category.productivity',
    },
  };
}

export default electronBuilderConfig(process.env);
