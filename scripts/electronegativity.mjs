// Runs Electronegativity (@doyensec/electronegativity) over the main-process sources in electron/ and
// fails on any finding that build/electronegativity-accepted.json does not list with a reason.
// The TypeScript sources are scanned, not the minified bundle: the checks read source patterns.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const acceptedPath = path.join(root, 'build', 'electronegativity-accepted.json');

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

function loadAccepted() {
  const list = JSON.parse(readFileSync(acceptedPath, 'utf8')).accepted;
  if (!Array.isArray(list)) throw new Error(`${acceptedPath}: "accepted" must be an array`);
  for (const entry of list) {
    const ok = entry && typeof entry.check === 'string' && typeof entry.file === 'string' && typeof entry.reason === 'string';
    if (!ok || entry.reason.trim().length < 20) {
      throw new Error(`${acceptedPath}: every entry needs check, file and a real reason: ${JSON.stringify(entry)}`);
    }
  }
  return list;
}

function runScan() {
  const pkgJson = require.resolve('@doyensec/electronegativity/package.json');
  const cli = path.join(path.dirname(pkgJson), JSON.parse(readFileSync(pkgJson, 'utf8')).bin.electronegativity);
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
  const csvPath = path.join(outDir, 'findings.csv');
  try {
    // -e: the scanned folder has no package.json, so say which Electron this is (defaults differ by version).
    const run = spawnSync(process.execPath, [cli, '-i', path.join(root, 'electron'), '-r', '-e', electronVersion, '-o', csvPath], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (run.error) throw run.error;
    if (!existsSync(csvPath)) {
      process.stderr.write(run.stdout + run.stderr);
      throw new Error(`electronegativity wrote no report (exit ${run.status})`);
    }
    const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8')).filter((r) => r.some((cell) => cell.trim() !== ''));
    // The CLI has been seen (once in many runs) to leave a report whose last row is cut short; a
    // short row is an unreadable report, never a finding to skip, so the caller scans again.
    if (!header || rows.some((r) => r.length < header.length)) return undefined;
    const column = (name) => header.findIndex((h) => h.trim() === name);
    const at = { issue: column('issue'), severity: column('severity'), confidence: column('confidence'), file: column('filename'), location: column('location'), description: column('description') };
    return {
      electronVersion,
      findings: rows.map((r) => {
        const file = r[at.file].trim();
        return {
          check: r[at.issue].trim(),
          severity: r[at.severity].trim(),
          confidence: r[at.confidence].trim(),
          file: file === 'N/A' ? 'N/A' : path.posix.join('electron', file.replaceAll('\\', '/')),
          location: r[at.location].trim(),
          description: r[at.description].trim(),
        };
      }),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const accepted = loadAccepted();
let scan;
for (let attempt = 1; attempt <= 3 && !scan; attempt += 1) scan = runScan();
if (!scan) throw new Error('electronegativity wrote an incomplete report three times');
const { electronVersion, findings } = scan;
const isAccepted = (f) => accepted.some((a) => a.check === f.check && a.file === f.file);
const open = findings.filter((f) => !isAccepted(f));

console.log(`Electronegativity over electron/ (Electron ${electronVersion}): ${findings.length} finding(s), ${findings.length - open.length} accepted`);
for (const f of findings) {
  const mark = isAccepted(f) ? 'accepted' : 'OPEN    ';
  console.log(`  ${mark} ${f.check} [${f.severity}/${f.confidence}] ${f.file}:${f.location} — ${f.description}`);
}
const unused = accepted.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file));
for (const a of unused) console.log(`  note: accepted entry no longer matches a finding: ${a.check} ${a.file}`);

if (open.length > 0) {
  console.error(`\n${open.length} finding(s) are neither fixed nor explained in build/electronegativity-accepted.json.`);
  process.exit(1);
}
