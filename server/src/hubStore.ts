// What the hub does, apart from HTTP: registers laptops and enrols them, authenticates every request
// by a token it keeps only as a hash, merges a pushed batch with the laptops' own merge
// (shared/sync/mergeRecords.ts — one implementation, not two) and hands out changes by its change
// sequence, always within the device's scope. Scope is the hub's to enforce: a push that names a
// record outside it is refused whole, and a pull never returns one.
import { createHash, randomBytes } from 'node:crypto';
import type { RecordMeta } from '../../shared/domain/records';
import { isConflictOpen, mergeBatch, type Conflict, type MergeCounts } from '../../shared/sync/mergeRecords';
import { isSyncedTable, syncedRecordSchemas, syncedTableLabels, syncedTableNames, type SyncedTableName } from '../../shared/sync/syncedTables';
import type { HubDatabase, HubSql } from './hubDatabase';

export const deviceScopes = ['officer', 'district', 'city'] as const;
export type DeviceScope = (typeof deviceScopes)[number];

export interface DeviceRegistration {
  deviceId: string;
  officer: string;
  unit: string;
  district: string;
  scope: DeviceScope;
}

export interface Device extends DeviceRegistration {
  revoked: boolean;
}

/** A refusal the client is told about, in Chinese, with the HTTP status it goes out with. */
export class HubRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'HubRefusal';
  }
}

/**
 * The most records one push may carry, and one pull may return; the attachment bytes one pull page
 * carries (base64) before it stops early; one attachment's largest size (the app's per-file limit).
 */
export const hubLimits = { pushRecords: 5000, pullRecords: 2000, pullBytes: 16 * 1024 * 1024, attachmentBytes: 20 * 1024 * 1024 } as const;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** An enrolment code an officer can type: 12 letters and digits in groups of four (no 0/O, 1/I). */
function enrolmentCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-');
}

/** The administrator registers a laptop (again: a new code, the old token no longer works); returns its one-time enrolment code. */
export async function registerDevice(db: HubDatabase, registration: DeviceRegistration): Promise<{ enrolmentCode: string }> {
  const { deviceId, officer, unit, district, scope } = registration;
  const missing = Object.entries({ 设备编号: deviceId, 使用人: officer, 单位: unit, 所属区: district }).filter(([, v]) => !v?.trim());
  if (missing.length > 0) throw new HubRefusal(400, `请填写${missing.map(([k]) => k).join('、')}`);
  if (!deviceScopes.includes(scope)) throw new HubRefusal(400, '可见范围应为 officer、district 或 city');
  const code = enrolmentCode();
  await db.query(
    `INSERT INTO hub_devices (device_id, officer, unit, district, scope, enrol_code_hash, token_hash, revoked_at)
     VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL)
     ON CONFLICT (device_id) DO UPDATE SET officer = $2, unit = $3, district = $4, scope = $5, enrol_code_hash = $6, token_hash = NULL, revoked_at = NULL, enrolled_at = NULL`,
    [deviceId.trim(), officer.trim(), unit.trim(), district.trim(), scope, sha256(normaliseCode(code))],
  );
  return { enrolmentCode: code };
}

const normaliseCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** The laptop trades its one-time code for a token (shown once, kept by the hub only as a hash). */
export async function enrolDevice(db: HubDatabase, deviceId: string, code: string): Promise<{ token: string }> {
  const token = randomBytes(32).toString('base64url');
  const { rows } = await db.query<{ device_id: string }>(
    `UPDATE hub_devices SET token_hash = $3, enrol_code_hash = NULL, enrolled_at = now()
     WHERE device_id = $1 AND enrol_code_hash = $2 AND revoked_at IS NULL RETURNING device_id`,
    [deviceId, sha256(normaliseCode(code)), sha256(token)],
  );
  if (rows.length === 0) throw new HubRefusal(401, '登记码不正确、已使用或设备已停用，请向管理员重新获取登记码');
  return { token };
}

export async function revokeDevice(db: HubDatabase, deviceId: string): Promise<void> {
  const { rows } = await db.query('UPDATE hub_devices SET revoked_at = now(), token_hash = NULL WHERE device_id = $1 RETURNING device_id', [deviceId]);
  if (rows.length === 0) throw new HubRefusal(404, `没有登记编号为 ${deviceId} 的设备`);
}

interface DeviceRow {
  device_id: string;
  officer: string;
  unit: string;
  district: string;
  scope: DeviceScope;
  revoked_at: string | null;
}

