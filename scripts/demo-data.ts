// Demo data on the command line, for benchmarks outside the browser:
//   npx tsx scripts/demo-data.ts --scale bureau --out /tmp/demo.json     one JSON object of tables
//   npx tsx scripts/demo-data.ts --scale bureau --out /tmp/demo          a folder, one .ndjson per table
//   npx tsx scripts/demo-data.ts --scale small                           counts and time only
// Options: --seed <text> (default visit-ledger-demo, the app's), --today YYYY-MM-DD (default today in
// Asia/Shanghai), --enterprises/--visits/--problems/--projects <n> to override the scale's counts.
// Records are written batch by batch as the generator yields them, so bureau scale never sits in memory.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { shanghaiDate } from '../shared/calendar/shanghaiDate';
import { demoScales, generateDemoBatches, type DemoBatch, type DemoScale } from '../shared/demo/demoData';

const tables = ['enterprises', 'visits', 'problems', 'projects', 'progressEntries'] as const satisfies readonly (keyof DemoBatch)[];

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      out: { type: 'string' },
      seed: { type: 'string', default: 'visit-ledger-demo' },
      today: { type: 'string' },
      enterprises: { type: 'string' },
      visits: { type: 'string' },
      problems: { type: 'string' },
      projects: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('用法: npx tsx scripts/demo-data.ts --scale small|bureau [--out 文件.json|目录] [--seed 文本] [--today YYYY-MM-DD]');
    return;
  }
  const base = demoScales[values.scale as keyof typeof demoScales];
  if (!base) throw new Error(`未知规模 “${values.scale}”，可选：${Object.keys(demoScales).join('、')}`);
  const count = (v: string | undefined, fallback: number | undefined): number | undefined => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`数量应为非负整数：${v}`);
    return n;
  };
  const scale: DemoScale = {
    enterprises: count(values.enterprises, base.enterprises)!,
    visits: count(values.visits, base.visits)!,
    problems: count(values.problems, base.problems)!,
  };
  const projects = count(values.projects, undefined);
  if (projects !== undefined) scale.projects = projects;
  const today = values.today ?? shanghaiDate();

  const out = values.out;
  const asJson = out?.endsWith('.json') ?? false;
  // JSON output needs each table contiguous: batches go to per-table ndjson files first.
  const folder = out === undefined ? undefined : asJson ? await mkdtemp(path.join(os.tmpdir(), 'demo-data-')) : out;
  if (folder) await mkdir(folder, { recursive: true });
  const streams = folder
    ? Object.fromEntries(tables.map((t) => [t, createWriteStream(path.join(folder, `${t}.ndjson`))]))
    : undefined;

  const counts = Object.fromEntries(tables.map((t) => [t, 0])) as Record<(typeof tables)[number], number>;
  const started = performance.now();
  let generatingMs = 0;
  const batches = generateDemoBatches({ ...scale, seed: values.seed, today });
  for (;;) {
    const t0 = performance.now();
    const next = batches.next();
    generatingMs += performance.now() - t0;
    if (next.done) break;
    for (const table of tables) {
      const records = next.value[table] as unknown[];
      counts[table] += records.length;
      if (streams && records.length > 0) await write(streams[table]!, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
  }
  if (streams) for (const s of Object.values(streams)) await close(s);

  if (asJson && folder && out) {
    const target = createWriteStream(out);
    await write(target, `{"meta":${JSON.stringify({ seed: values.seed, today, scale })}`);
    for (const table of tables) {
      await write(target, `,\n"${table}":[`);
      let first = true;
      let pending = '';
      for await (const chunk of createReadStream(path.join(folder, `${table}.ndjson`), { encoding: 'utf8' })) {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        const body = lines.filter((l) => l.length > 0);
        if (body.length === 0) continue;
        await write(target, (first ? '\n' : ',\n') + body.join(',\n'));
        first = false;
      }
      if (pending) await write(target, (first ? '\n' : ',\n') + pending);
      await write(target, ']');
    }
    await write(target, '}\n');
    await close(target);
    await rm(folder, { recursive: true, force: true });
  }

  const totalMs = performance.now() - started;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`示例数据（种子 ${values.seed}，今天 ${today}）`);
  for (const table of tables) console.log(`  ${table.padEnd(16)} ${String(counts[table]).padStart(8)}`);
  console.log(`  ${'合计'.padEnd(14)} ${String(total).padStart(8)}`);
  console.log(`生成 ${(generatingMs / 1000).toFixed(2)} s，总计 ${(totalMs / 1000).toFixed(2)} s，结束时堆内存约 ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`);
  if (out) console.log(`已写入 ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
