// 同步 with the bureau hub (issue 18): enrol this laptop with the one-time code the administrator
// gave, then push what changed here since the last push and pull what changed on the hub since the
// last pull, page by page. The records go as packages carry them (readChanges) and come back through
// the same merge as a package (applyMerge): the merge, the conflicts for 冲突处理 and the derived
// caches are the exchange's, not a second implementation. Where the laptop got to is kept after each
// page, so a sync cut off (a closed lid, a dropped network) resumes where it stopped; pushing or
// pulling the same records again changes nothing. An attachment travels with its bytes.
import { z } from 'zod';
import type { IpcArgs } from '../../../../shared/ipc';
import { base64ToBytes, bytesToBase64 } from '../../../../shared/base64';
import { RuleError } from '../../../../shared/errors/ruleError';
import { HubUnreachableError, hubUrlSchema } from '../../../../shared/sync/hubTransport';
import { conflictSchema, type Conflict } from '../../../../shared/sync/mergeRecords';
import { syncedRecordSchemas, syncedTableNames, type SyncedTableName } from '../../../../shared/sync/syncedTables';
import { ledgerDb } from '../../db/db';
import type { LedgerDatabase } from '../../db/schema';
import { readOrCreateSettings } from '../../db/settingsStore';
import { applyMerge, readChanges } from '../exchange/exchangeRepo';

/** Where this laptop's hub link lives in the local bookkeeping (never in a package). */
const hubKey = 'hub';
const pushedKey = 'hub:pushedSeq';
const pulledKey = 'hub:pulledSince';
const lastKey = 'hub:last';

const hubLinkSchema = z.object({ url: z.string(), token: z.string(), enrolledAt: z.string() });
export type HubLink = z.infer<typeof hubLinkSchema>;

const lastSyncSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  pushed: z.number().default(0),
  pulled: z.number().default(0),
  conflicts: z.number().default(0),
  message: z.string().default(''),
});
export type LastSync = z.infer<typeof lastSyncSchema>;

/** The tables 同步 carries: every synced table (an attachment's bytes go with its record). */
export const hubTables: readonly SyncedTableName[] = syncedTableNames;

/** Records per push request: well under the hub's 5,000. */
const pushBatch = 1000;
/** Attachment bytes (base64) per push request: well under the hub's 32 MB body. */
const pushBatchBytes = 12 * 1024 * 1024;
/** Records per pull page. */
const pullPage = 1000;

type HubCall = (args: IpcArgs<'hubRequest'>) => Promise<{ status: number; body: string }>;

/** The bridge's hubRequest, loaded when first used (the bridge reads `window`; unit tests pass their own call). */
const bridgeCall: HubCall = async (args) => (await import('../../bridge/api')).api.hubRequest(args);

async function stateOf<T>(db: LedgerDatabase, key: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const row = await db.syncState.get(key);
  const parsed = schema.safeParse(row?.value);
  return parsed.success ? parsed.data : undefined;
}

export interface HubStatus {
  link?: Omit<HubLink, 'token'>;
  last?: LastSync;
  /** Changes written here and not yet pushed. */
  pending: number;
}

export async function hubStatus(db: LedgerDatabase = ledgerDb()): Promise<HubStatus> {
  const link = await stateOf(db, hubKey, hubLinkSchema);
  const last = await stateOf(db, lastKey, lastSyncSchema);
  const pushed = (await stateOf(db, pushedKey, z.number())) ?? 0;
  let pending = 0;
  for (const table of hubTables) pending += await db.table(table).where('changeSeq').above(pushed).count();
  return { link: link && { url: link.url, enrolledAt: link.enrolledAt }, last, pending };
}

/** A hub answer that is not 2xx, as the Chinese message the hub gave (with its first details). */
function refusal(status: number, body: string, hubUrl: string): Error {
  let message = `同步服务器返回错误（${status}）`;
  try {
    const parsed = JSON.parse(body) as { error?: string; details?: string[] };
    if (parsed.error) message = parsed.error + (parsed.details?.length ? `：${parsed.details.slice(0, 3).join('；')}` : '');
  } catch {
    // not JSON: the status says enough
  }
  // Both shells answer 502 when the hub itself is out of reach (electron/hub/hubHandlers.ts, the local proxy).
  return status === 502 ? new HubUnreachableError(hubUrl, new Error(message)) : new Error(message);
}