/** The device a bearer token belongs to; refused when unknown or revoked. */
export async function authenticate(db: HubDatabase, token: string | undefined): Promise<Device> {
  if (!token) throw new HubRefusal(401, '缺少设备凭据，请先在设置中登记本机');
  const { rows } = await db.query<DeviceRow>('SELECT device_id, officer, unit, district, scope, revoked_at FROM hub_devices WHERE token_hash = $1', [sha256(token)]);
  const row = rows[0];
  if (!row || row.revoked_at) throw new HubRefusal(401, '本机的登记已失效或已被停用，请联系管理员');
  return { deviceId: row.device_id, officer: row.officer, unit: row.unit, district: row.district, scope: row.scope, revoked: false };
}

// ---- push -----------------------------------------------------------------------------------------

export interface PushedRecord {
  table: string;
  record: unknown;
  /** An attachment's bytes, base64 (a push carries them once; an attachment's bytes never change). */
  bytes?: string;
}

export interface PushResult {
  counts: Partial<Record<SyncedTableName, MergeCounts>>;
  conflicts: number;
}

interface StoredRow {
  id: string;
  record: RecordMeta & Record<string, unknown>;
  district: string;
  unit: string;
  enterprise_id: string | null;
}

/** The table a record hangs on another record through, when not through its own enterpriseId. */
const parentOf: Partial<Record<SyncedTableName, { table: SyncedTableName; field: string }>> = {
  progressEntries: { table: 'projects', field: 'projectId' },
  attachments: { table: 'visits', field: 'ownerId' },
};

/**
 * Checks every row (known table, the record's schema), merges each table's rows with the stored
 * versions, and stores the winners with new change numbers — all in one transaction, or nothing when
 * any row is refused or outside the device's scope.
 */
