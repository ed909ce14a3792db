// Bundles benchBaselineEntry.ts into one script for page.evaluate: the baseline runs inside Chromium
// like the app does, without being part of the app's bundle. (DevTools-protocol evaluation is not
// subject to the page's CSP, which forbids inline scripts.)
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from './renderer';

export type { BaselineResult } from './benchBaselineEntry';

export async function bundleBaseline(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(projectRoot, 'scripts', 'lib', 'benchBaselineEntry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no baseline bundle');
  return output.text;
}