async function callHub(call: HubCall, args: IpcArgs<'hubRequest'>): Promise<unknown> {
  const answer = await call(args);
  if (answer.status < 200 || answer.status >= 300) throw refusal(answer.status, answer.body, args.hubUrl);
  return JSON.parse(answer.body) as unknown;
}

/**
 * 登记本机: trades the administrator's one-time code for this laptop's token and keeps the link. The
 * next sync starts from nothing on both sides (everything here is pushed, everything in scope pulled).
 */
export async function enrolWithHub(url: string, code: string, call: HubCall = bridgeCall, db: LedgerDatabase = ledgerDb(), now = new Date()): Promise<void> {
  const hubUrl = hubUrlSchema.safeParse(url);
  if (!hubUrl.success) throw RuleError.at('url', hubUrl.error.issues[0]!.message);
  const trimmed = code.trim();
  if (!trimmed) throw RuleError.at('code', '请填写管理员提供的登记码');
  const settings = await readOrCreateSettings(db);
  let answer: { token?: unknown };
  try {
    answer = (await callHub(call, { hubUrl: hubUrl.data, method: 'POST', path: '/api/enrol', body: JSON.stringify({ deviceId: settings.deviceId, code: trimmed }) })) as { token?: unknown };
  } catch (error) {
    // Said at the field it concerns: the address when the hub is out of reach, the code when refused.
    if (isOffline(error)) throw RuleError.at('url', (error as Error).message);
    throw RuleError.at('code', error instanceof Error ? error.message : String(error));
  }
  if (typeof answer.token !== 'string') throw RuleError.at('url', '该地址的服务器不是走访台账同步服务器，或答复无法识别');
  await db.syncState.bulkPut([
    { key: hubKey, value: { url: hubUrl.data, token: answer.token, enrolledAt: now.toISOString() } },
    { key: pushedKey, value: 0 },
    { key: pulledKey, value: 0 },
  ]);
  await db.syncState.delete(lastKey);
}

/** 断开同步: forgets the link (the hub keeps the laptop registered until the administrator revokes it). */
export async function leaveHub(db: LedgerDatabase = ledgerDb()): Promise<void> {
  await db.syncState.bulkDelete([hubKey, pushedKey, pulledKey, lastKey]);
}

export interface SyncProgress {
  phase: 'push' | 'pull';
  /** Records sent so far, or records received that changed something here. */
  done: number;
  /** Records to send (known for a push). */
  total?: number;
}

export interface SyncSummary {
  pushed: number;
  pulled: number;
  conflicts: number;
}

/**
 * One sync: push, then pull. On failure what was done stays done (each push batch and pull page is
 * kept as it completes) and the error is recorded for 同步's status line, then thrown.
 */