export async function pushRecords(db: HubDatabase, device: Device, rows: readonly PushedRecord[], now = new Date()): Promise<PushResult> {
  if (rows.length > hubLimits.pushRecords) throw new HubRefusal(413, `一次最多上传 ${hubLimits.pushRecords} 条记录，本次 ${rows.length} 条，请分批上传`);
  const byTable = new Map<SyncedTableName, (RecordMeta & Record<string, unknown>)[]>();
  const attachmentBytes = new Map<string, string>();
  const problems: string[] = [];
  rows.forEach((row, i) => {
    if (!row || typeof row.table !== 'string' || !isSyncedTable(row.table)) {
      problems.push(`第 ${i + 1} 条：未知的数据表 ${String(row?.table)}`);
      return;
    }
    const parsed = syncedRecordSchemas[row.table].safeParse(row.record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problems.push(`第 ${i + 1} 条（${syncedTableLabels[row.table]}）：${issue.path.join('.') || '记录'} — ${issue.message}`);
      return;
    }
    // The change number is the sending laptop's own: never stored here.
    const { changeSeq: _local, ...record } = parsed.data as RecordMeta & Record<string, unknown>;
    if (row.bytes !== undefined) {
      const size = typeof row.bytes === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(row.bytes) ? Buffer.byteLength(row.bytes, 'base64') : -1;
      const refused =
        row.table !== 'attachments' || size < 0
          ? `第 ${i + 1} 条：附件内容格式不正确`
          : size > hubLimits.attachmentBytes
            ? `第 ${i + 1} 条（附件）：文件超过 ${hubLimits.attachmentBytes / 1024 / 1024} MB`
            : size !== record.size
              ? `第 ${i + 1} 条（附件 ${String(record.fileName)}）：内容 ${size} 字节，与记录的 ${String(record.size)} 字节不符`
              : undefined;
      if (refused) {
        problems.push(refused);
        return;
      }
      attachmentBytes.set(record.id, row.bytes);
    }
    // Appended in place: a push of thousands of records is read in one pass.
    const rowsOfTable = byTable.get(row.table) ?? [];
    if (rowsOfTable.length === 0) byTable.set(row.table, rowsOfTable);
    rowsOfTable.push(record as RecordMeta & Record<string, unknown>);
  });
  if (problems.length > 0) throw new HubRefusal(400, '上传的数据有误，未保存任何记录', problems.slice(0, 20));

  return db.transaction(async (sql) => {
    const result: PushResult = { counts: {}, conflicts: 0 };
    // Every table merged first; only what the merge would write is checked against the scope: a
    // record sent back unchanged (a laptop returning what it pulled) writes nothing, whoever holds it.
    // The reads are set-wise (one query per table and one for the assignments), so a batch of a
    // thousand records costs a handful of round trips, not thousands.
    const order = syncedTableNames.filter((t) => byTable.has(t));
    const plans: { table: SyncedTableName; stored: Map<string, StoredRow>; merge: ReturnType<typeof mergeBatch<RecordMeta & Record<string, unknown>>> }[] = [];
    const batchAssignments = new Map<string, string>();
    /** The enterprise each record written in this batch hangs on, by table and id (children find their parents here first). */
    const batchEnterprise = new Map<string, string | null>();
    for (const table of order) {
      const incoming = byTable.get(table)!;
      const stored = await storedRows(sql, table, incoming.map((r) => r.id));
      const merge = mergeBatch(table, incoming, new Map([...stored.values()].map((row) => [row.id, row.record])), now);
      if (table === 'enterprises') for (const record of merge.writes) batchAssignments.set(record.id, String(record.assignedOfficer ?? ''));
      plans.push({ table, stored, merge });
    }
    const places = new Map<string, Place>();
    for (const { table, stored, merge } of plans) {
      const parent = parentOf[table];
      const parentIds = parent ? merge.writes.map((r) => r[parent.field]).filter((id): id is string => typeof id === 'string' && !batchEnterprise.has(`${parent.table}:${id}`)) : [];
      const parentEnterprise = parent && parentIds.length > 0 ? await enterprisesOf(sql, parent.table, parentIds) : new Map<string, string | null>();
      for (const record of [...merge.writes, ...merge.conflicts.map((c) => c.winner)]) {
        let enterpriseId: string | null = null;
        if (table === 'enterprises') enterpriseId = record.id;
        else if (typeof record.enterpriseId === 'string' && record.enterpriseId) enterpriseId = record.enterpriseId;
        else if (parent && typeof record[parent.field] === 'string') {
          const parentId = record[parent.field] as string;
          enterpriseId = batchEnterprise.get(`${parent.table}:${parentId}`) ?? parentEnterprise.get(parentId) ?? null;
        }
        const previous = stored.get(record.id);
        places.set(`${table}:${record.id}`, { district: previous?.district ?? device.district, unit: previous?.unit ?? device.unit, enterpriseId });
        batchEnterprise.set(`${table}:${record.id}`, enterpriseId);
      }
    }
    const enterpriseIds = [...new Set([...places.values()].map((p) => p.enterpriseId).filter((id): id is string => id !== null))];
    const holders = await assignmentsOf(sql, enterpriseIds);
    const outside: string[] = [];
    for (const { table, merge } of plans) {
      for (const record of merge.writes) {
        if (!inScope(device, places.get(`${table}:${record.id}`)!, holders, batchAssignments)) outside.push(`${syncedTableLabels[table]} ${record.id}`);
      }
    }
    if (outside.length > 0) throw new HubRefusal(403, `有 ${outside.length} 条记录不在本机的可见范围内，未保存任何记录`, outside.slice(0, 20));

    const officerOf = (place: Place) => (place.enterpriseId === null ? undefined : (batchAssignments.get(place.enterpriseId) ?? holders.get(place.enterpriseId)));
    for (const { table, merge } of plans) {
      result.counts[table] = merge.counts;
      await storeRows(
        sql,
        table,
        merge.writes.map((record) => {
          const place = places.get(`${table}:${record.id}`)!;
          return { id: record.id, record, rev: record.rev, updatedAt: record.updatedAt, deleted: record.deletedAt !== undefined, place, officer: officerOf(place) };
        }),
        true,
      );
      if (table === 'enterprises') {
        await keepAssignments(
          sql,
          merge.writes.map((record) => ({ enterpriseId: record.id, district: places.get(`enterprises:${record.id}`)!.district, officer: String(record.assignedOfficer ?? '') })),
          holders,
        );
      }
      // Kept beside the record, in the change sequence, for the laptops that see the record.
      await storeRows(
        sql,
        'conflicts',
        merge.conflicts.map((conflict) => {
          const place = places.get(`${table}:${conflict.recordId}`)!;
          return { id: conflict.id, record: conflict, rev: 1, updatedAt: conflict.detectedAt, deleted: false, place, officer: officerOf(place) };
        }),
        false,
      );
      result.conflicts += merge.conflicts.length;
    }
    // The bytes of the attachments pushed (a record may come before or after its bytes reach the hub:
    // they are kept whenever they come, and a pull sends them with the record).
    if (attachmentBytes.size > 0) {
      await sql.query(
        `INSERT INTO hub_attachment_bytes (id, bytes) SELECT t.id, decode(t.b64, 'base64') FROM unnest($1::text[], $2::text[]) AS t(id, b64) ON CONFLICT (id) DO NOTHING`,
        [[...attachmentBytes.keys()], [...attachmentBytes.values()]],
      );
    }
    await sql.query('UPDATE hub_devices SET last_push_at = $2 WHERE device_id = $1', [device.deviceId, now.toISOString()]);
    return result;
  });
}

