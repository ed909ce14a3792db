// The performance profile of bench:load: Chromium's own trace (the DevTools Performance panel's
// recording, through playwright-core's CDP session: Tracing with the timeline and V8 CPU-profiler
// categories) plus a page-side probe of every IndexedDB request, summarised into small tables:
//   - the renderer main thread: busy time, and self time by trace event (script, style, layout, GC …);
//   - the JavaScript CPU samples: self and total time by function, with its source module (read from
//     the unminified build's `// <module>` comments, benchBuilds.moduleMap);
//   - IndexedDB: every request the page made (store, index, method, key range, records returned), the
//     time from the call to its last success event, and the app function that made it (the first
//     frame of its stack, async frames included, that lies in the app's own source);
//   - the IndexedDB work of the trace (browser side), by event name.
// The probe is an init script: it wraps IDBObjectStore / IDBIndex / IDBDatabase methods before the
// app loads, so use it only in a browser opened for profiling (it costs a stack capture per request,
// or per hundred requests in a long loop of one transaction; its own time shows as __idbProbeWrapper).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { moduleMap } from './benchBuilds';

// ————— the IndexedDB probe (runs in the page) —————

export interface IdbRequestEntry {
  kind: 'store' | 'index';
  store: string;
  index: string | null;
  method: string;
  range: string;
  start: number;
  first: number;
  end: number;
  /** Success events (a cursor fires one per record walked, plus the final null). */
  steps: number;
  /** Records returned (getAll, getAllKeys), the count (count), or records walked (cursors). */
  records: number | null;
  tx: number;
  stack: string;
}

export interface IdbTransactionEntry {
  id: number;
  stores: string[];
  mode: string;
  start: number;
  end: number;
  outcome: string;
}

/** Init script source: plain JavaScript, no imports (it runs before the app in every document). */
export const idbProbeScript = `(() => {
  if (window.__idbProbe) return;
  Error.stackTraceLimit = 60;
  const requests = [];
  const transactions = [];
  const txIds = new WeakMap();
  const errors = new WeakMap();
  const counts = new Map();
  const lastCaptured = new Map();
  const inherits = new WeakMap();
  const take = () => {
    for (const entry of requests) {
      const from = errors.has(entry) ? entry : inherits.get(entry);
      entry.stack = (from && errors.get(from) || {}).stack || '';
    }
    counts.clear();
    lastCaptured.clear();
    return { requests: requests.splice(0), transactions: transactions.splice(0) };
  };
  window.__idbProbe = { requests, transactions, take };
  const describe = (q) => {
    try {
      if (q === undefined || q === null) return '';
      if (q instanceof IDBKeyRange) {
        const lo = q.lower === undefined ? '' : JSON.stringify(q.lower);
        const hi = q.upper === undefined ? '' : JSON.stringify(q.upper);
        if (q.lower !== undefined && q.upper !== undefined && lo === hi) return '= ' + lo.slice(0, 60);
        return (q.lowerOpen ? '(' : '[') + lo.slice(0, 40) + ', ' + hi.slice(0, 40) + (q.upperOpen ? ')' : ']');
      }
      return '= ' + JSON.stringify(q).slice(0, 60);
    } catch (e) { return '?'; }
  };
  const txOf = (tx) => (tx && txIds.has(tx) ? txIds.get(tx) : -1);
  const wrap = (proto, kind, methods) => {
    for (const method of methods) {
      const original = proto[method];
      if (typeof original !== 'function') continue;
      proto[method] = function __idbProbeWrapper(...args) {
        const request = original.apply(this, args);
        const entry = {
          kind, method,
          store: kind === 'index' ? this.objectStore.name : this.name,
          index: kind === 'index' ? this.name : null,
          range: describe(args[0]),
          start: performance.now(), first: NaN, end: NaN, steps: 0, records: null,
          tx: txOf(this.transaction), stack: '',
        };
        requests.push(entry);
        // The stack is captured now (async frames included) but formatted only when the log is taken.
        // A loop of thousands of requests in one transaction (a bulkGet) comes from one caller: past
        // the first 200 of a kind in a transaction, one in 100 is captured and the rest inherit it.
        const kindKey = entry.store + '|' + entry.index + '|' + method + '|' + entry.tx;
        const seen = (counts.get(kindKey) || 0) + 1;
        counts.set(kindKey, seen);
        if (seen <= 200 || seen % 100 === 0) { errors.set(entry, new Error()); lastCaptured.set(kindKey, entry); }
        else inherits.set(entry, lastCaptured.get(kindKey));
        request.addEventListener('success', function __idbProbeSuccess() {
          const now = performance.now();
          if (Number.isNaN(entry.first)) entry.first = now;
          entry.end = now;
          entry.steps += 1;
          const result = request.result;
          if (method === 'getAll' || method === 'getAllKeys') entry.records = Array.isArray(result) ? result.length : null;
          else if (method === 'count') entry.records = result;
          else if (method === 'openCursor' || method === 'openKeyCursor') entry.records = result ? entry.steps : entry.steps - 1;
          else if (method === 'get' || method === 'getKey') entry.records = result === undefined ? 0 : 1;
        });
        return request;
      };
    }
  };
  const read = ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor'];
  wrap(IDBObjectStore.prototype, 'store', [...read, 'put', 'add', 'delete', 'clear']);
  wrap(IDBIndex.prototype, 'index', read);
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = transaction.apply(this, args);
    const entry = { id: transactions.length, stores: [...tx.objectStoreNames], mode: tx.mode, start: performance.now(), end: NaN, outcome: '' };
    txIds.set(tx, entry.id);
    transactions.push(entry);
    for (const outcome of ['complete', 'abort', 'error']) {
      tx.addEventListener(outcome, () => { if (Number.isNaN(entry.end)) { entry.end = performance.now(); entry.outcome = outcome; } });
    }
    return tx;
  };
})();`;