export async function syncWithHub(
  onProgress: (progress: SyncProgress) => void = () => {},
  call: HubCall = bridgeCall,
  db: LedgerDatabase = ledgerDb(),
  now: () => Date = () => new Date(),
  pageSize = pullPage,
): Promise<SyncSummary> {
  const link = await stateOf(db, hubKey, hubLinkSchema);
  if (!link) throw new Error('本机尚未登记到同步服务器');
  const summary: SyncSummary = { pushed: 0, pulled: 0, conflicts: 0 };
  const hub = { hubUrl: link.url, token: link.token };
  try {
    // Push: everything written after the last push, in batches; the mark moves once all are accepted.
    const from = (await stateOf(db, pushedKey, z.number())) ?? 0;
    const { tables, blobs, toSeq } = await readChanges(db, from, { includeDemo: false, tables: hubTables });
    const blobOf = new Map(blobs.map(({ id, blob }) => [id, blob]));
    const rows = Object.entries(tables).flatMap(([table, records]) => records.map((record) => ({ table, record })));
    onProgress({ phase: 'push', done: 0, total: rows.length });
    let batch: { table: string; record: unknown; bytes?: string }[] = [];
    let batchBytes = 0;
    const send = async () => {
      if (batch.length === 0) return;
      const answer = (await callHub(call, { ...hub, method: 'POST', path: '/api/push', body: JSON.stringify({ records: batch }) })) as { conflicts?: number };
      summary.pushed += batch.length;
      summary.conflicts += answer.conflicts ?? 0;
      onProgress({ phase: 'push', done: summary.pushed, total: rows.length });
      batch = [];
      batchBytes = 0;
    };
    for (const row of rows) {
      // An attachment goes with its bytes (read one at a time, so a day of photos is never all in memory as text).
      const blob = row.table === 'attachments' ? blobOf.get(String(row.record.id)) : undefined;
      const bytes = blob ? bytesToBase64(new Uint8Array(await blob.arrayBuffer())) : undefined;
      if (batch.length >= pushBatch || (bytes && batchBytes + bytes.length > pushBatchBytes)) await send();
      batch.push(bytes === undefined ? row : { ...row, bytes });
      batchBytes += bytes?.length ?? 0;
    }
    await send();
    await db.syncState.put({ key: pushedKey, value: toSeq });

    // Pull: page after page from where the last one stopped, each merged and its mark kept.
    let since = (await stateOf(db, pulledKey, z.number())) ?? 0;
    onProgress({ phase: 'pull', done: 0 });
    for (;;) {
      const page = (await callHub(call, { ...hub, method: 'GET', path: `/api/pull?since=${since}&limit=${pageSize}` })) as {
        changes: { table: string; record: unknown; bytes?: string }[];
        nextSince: number;
        more: boolean;
      };
      const incoming: Partial<Record<SyncedTableName, unknown[]>> = {};
      const keptOnHub: Conflict[] = [];
      const attachments = new Map<string, Uint8Array>();
      for (const { table, record, bytes } of page.changes) {
        if (table === 'conflicts') {
          // A conflict the hub kept: it joins 冲突处理 here as one found by a merge on this laptop.
          const conflict = conflictSchema.safeParse(record);
          if (conflict.success && (hubTables as readonly string[]).includes(conflict.data.table)) keptOnHub.push(conflict.data as Conflict);
          continue;
        }
        if (!(hubTables as readonly string[]).includes(table)) continue;
        const checked = syncedRecordSchemas[table as SyncedTableName].safeParse(record);
        if (!checked.success) throw new Error(`同步服务器发来的记录无法识别（${table}）：${checked.error.issues[0]?.message ?? ''}`);
        (incoming[table as SyncedTableName] ??= []).push(checked.data);
        if (table === 'attachments' && typeof bytes === 'string') attachments.set((checked.data as { id: string }).id, base64ToBytes(bytes));
      }
      if (page.changes.length > 0) {
        const result = await applyMerge({ tables: incoming, attachments, reference: undefined }, { takeReference: false, now: now(), echoMark: pushedKey }, db);
        summary.conflicts += result.conflicts;
        // What changed here: a record that came back as this laptop sent it is not news.
        summary.pulled += result.tables.reduce((sum, t) => sum + t.counts.added + t.counts.updated + t.counts.deleted + t.counts.conflict, 0);
      }
      if (keptOnHub.length > 0) {
        const known = new Set((await db.conflicts.bulkGet(keptOnHub.map((c) => c.id))).filter(Boolean).map((c) => c!.id));
        const fresh = keptOnHub.filter((c) => !known.has(c.id));
        await db.conflicts.bulkPut(fresh);
        summary.conflicts += fresh.length;
      }
      since = page.nextSince;
      await db.syncState.put({ key: pulledKey, value: since });
      onProgress({ phase: 'pull', done: summary.pulled });
      if (!page.more) break;
    }
    await db.syncState.put({ key: lastKey, value: { at: now().toISOString(), ok: true, message: '', ...summary } });
    return summary;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.syncState.put({ key: lastKey, value: { at: now().toISOString(), ok: false, message, ...summary } });
    throw error;
  }
}

/**
 * Whether the error only says the hub is out of reach (offline: the laptop simply waits). Both shells
 * answer an unreachable hub as 502 (the desktop's main process and the browser version's local proxy),
 * which callHub turns into a HubUnreachableError here, in the page.
 */
export const isOffline = (error: unknown): boolean => error instanceof HubUnreachableError;