interface RowToStore {
  /** The officer the record's enterprise is assigned to (none for a record of no enterprise). */
  officer?: string;
  id: string;
  record: unknown;
  rev: number;
  updatedAt: string;
  deleted: boolean;
  place: Place;
}

/** Stores rows of one table in one statement, each with the next change number; `replace` overwrites a stored one, otherwise it is kept. */
async function storeRows(sql: HubSql, table: SyncedTableName | 'conflicts', rows: readonly RowToStore[], replace: boolean): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `INSERT INTO hub_records (table_name, id, record, rev, updated_at, deleted, district, unit, enterprise_id, assigned_officer, server_seq)
     SELECT $1, t.id, t.record::jsonb, t.rev, t.updated_at, t.deleted, t.district, t.unit, t.enterprise_id, t.officer, nextval('hub_change_seq')
     FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::bool[], $7::text[], $8::text[], $9::text[], $10::text[])
       AS t(id, record, rev, updated_at, deleted, district, unit, enterprise_id, officer)
     ON CONFLICT (table_name, id) DO ${
       replace
         ? 'UPDATE SET record = EXCLUDED.record, rev = EXCLUDED.rev, updated_at = EXCLUDED.updated_at, deleted = EXCLUDED.deleted, enterprise_id = EXCLUDED.enterprise_id, assigned_officer = EXCLUDED.assigned_officer, server_seq = EXCLUDED.server_seq'
         : 'NOTHING'
     }`,
    [
      table,
      rows.map((r) => r.id),
      rows.map((r) => JSON.stringify(r.record)),
      rows.map((r) => r.rev),
      rows.map((r) => r.updatedAt),
      rows.map((r) => r.deleted),
      rows.map((r) => r.place.district),
      rows.map((r) => r.place.unit),
      rows.map((r) => r.place.enterpriseId),
      rows.map((r) => (r.place.enterpriseId === null ? null : (r.officer ?? null))),
    ],
  );
}

/** The enterprise each stored record of `table` hangs on. */
async function enterprisesOf(sql: HubSql, table: SyncedTableName, ids: string[]): Promise<Map<string, string | null>> {
  const { rows } = await sql.query<{ id: string; enterprise_id: string | null }>('SELECT id, enterprise_id FROM hub_records WHERE table_name = $1 AND id = ANY($2::text[])', [table, ids]);
  return new Map(rows.map((r) => [r.id, r.enterprise_id]));
}

/** Who each enterprise is assigned to now. */
async function assignmentsOf(sql: HubSql, enterpriseIds: string[]): Promise<Map<string, string>> {
  if (enterpriseIds.length === 0) return new Map();
  const { rows } = await sql.query<{ enterprise_id: string; assigned_officer: string }>(
    'SELECT enterprise_id, assigned_officer FROM hub_assignments WHERE enterprise_id = ANY($1::text[])',
    [enterpriseIds],
  );
  return new Map(rows.map((r) => [r.enterprise_id, r.assigned_officer]));
}

async function storedRows(sql: HubSql, table: SyncedTableName, ids: string[]): Promise<Map<string, StoredRow>> {
  const { rows } = await sql.query<StoredRow>('SELECT id, record, district, unit, enterprise_id FROM hub_records WHERE table_name = $1 AND id = ANY($2::text[])', [table, ids]);
  return new Map(rows.map((row) => [row.id, { ...row, record: typeof row.record === 'string' ? JSON.parse(row.record) : row.record }]));
}

interface Place {
  district: string;
  unit: string;
  enterpriseId: string | null;
}

/**
 * Whether the device may write a record at `place`. An officer writes the records of enterprises
 * assigned to them — an enterprise in the same batch counts as the batch assigns it, but only when no
 * one else holds it already (an officer cannot take another's enterprise by reassigning it) — and the
 * records of their own unit that belong to no enterprise. A record keeps the district and unit it was
 * first pushed from.
 */
