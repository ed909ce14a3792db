// Bundles benchBaselineEntry.ts into one script for page.evaluate: the baseline runs inside Chromium
// like the app does, without being part of the app's bundle. (DevTools-protocol evaluation is not
// subject to the page's CSP, which forbids inline scripts.)
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { projectRoot } from './renderer';

export type { BaselineResult } from './benchBaselineEntry';

/** Bundles one script for page.evaluate in Chromium: a single IIFE in memory, nothing written. */
export async function bundleForPage(options: Pick<BuildOptions, 'entryPoints' | 'stdin' | 'define'>): Promise<string> {
  const result = await build({
    ...options,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no bundle');
  return output.text;
}

export function bundleBaseline(): Promise<string> {
  return bundleForPage({ entryPoints: [path.join(projectRoot, 'scripts', 'lib', 'benchBaselineEntry.ts')] });
}