export async function installIdbProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(idbProbeScript);
}

/** Takes the probe's log (and empties it); times are the page's performance.now(). */
export async function takeIdbLog(page: Page): Promise<{ requests: IdbRequestEntry[]; transactions: IdbTransactionEntry[] }> {
  type Log = { requests: IdbRequestEntry[]; transactions: IdbTransactionEntry[] };
  return page.evaluate(() => {
    const probe = (window as unknown as { __idbProbe?: { take(): Log } }).__idbProbe;
    return probe ? (JSON.parse(JSON.stringify(probe.take())) as Log) : { requests: [], transactions: [] };
  });
}

// ————— the trace —————

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string | number;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}

const traceCategories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-v8.cpu_profiler',
  'v8.execute',
  'v8',
  'blink',
  'blink.user_timing',
  'loading',
  'toplevel',
  'IndexedDB',
  'latencyInfo',
];

export interface TraceRecording {
  stop(): Promise<TraceEvent[]>;
}

/** Starts Chromium's performance trace for `page` (the categories of DevTools' Performance panel). */
export async function startTrace(page: Page): Promise<TraceRecording> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (payload) => {
    for (const event of payload.value) events.push(event as unknown as TraceEvent);
  });
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: traceCategories, excludedCategories: ['*'] },
  });
  return {
    async stop() {
      const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
      await session.send('Tracing.end');
      await complete;
      await session.detach().catch(() => {});
      return events;
    },
  };
}

// ————— summaries —————

export interface FunctionTime {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
}

export interface IdbGroup {
  caller: string;
  store: string;
  index: string;
  method: string;
  requests: number;
  records: number;
  /** Sum of call → last success of each request (they overlap: compare with the span). */
  sumMs: number;
  meanMs: number;
  /** Call of the first → last success of the last request of the group. */
  spanMs: number;
  exampleRange: string;
}

export interface ProfileSummary {
  label: string;
  /** Window of the recording: from `windowStartMs` to `windowEndMs` on the page clock. */
  wallMs: number;
  mainThread: { busyMs: number; byEvent: { name: string; selfMs: number; count: number }[] };
  cpu: { sampledMs: number; special: { name: string; selfMs: number }[]; bySelf: FunctionTime[]; byTotalApp: FunctionTime[]; byModule: { module: string; selfMs: number; totalMs: number }[] };
  idb: {
    requests: number;
    records: number;
    transactions: number;
    groups: IdbGroup[];
    slowest: { caller: string; what: string; records: number | null; startMs: number; waitMs: number }[];
  };
  idbTrace: { name: string; totalMs: number; count: number }[];
}