function inScope(device: Device, place: Place, holders: ReadonlyMap<string, string>, batchAssignments: ReadonlyMap<string, string>): boolean {
  if (device.scope === 'city') return true;
  if (place.district !== device.district) return false;
  if (device.scope === 'district') return true;
  if (place.enterpriseId === null) return place.unit === device.unit;
  const holder = holders.get(place.enterpriseId);
  if (holder !== undefined && holder !== device.officer) return false;
  const inBatch = batchAssignments.get(place.enterpriseId);
  return inBatch !== undefined ? inBatch === device.officer : holder === device.officer;
}

/**
 * Keeps who each enterprise is assigned to. When that changes, every record of the enterprise takes
 * a new change number: the newly assigned officer's laptop has pulled past them, and must get them.
 */
async function keepAssignments(sql: HubSql, rows: readonly { enterpriseId: string; district: string; officer: string }[], before: ReadonlyMap<string, string>): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `INSERT INTO hub_assignments (enterprise_id, district, assigned_officer)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (enterprise_id) DO UPDATE SET assigned_officer = EXCLUDED.assigned_officer`,
    [rows.map((r) => r.enterpriseId), rows.map((r) => r.district), rows.map((r) => r.officer)],
  );
  const moved = rows.filter((r) => before.has(r.enterpriseId) && before.get(r.enterpriseId) !== r.officer);
  for (const { enterpriseId, officer } of moved) {
    await sql.query(
      `UPDATE hub_records SET assigned_officer = $2, server_seq = nextval('hub_change_seq') WHERE enterprise_id = $1 AND table_name <> 'enterprises'`,
      [enterpriseId, officer],
    );
  }
}

// ---- pull -----------------------------------------------------------------------------------------

export interface PulledChanges {
  /**
   * Records of the synced tables, and (table 'conflicts') the conflicts the hub kept on them, each as
   * the JSON text PostgreSQL holds: the answer is spliced from it, never parsed and serialised again.
   */
  changes: { table: SyncedTableName | 'conflicts'; recordJson: string; /** An attachment's bytes, base64. */ bytes?: string }[];
  /** Pass back as `since` for the next page; a pull interrupted is resumed from the last one kept. */
  nextSince: number;
  more: boolean;
}

/** The changes after `since` the device may see, oldest first, at most `limit`. */
export async function pullChanges(db: HubDatabase, device: Device, since: number, limit: number = hubLimits.pullRecords, now = new Date()): Promise<PulledChanges> {
  if (!Number.isInteger(since) || since < 0) throw new HubRefusal(400, 'since 应为不小于 0 的整数');
  const take = Math.max(1, Math.min(Number.isInteger(limit) ? limit : hubLimits.pullRecords, hubLimits.pullRecords));
  // Each scope reads its own index ranges in change order (migration 002), never the whole sequence.
  const columns = `r.table_name, r.record::text AS record, r.server_seq,
    (SELECT encode(b.bytes, 'base64') FROM hub_attachment_bytes b WHERE r.table_name = 'attachments' AND b.id = r.id) AS bytes`;
  let sql: string;
  let params: unknown[];
  if (device.scope === 'city') {
    sql = `SELECT ${columns} FROM hub_records r WHERE r.server_seq > $1 ORDER BY r.server_seq LIMIT $2`;
    params = [since, take + 1];
  } else if (device.scope === 'district') {
    sql = `SELECT ${columns} FROM hub_records r WHERE r.district = $3 AND r.server_seq > $1 ORDER BY r.server_seq LIMIT $2`;
    params = [since, take + 1, device.district];
  } else {
    // The officer's enterprises' records, the unit's records of no enterprise, and the policies: three
    // index ranges in change order, each cut at the page's length before they are merged.
    sql = `SELECT * FROM (
        (SELECT ${columns} FROM hub_records r WHERE r.district = $3 AND r.assigned_officer = $4 AND r.server_seq > $1 ORDER BY r.server_seq LIMIT $2)
        UNION ALL
        (SELECT ${columns} FROM hub_records r
          WHERE r.enterprise_id IS NULL AND r.district = $3 AND r.unit = $5 AND r.table_name <> 'policies' AND r.server_seq > $1 ORDER BY r.server_seq LIMIT $2)
        UNION ALL
        (SELECT ${columns} FROM hub_records r WHERE r.table_name = 'policies' AND r.district = $3 AND r.server_seq > $1 ORDER BY r.server_seq LIMIT $2)
      ) AS scoped ORDER BY server_seq LIMIT $2`;
    params = [since, take + 1, device.district, device.officer, device.unit];
  }
  const { rows } = await db.query<{ table_name: SyncedTableName | 'conflicts'; record: string; server_seq: number; bytes: string | null }>(sql, params);
  // A page stops early once its attachments' bytes pass the budget (always at least one record).
  let page = rows.slice(0, take);
  let budget = hubLimits.pullBytes;
  const cut = page.findIndex((row, i) => (budget -= (row.bytes ?? '').replace(/\s/g, '').length) < 0 && i > 0);
  if (cut > 0) page = page.slice(0, cut);
  await db.query('UPDATE hub_devices SET last_pull_at = $2 WHERE device_id = $1', [device.deviceId, now.toISOString()]);
  return {
    changes: page.map((row) => ({ table: row.table_name, recordJson: row.record, ...(row.bytes === null || row.bytes === undefined ? {} : { bytes: row.bytes.replace(/\s/g, '') }) })),
    nextSince: page.length > 0 ? Number(page[page.length - 1]!.server_seq) : since,
    more: rows.length > page.length,
  };
}

