// Shared by the bench scripts: percentiles, a plain-text table, and replacing one script's section
// of docs/benchmarks.md (section heading = the script name) without touching the others'.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './renderer';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** A Markdown table (also readable as plain text in a terminal). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** "2026-11-26, Linux x64, 2 cores (…model…), Node v20…" */
export function machineLine(): string {
  const cpus = os.cpus();
  return `${new Date().toISOString().slice(0, 10)}, ${os.type()} ${os.arch()}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
}

export const benchmarksFile = path.join(projectRoot, 'docs', 'benchmarks.md');

const intro = `# Benchmarks

Figures measured on the development machine by the \`npm run bench:*\` scripts. Each script replaces
its own section below (the heading is the script name) and measures the app against a bare-library
baseline in the same run, so the figures can be compared on any machine. The machine has 2 cores
shared with other work: expect ±25 % noise between runs. Chromium benches use a persistent profile on
a fresh folder, so IndexedDB is on disk as for a real user.
`;

/** Replaces (or appends) the section `## ${heading}` of docs/benchmarks.md with `body`. */
export async function writeBenchmarkSection(heading: string, body: string): Promise<void> {
  const current = existsSync(benchmarksFile) ? await readFile(benchmarksFile, 'utf8') : intro;
  const section = `## ${heading}\n\n${body.trim()}\n`;
  const lines = current.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  let next: string;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`;
  } else {
    let end = lines.findIndex((line, i) => i > start && /^## /.test(line));
    if (end === -1) end = lines.length;
    next = [...lines.slice(0, start), ...section.split('\n'), ...lines.slice(end)].join('\n').replace(/\n{3,}/g, '\n\n');
  }
  await writeFile(benchmarksFile, next.endsWith('\n') ? next : `${next}\n`);
}