interface CpuNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** Source lookup for an asset url of the profiled build: module and line → "module:line". */
export function sourceLocator(buildDir: string): (url: string, line0: number) => { module: string; where: string } {
  const maps = new Map<string, (line: number) => string | undefined>();
  return (url, line0) => {
    const file = /\/(assets\/[^/?#]+\.js)/.exec(url)?.[1];
    if (!file) return { module: url ? path.basename(url) : '(native)', where: url ? `${path.basename(url)}:${line0 + 1}` : '(native)' };
    let map = maps.get(file);
    if (!map) {
      try {
        map = moduleMap(readFileSync(path.join(buildDir, file), 'utf8'));
      } catch {
        map = () => undefined;
      }
      maps.set(file, map);
    }
    const module = map(line0) ?? file;
    return { module, where: `${module}:${line0 + 1}` };
  };
}

const isAppModule = (module: string) => module.startsWith('renderer/') || module.startsWith('shared/');

/** The renderer main thread that did the most in the trace (the app's page). */
function mainThreadOf(events: TraceEvent[]): { pid: number; tid: number } | undefined {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number; busy: number } | undefined;
  for (const m of mains) {
    const busy = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X').reduce((n, e) => n + (e.dur ?? 0), 0);
    if (!best || busy > best.busy) best = { pid: m.pid, tid: m.tid, busy };
  }
  return best;
}

function mainThreadSummary(events: TraceEvent[], pid: number, tid: number): ProfileSummary['mainThread'] {
  const xs = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Self time by nesting: a stack of open events; each event's duration is taken off its parent's self.
  const self = new Map<string, { selfMs: number; count: number }>();
  const stack: { end: number; name: string; self: number }[] = [];
  let busy = 0;
  const close = (until: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= until) {
      const done = stack.pop()!;
      const s = self.get(done.name) ?? { selfMs: 0, count: 0 };
      s.selfMs += done.self / 1000;
      s.count += 1;
      self.set(done.name, s);
    }
  };
  for (const e of xs) {
    close(e.ts);
    const dur = e.dur ?? 0;
    if (stack.length === 0) busy += dur;
    else stack[stack.length - 1]!.self -= dur;
    stack.push({ end: e.ts + dur, name: e.name, self: dur });
  }
  close(Number.POSITIVE_INFINITY);
  const byEvent = [...self.entries()]
    .map(([name, v]) => ({ name, selfMs: v.selfMs, count: v.count }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, 15);
  return { busyMs: busy / 1000, byEvent };
}

function cpuSummary(events: TraceEvent[], pid: number, locate: ReturnType<typeof sourceLocator>): ProfileSummary['cpu'] {
  const nodes = new Map<number, CpuNode>();
  const samples: { node: number; ms: number }[] = [];
  const chunks = events.filter((e) => e.pid === pid && (e.name === 'ProfileChunk' || e.name === 'Profile')).sort((a, b) => a.ts - b.ts);
  const pending: { node: number; delta: number }[] = [];
  for (const chunk of chunks) {
    const data = (chunk.args?.data ?? {}) as { cpuProfile?: { nodes?: CpuNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    ids.forEach((node, i) => pending.push({ node, delta: deltas[i] ?? 0 }));
  }
  // A sample lasts until the next one: its time is the next sample's delta.
  pending.forEach((s, i) => samples.push({ node: s.node, ms: Math.max(0, (pending[i + 1]?.delta ?? 0) / 1000) }));

  const keyOf = new Map<number, { key: string; name: string; where: string; module: string }>();
  const describe = (id: number) => {
    let k = keyOf.get(id);
    if (!k) {
      const frame = nodes.get(id)?.callFrame;
      const name = frame?.functionName || '(anonymous)';
      const { module, where } = frame?.url ? locate(frame.url, frame.lineNumber) : { module: name.startsWith('(') ? name : '(native)', where: '' };
      k = { key: `${name}@${where}`, name, where, module };
      keyOf.set(id, k);
    }
    return k;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const moduleSelf = new Map<string, number>();
  const moduleTotal = new Map<string, number>();
  let sampledMs = 0;
  for (const s of samples) {
    sampledMs += s.ms;
    const leaf = describe(s.node);
    self.set(leaf.key, (self.get(leaf.key) ?? 0) + s.ms);
    moduleSelf.set(leaf.module, (moduleSelf.get(leaf.module) ?? 0) + s.ms);
    const seen = new Set<string>();
    const seenModules = new Set<string>();
    for (let id: number | undefined = s.node; id !== undefined; id = nodes.get(id)?.parent) {
      const k = describe(id);
      if (!seen.has(k.key)) {
        seen.add(k.key);
        total.set(k.key, (total.get(k.key) ?? 0) + s.ms);
      }
      if (!seenModules.has(k.module)) {
        seenModules.add(k.module);
        moduleTotal.set(k.module, (moduleTotal.get(k.module) ?? 0) + s.ms);
      }
    }
  }
  const byKey = new Map([...keyOf.values()].map((k) => [k.key, k]));
  const fn = (key: string): FunctionTime => {
    const k = byKey.get(key)!;
    return { name: k.name, where: k.where, selfMs: self.get(key) ?? 0, totalMs: total.get(key) ?? 0 };
  };
  const specialNames = new Set(['(program)', '(idle)', '(garbage collector)', '(root)', '__idbProbeWrapper']);
  // The probe's success listener reads request.result before Dexie does; Chromium deserialises a
  // result on its first read (and keeps it), so that time is the results' deserialisation.
  const renamed = (f: FunctionTime): FunctionTime =>
    f.name === '__idbProbeSuccess' ? { ...f, name: 'IndexedDB results deserialised (first read of request.result, by the probe)', where: '' } : f;
  const all = [...total.keys()].map(fn).map(renamed);
  return {
    sampledMs,
    special: all.filter((f) => specialNames.has(f.name)).map((f) => ({ name: f.name, selfMs: f.selfMs })),
    bySelf: all.filter((f) => !specialNames.has(f.name)).sort((a, b) => b.selfMs - a.selfMs).slice(0, 25),
    byTotalApp: all
      .filter((f) => isAppModule(f.where) && f.name !== '(anonymous)')
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, 25),
    byModule: [...moduleTotal.keys()]
      .map((module) => ({ module, selfMs: moduleSelf.get(module) ?? 0, totalMs: moduleTotal.get(module) ?? 0 }))
      .filter((m) => !m.module.startsWith('('))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, 15),
  };
}

/** The app functions (source module) in a request's stack, innermost first. */
function appCallers(stack: string, locate: ReturnType<typeof sourceLocator>): string[] {
  const out: string[] = [];
  for (const line of stack.split('\n').slice(1)) {
    const m = /^\s*at (?:async )?(?:(\S+?) )?\(?(\S+?):(\d+):\d+\)?$/.exec(line.trim().startsWith('at ') ? line : '');
    if (!m) continue;
    const [, name, url, lineNo] = m;
    const { module } = locate(url!, Number(lineNo) - 1);
    if (!isAppModule(module) || module === 'renderer/src/db/ledgerWrites.ts') continue;
    const label = `${name ?? '(anonymous)'} (${module.replace(/^renderer\/src\//, '')})`;
    if (out.at(-1) !== label) out.push(label);
  }
  return out;
}

function idbSummary(log: { requests: IdbRequestEntry[]; transactions: IdbTransactionEntry[] }, locate: ReturnType<typeof sourceLocator>): ProfileSummary['idb'] {
  const groups = new Map<string, IdbGroup & { firstStart: number; lastEnd: number }>();
  const slowest: ProfileSummary['idb']['slowest'] = [];
  let records = 0;
  for (const r of log.requests) {
    const callers = appCallers(r.stack, locate);
    const caller = callers.slice(0, 2).join(' ← ') || '(no app frame in the stack)';
    const wait = (Number.isFinite(r.end) ? r.end : r.start) - r.start;
    records += r.records ?? 0;
    const key = [caller, r.store, r.index ?? '', r.method].join('|');
    const g = groups.get(key) ?? {
      caller,
      store: r.store,
      index: r.index ?? ':id',
      method: r.method,
      requests: 0,
      records: 0,
      sumMs: 0,
      meanMs: 0,
      spanMs: 0,
      exampleRange: r.range,
      firstStart: r.start,
      lastEnd: r.end,
    };
    g.requests += 1;
    g.records += r.records ?? 0;
    g.sumMs += wait;
    g.meanMs = g.sumMs / g.requests;
    g.firstStart = Math.min(g.firstStart, r.start);
    g.lastEnd = Number.isFinite(g.lastEnd) ? Math.max(g.lastEnd, Number.isFinite(r.end) ? r.end : g.lastEnd) : r.end;
    g.spanMs = (Number.isFinite(g.lastEnd) ? g.lastEnd : g.firstStart) - g.firstStart;
    groups.set(key, g);
    slowest.push({ caller, what: `${r.store}${r.index ? `.${r.index}` : ''}.${r.method}(${r.range})`, records: r.records, startMs: r.start, waitMs: wait });
  }
  return {
    requests: log.requests.length,
    records,
    transactions: log.transactions.length,
    groups: [...groups.values()]
      .map(({ firstStart: _f, lastEnd: _l, ...g }) => g)
      .sort((a, b) => b.spanMs - a.spanMs)
      .slice(0, 20),
    slowest: slowest.sort((a, b) => b.waitMs - a.waitMs).slice(0, 15),
  };
}

function idbTraceSummary(events: TraceEvent[]): ProfileSummary['idbTrace'] {
  const by = new Map<string, { totalMs: number; count: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.cat.split(',').includes('IndexedDB')) continue;
    const v = by.get(e.name) ?? { totalMs: 0, count: 0 };
    v.totalMs += (e.dur ?? 0) / 1000;
    v.count += 1;
    by.set(e.name, v);
  }
  return [...by.entries()].map(([name, v]) => ({ name, ...v })).sort((a, b) => b.totalMs - a.totalMs).slice(0, 12);
}

export function summariseProfile(
  label: string,
  wallMs: number,
  events: TraceEvent[],
  idbLog: { requests: IdbRequestEntry[]; transactions: IdbTransactionEntry[] },
  buildDir: string,
): ProfileSummary {
  const locate = sourceLocator(buildDir);
  const main = mainThreadOf(events);
  return {
    label,
    wallMs,
    mainThread: main ? mainThreadSummary(events, main.pid, main.tid) : { busyMs: Number.NaN, byEvent: [] },
    cpu: main ? cpuSummary(events, main.pid, locate) : { sampledMs: 0, special: [], bySelf: [], byTotalApp: [], byModule: [] },
    idb: idbSummary(idbLog, locate),
    idbTrace: idbTraceSummary(events),
  };
}

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v >= 100 ? 0 : 1)} ms` : '—');
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The summary as Markdown tables. */
export function profileMarkdown(s: ProfileSummary): string {
  const lines: string[] = [];
  lines.push(`### ${s.label}`, '');
  lines.push(
    `Window ${ms(s.wallMs)}; renderer main thread busy ${ms(s.mainThread.busyMs)}; JavaScript samples ${ms(s.cpu.sampledMs)} (${s.cpu.special.map((x) => `${x.name} ${ms(x.selfMs)}`).join(', ')}).`,
    `IndexedDB: ${s.idb.requests} requests in ${s.idb.transactions} transactions, ${s.idb.records.toLocaleString('en')} records returned or walked.`,
    '',
  );
  lines.push('Main thread, self time by trace event:', '', '| event | self | count |', '| --- | --- | --- |');
  for (const e of s.mainThread.byEvent.slice(0, 10)) lines.push(`| ${cell(e.name)} | ${ms(e.selfMs)} | ${e.count} |`);
  lines.push('', 'JavaScript, top self time:', '', '| function | where | self | total |', '| --- | --- | --- | --- |');
  for (const f of s.cpu.bySelf.slice(0, 20)) lines.push(`| ${cell(f.name)} | ${cell(f.where)} | ${ms(f.selfMs)} | ${ms(f.totalMs)} |`);
  lines.push('', "The app's functions by total (inclusive) time:", '', '| function | where | total | self |', '| --- | --- | --- | --- |');
  for (const f of s.cpu.byTotalApp.slice(0, 15)) lines.push(`| ${cell(f.name)} | ${cell(f.where)} | ${ms(f.totalMs)} | ${ms(f.selfMs)} |`);
  lines.push('', 'Self time by source module:', '', '| module | self | total |', '| --- | --- | --- |');
  for (const m of s.cpu.byModule.slice(0, 12)) lines.push(`| ${cell(m.module)} | ${ms(m.selfMs)} | ${ms(m.totalMs)} |`);
  lines.push(
    '',
    'IndexedDB requests by caller (wait = call → its last success event; span = first call → last answer of the group):',
    '',
    '| caller | store.index | method | requests | records | mean wait | span | e.g. range |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const g of s.idb.groups.slice(0, 15)) {
    lines.push(`| ${cell(g.caller)} | ${g.store}.${g.index} | ${g.method} | ${g.requests} | ${g.records.toLocaleString('en')} | ${ms(g.meanMs)} | ${ms(g.spanMs)} | ${cell(g.exampleRange)} |`);
  }
  lines.push('', 'Slowest single IndexedDB requests:', '', '| started | wait | request | records | caller |', '| --- | --- | --- | --- | --- |');
  for (const r of s.idb.slowest.slice(0, 10)) lines.push(`| ${ms(r.startMs)} | ${ms(r.waitMs)} | ${cell(r.what)} | ${r.records ?? '—'} | ${cell(r.caller)} |`);
  if (s.idbTrace.length > 0) {
    lines.push('', 'IndexedDB in the trace (browser side), by event:', '', '| event | total | count |', '| --- | --- | --- |');
    for (const e of s.idbTrace.slice(0, 8)) lines.push(`| ${cell(e.name)} | ${ms(e.totalMs)} | ${e.count} |`);
  }
  return lines.join('\n');
}