/** The pull's answer as JSON text: { changes: [{ table, record }], nextSince, more }. */
export function pulledChangesJson(pulled: PulledChanges): string {
  const changes = pulled.changes.map((c) => `{"table":${JSON.stringify(c.table)},"record":${c.recordJson}${c.bytes === undefined ? '' : `,"bytes":"${c.bytes}"`}}`).join(',');
  return `{"changes":[${changes}],"nextSince":${pulled.nextSince},"more":${pulled.more}}`;
}

// ---- administration -------------------------------------------------------------------------------

export interface DeviceOverview extends DeviceRegistration {
  enrolled: boolean;
  revoked: boolean;
  lastPushAt?: string;
  lastPullAt?: string;
}

export async function listDevices(db: HubDatabase): Promise<DeviceOverview[]> {
  const { rows } = await db.query<DeviceRow & { enrolled_at: unknown; last_push_at: unknown; last_pull_at: unknown }>(
    'SELECT device_id, officer, unit, district, scope, revoked_at, enrolled_at, last_push_at, last_pull_at FROM hub_devices ORDER BY district, unit, officer',
  );
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : undefined);
  return rows.map((r) => ({
    deviceId: r.device_id,
    officer: r.officer,
    unit: r.unit,
    district: r.district,
    scope: r.scope,
    enrolled: r.enrolled_at !== null,
    revoked: r.revoked_at !== null,
    lastPushAt: iso(r.last_push_at),
    lastPullAt: iso(r.last_pull_at),
  }));
}

/** Live records per unit and table, and open conflicts per district: the administration page's figures. */
export async function hubCounts(db: HubDatabase): Promise<{ records: { unit: string; table: string; count: number }[]; conflicts: { district: string; count: number }[] }> {
  const records = await db.query<{ unit: string; table_name: string; count: number }>(
    "SELECT unit, table_name, count(*)::int AS count FROM hub_records WHERE NOT deleted AND table_name <> 'conflicts' GROUP BY unit, table_name ORDER BY unit, table_name",
  );
  // Open: not yet superseded by a version that has seen both sides (a laptop's resolution).
  const kept = await db.query<{ district: string; conflict: unknown; current: unknown }>(
    `SELECT c.district, c.record AS conflict, r.record AS current FROM hub_records c
     LEFT JOIN hub_records r ON r.table_name = c.record->>'table' AND r.id = c.record->>'recordId'
     WHERE c.table_name = 'conflicts'`,
  );
  const open = new Map<string, number>();
  for (const row of kept.rows) {
    const conflict = (typeof row.conflict === 'string' ? JSON.parse(row.conflict) : row.conflict) as Conflict;
    const current = (typeof row.current === 'string' ? JSON.parse(row.current) : row.current) as RecordMeta | null;
    if (isConflictOpen(conflict, current ?? undefined)) open.set(row.district, (open.get(row.district) ?? 0) + 1);
  }
  return {
    records: records.rows.map((r) => ({ unit: r.unit, table: r.table_name, count: Number(r.count) })),
    conflicts: [...open].sort(([a], [b]) => a.localeCompare(b)).map(([district, count]) => ({ district, count })),
  };
}
