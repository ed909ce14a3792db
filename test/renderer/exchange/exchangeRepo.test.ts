// Three laptops' databases side by side (the provider switched between them): officers record on
// their own, send packages, the bureau merges them; concurrent edits of one problem become a kept
// conflict that an answer closes everywhere; refused packages change nothing; a backup restores.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import type { Settings } from '../../../shared/domain/records';
import { answerProblem, updateProblemDetails } from '../../../shared/problems/problemWorkflow';
import { PackageRefusedError } from '../../../shared/sync/dataPackage';
import { syncedTableNames } from '../../../shared/sync/syncedTables';
import { switchLedgerDb } from '../../../renderer/src/db/db';
import { LedgerDatabase } from '../../../renderer/src/db/schema';
import { defaultSettings } from '../../../renderer/src/db/settingsStore';
import { saveEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import {
  applyMerge,
  buildBackup,
  buildChangesPackage,
  buildReferencePackage,
  openConflicts,
  previewMerge,
  readLedgerPackage,
  resolveOpenConflict,
  restoreBackup,
  type LedgerPackage,
} from '../../../renderer/src/features/exchange/exchangeRepo';
import { changeProblem, problemCountsOf, summarizeProblems } from '../../../renderer/src/features/problems/problemRepo';
import { deleteVisit, saveVisitWithProblems } from '../../../renderer/src/features/visits/visitRepo';

interface Laptop {
  db: LedgerDatabase;
  settings: Settings;
}

async function laptop(name: string, deviceId: string): Promise<Laptop> {
  const db = new LedgerDatabase(`exchange-${name}-${Math.random()}`);
  const settings: Settings = { ...defaultSettings(deviceId), officerName: name, officerDepartment: '区商务局' };
  await db.settings.put({ key: 'app', value: settings });
  return { db, settings };
}

/** Runs `work` with the repositories acting on `on`. */
async function at<T>(on: Laptop, work: () => Promise<T>): Promise<T> {
  const previous = switchLedgerDb(on.db);
  try {
    return await work();
  } finally {
    switchLedgerDb(previous);
  }
}

async function recordVisit(on: Laptop, name: string, serial: string, description: string, date: string) {
  return at(on, async () => {
    const who = { officerName: on.settings.officerName, deviceId: on.settings.deviceId, officerDepartment: '区商务局' };
    const enterprise = await saveEnterprise(
      { name, creditCode: makeCreditCode(`91320509MA${serial}`), town: '吴江开发区', address: '', industry: '', isKeyEnterprise: false, isAboveScale: false, contactPerson: '', contactPhone: '', assignedOfficer: on.settings.officerName, linkedLeader: '' },
      who,
    );
    const saved = await saveVisitWithProblems(
      {
        visit: { enterpriseId: enterprise.id, date, type: '调研走访', officers: [on.settings.officerName], peopleMet: '', summary: '走访', operations: { employment: '', orders: '', supplyChain: '', outputValue: '', newInvestment: '' }, policyIds: [] },
        keptAttachmentIds: [],
        newFiles: [{ key: 'p', fileName: '车间.jpg', mimeType: 'image/jpeg', blob: new Blob([new Uint8Array([7, 8, 9])]) }],
        problems: [{ category: '用工', description, request: '', handling: '本部门办理', department: '区商务局', isComplaint: false }],
      },
      { who, now: new Date(`${date}T02:00:00Z`), overrides: {} },
    );
    return { enterprise, visit: saved.visit, problem: saved.problems[0]! };
  });
}

async function send(from: Laptop, to: Laptop, destination = '区商务局') {
  const built = await buildChangesPackage({ destination }, from.db);
  await built.markSent();
  const pkg = await readLedgerPackage(built.bytes);
  return { pkg, preview: await previewMerge(pkg, to.db), result: await applyMerge(pkg, { takeReference: false }, to.db) };
}

async function contents(db: LedgerDatabase) {
  const all: Record<string, unknown[]> = {};
  for (const table of syncedTableNames) {
    const rows = (await db.table(table).toArray()) as Record<string, unknown>[];
    all[table] = rows.map(({ changeSeq: _seq, blob: _blob, ...rest }) => rest).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return all;
}

/** The counts bar (from the tallies the write path keeps) shows what counting every problem gives. */
async function expectCountsAgree(on: Laptop, today = '2026-11-26') {
  await at(on, async () => expect(await problemCountsOf(undefined, today, {})).toEqual((await summarizeProblems('all', today, {})).counts));
}

let zhang: Laptop;
let li: Laptop;
let bureau: Laptop;

beforeEach(async () => {
  zhang = await laptop('张敏', 'laptop-zhang');
  li = await laptop('李强', 'laptop-li');
  bureau = await laptop('区商务局', 'bureau-pc');
});

describe('packages between laptops', () => {
  it('brings both officers’ records to the bureau once each, photos included, and changes nothing when merged again', async () => {
    const a = await recordVisit(zhang, '甲公司', '1000001', '缺工 80 人', '2026-11-18');
    const b = await recordVisit(li, '乙公司', '1000002', '物流成本高', '2026-11-19');

    const first = await send(zhang, bureau);
    expect(first.preview.tables.map((t) => [t.table, t.counts.added])).toEqual([
      ['enterprises', 1],
      ['visits', 1],
      ['problems', 1],
      ['attachments', 1],
    ]);
    await send(li, bureau);
    expect(await bureau.db.visits.count()).toBe(2);
    expect(await bureau.db.problems.count()).toBe(2);
    const photo = (await bureau.db.attachments.where('ownerId').equals(a.visit.id).toArray())[0];
    expect(photo ? [...new Uint8Array(await photo.blob.arrayBuffer())] : []).toEqual([7, 8, 9]);
    // Derived caches are recomputed on arrival.
    expect((await bureau.db.enterprises.get(b.enterprise.id))?.lastVisitDate).toBe('2026-11-19');

    const before = await contents(bureau.db);
    const again = await readLedgerPackage((await buildChangesPackage({ destination: '区商务局', everything: true }, zhang.db)).bytes);
    const preview = await previewMerge(again, bureau.db);
    expect(preview.tables.every((t) => t.counts.unchanged === t.counts.added + t.counts.unchanged + t.counts.updated + t.counts.conflict + t.counts.deleted)).toBe(true);
    await applyMerge(again, { takeReference: false }, bureau.db);
    expect(await contents(bureau.db)).toEqual(before);
    await expectCountsAgree(bureau);
    expect(await at(bureau, () => problemCountsOf(undefined, '2026-11-26', {}))).toMatchObject({ total: 2, unanswered: 2 });
  });

  it('moves the last visit date with the visits that arrive: forward, back when the latest is redated or deleted', async () => {
    const { enterprise, visit } = await recordVisit(zhang, '甲公司', '1000001', '缺工', '2026-11-18');
    await send(zhang, bureau);
    expect((await bureau.db.enterprises.get(enterprise.id))?.lastVisitDate).toBe('2026-11-18');
    const who = { officerName: '张敏', deviceId: 'laptop-zhang', officerDepartment: '区商务局' };
    const redate = (date: string) =>
      at(zhang, () =>
        saveVisitWithProblems(
          { visitId: visit.id, visit: { ...visit, date }, keptAttachmentIds: [], newFiles: [], problems: [] },
          { who, now: new Date('2026-11-25T02:00:00Z'), overrides: {} },
        ),
      );
    await redate('2026-11-10');
    await send(zhang, bureau);
    expect((await bureau.db.enterprises.get(enterprise.id))?.lastVisitDate).toBe('2026-11-10');
    await at(zhang, () => deleteVisit(visit.id, 'keep', who, new Date('2026-11-26T02:00:00Z')));
    await send(zhang, bureau);
    expect((await bureau.db.enterprises.get(enterprise.id))?.lastVisitDate).toBeUndefined();
  });

  it('sends only what changed since the last package marked sent', async () => {
    await recordVisit(zhang, '甲公司', '1000001', '缺工', '2026-11-18');
    await send(zhang, bureau);
    const nothing = await buildChangesPackage({ destination: '区商务局' }, zhang.db);
    expect(nothing.manifest.counts).toEqual({});
    await recordVisit(zhang, '丙公司', '1000003', '用地', '2026-11-20');
    const next = await buildChangesPackage({ destination: '区商务局' }, zhang.db);
    expect(next.manifest.counts).toEqual({ enterprises: 1, visits: 1, problems: 1, attachments: 1 });
  });

  it('gives the same bureau database whichever officer’s package comes first', async () => {
    await recordVisit(zhang, '甲公司', '1000001', '缺工', '2026-11-18');
    await recordVisit(li, '乙公司', '1000002', '物流', '2026-11-19');
    const fromZhang = await readLedgerPackage((await buildChangesPackage({ destination: 'x' }, zhang.db)).bytes);
    const fromLi = await readLedgerPackage((await buildChangesPackage({ destination: 'x' }, li.db)).bytes);
    const other = await laptop('区商务局', 'bureau-pc-2');
    await applyMerge(fromZhang, { takeReference: false }, bureau.db);
    await applyMerge(fromLi, { takeReference: false }, bureau.db);
    await applyMerge(fromLi, { takeReference: false }, other.db);
    await applyMerge(fromZhang, { takeReference: false }, other.db);
    expect(await contents(other.db)).toEqual(await contents(bureau.db));
  });
});

describe('concurrent edits of one problem', () => {
  it('keep the later edit, keep the other as a conflict, and an answer closes it on every laptop', async () => {
    const { problem } = await recordVisit(zhang, '甲公司', '1000001', '缺工 80 人', '2026-11-18');
    await send(zhang, li, '李强');
    // Both edit the problem the package brought: 张敏 rewrites it, 李强 (later) answers it.
    await at(zhang, () => changeProblem(problem.id, zhang.settings, (p, ctx) => updateProblemDetails(p, { description: '缺工 120 人' }, ctx), new Date('2026-11-20T02:00:00Z')));
    await at(li, () =>
      changeProblem(problem.id, li.settings, (p, ctx) => answerProblem(p, { replyDate: '2026-11-20', replyContent: '已对接职业院校', outcomeClass: '已有方案或正在争取' }, ctx), new Date('2026-11-20T03:00:00Z')),
    );
    await send(zhang, bureau);
    const second = await send(li, bureau);
    expect(second.preview.tables.find((t) => t.table === 'problems')?.counts.conflict).toBe(1);
    expect(second.result.conflicts).toBe(1);

    const stored = await bureau.db.problems.get(problem.id);
    expect(stored?.status).toBe('已答复'); // 李强's later edit wins
    expect(stored?.description).toBe('缺工 80 人');
    // Both laptops' history entries survive.
    expect(stored?.history.map((h) => h.to)).toEqual(['待处理', '已答复']);
    const open = await at(bureau, () => openConflicts());
    expect(open).toHaveLength(1);
    expect((open[0]!.conflict.loser as { description?: string }).description).toBe('缺工 120 人');

    // The bureau keeps the answer and takes 张敏's description.
    await at(bureau, () => resolveOpenConflict(open[0]!.conflict.id, { description: 'loser' }, { actor: { officerName: '王科长', deviceId: 'bureau-pc' }, now: new Date('2026-11-21T01:00:00Z') }));
    expect(await at(bureau, () => openConflicts())).toHaveLength(0);
    const resolved = await bureau.db.problems.get(problem.id);
    expect(resolved).toMatchObject({ status: '已答复', description: '缺工 120 人' });

    // The answer travels: 张敏 merged 李强's version too (a conflict there as well), then the bureau's answer closes it.
    await send(li, zhang, '张敏');
    expect(await at(zhang, () => openConflicts())).toHaveLength(1);
    await send(bureau, zhang, '张敏');
    expect(await at(zhang, () => openConflicts())).toHaveLength(0);
    expect(await zhang.db.problems.get(problem.id)).toMatchObject({ status: '已答复', description: '缺工 120 人' });
  });
});

describe('refused packages and backups', () => {
  it('refuses a package under another passphrase with a Chinese message, and the database is untouched', async () => {
    await recordVisit(zhang, '甲公司', '1000001', '缺工', '2026-11-18');
    const built = await buildChangesPackage({ destination: '区商务局', encryption: { passphrase: 'correct horse 1', testOnlyScryptWorkFactor: 10 } }, zhang.db);
    const before = await contents(bureau.db);
    const refusal = await readLedgerPackage(built.bytes, { passphrase: 'wrong horse 2' }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(PackageRefusedError);
    expect((refusal as Error).message).toMatch(/口令/);
    expect(await contents(bureau.db)).toEqual(before);
    const pkg: LedgerPackage = await readLedgerPackage(built.bytes, { passphrase: 'correct horse 1' });
    await applyMerge(pkg, { takeReference: false }, bureau.db);
    expect(await bureau.db.visits.count()).toBe(1);
  });

  it('restores a lost laptop from its backup, under a new device id', async () => {
    await recordVisit(zhang, '甲公司', '1000001', '缺工', '2026-11-18');
    const backup = await buildBackup(zhang.db);
    const replacement = await laptop('新电脑', 'laptop-new');
    const pkg = await readLedgerPackage(backup.bytes);
    await recordVisit(replacement, '丙公司', '1000003', '用地', '2026-11-20');
    const { deviceId } = await restoreBackup(pkg, replacement.db);
    expect(await contents(replacement.db)).toEqual(await contents(zhang.db));
    // What the replacement held before is gone from its counts too.
    await expectCountsAgree(replacement);
    expect(await at(replacement, () => problemCountsOf(undefined, '2026-11-26', {}))).toMatchObject({ total: 1 });
    const settings = (await replacement.db.settings.get('app'))!.value;
    expect(settings.officerName).toBe('张敏');
    expect(deviceId).not.toBe('laptop-zhang');
    expect(settings.deviceId).toBe(deviceId);
    // The restored laptop writes on: its next package holds only what it writes next.
    expect((await buildChangesPackage({ destination: 'x', everything: true }, replacement.db)).manifest.counts.visits).toBe(1);
  });

  it('takes the bureau’s reference lists only when asked', async () => {
    await bureau.db.settings.put({ key: 'app', value: { ...bureau.settings, towns: [...bureau.settings.towns, '新设镇'] } });
    const pkg = await readLedgerPackage((await buildReferencePackage({ withEnterprises: false }, bureau.db)).bytes);
    const preview = await previewMerge(pkg, zhang.db);
    expect(preview.reference).toEqual([{ label: '区镇', added: ['新设镇'], removed: [] }]);
    await applyMerge(pkg, { takeReference: false }, zhang.db);
    expect((await zhang.db.settings.get('app'))!.value.towns).not.toContain('新设镇');
    await applyMerge(pkg, { takeReference: true }, zhang.db);
    const taken = (await zhang.db.settings.get('app'))!.value;
    expect(taken.towns).toContain('新设镇');
    expect(taken.officerName).toBe('张敏');
  });
});
