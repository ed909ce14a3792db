// A package with photos is built from one read transaction. IndexedDB commits a transaction as soon
// as it waits on anything that is not IndexedDB, and a Blob's bytes (Blob.arrayBuffer) are read from
// disk by the browser: awaited inside the transaction, the next table's read failed with "committed
// too early". fake-indexeddb's Blobs answer at once, so here they answer a moment later, as Chromium's do.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import { ledgerDb } from '../../../renderer/src/db/db';
import { saveEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { buildBackup, buildChangesPackage, readLedgerPackage } from '../../../renderer/src/features/exchange/exchangeRepo';
import { saveVisitWithProblems } from '../../../renderer/src/features/visits/visitRepo';
import { addPlanAction } from '../../../renderer/src/features/servicePlan/servicePlanRepo';

const who = { officerName: '张敏', deviceId: 'device-photos', officerDepartment: '区商务局' };

beforeEach(async () => {
  const db = ledgerDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  const realArrayBuffer = Blob.prototype.arrayBuffer;
  vi.spyOn(Blob.prototype, 'arrayBuffer').mockImplementation(function (this: Blob) {
    return new Promise((resolve) => setTimeout(resolve, 5)).then(() => realArrayBuffer.call(this));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

it('a package holds the photo’s bytes and every table after attachments (一企一策 too)', async () => {
  const enterprise = await saveEnterprise(
    { name: '苏州照片测试有限公司', creditCode: makeCreditCode('91320509MA1PH0T01'), town: '吴江开发区', address: '', industry: '', isKeyEnterprise: false, isAboveScale: false, contactPerson: '', contactPhone: '', assignedOfficer: '张敏', linkedLeader: '' },
    who,
  );
  await saveVisitWithProblems(
    {
      visit: { enterpriseId: enterprise.id, date: '2026-11-18', type: '调研走访', officers: ['张敏'], peopleMet: '', summary: '', operations: { employment: '', orders: '', supplyChain: '', outputValue: '', newInvestment: '' }, policyIds: [] },
      keptAttachmentIds: [],
      newFiles: [{ key: 'p', fileName: '车间.jpg', mimeType: 'image/jpeg', blob: new Blob([new Uint8Array([7, 8, 9])]) }],
      problems: [],
    },
    { who, now: new Date('2026-11-18T02:00:00Z'), overrides: {} },
  );
  await addPlanAction(enterprise.id, { need: '用工', action: '对接招聘会', owner: '张敏', dueDate: '2026-12-31' }, who);

  for (const built of [await buildChangesPackage({ destination: '区商务局' }), await buildBackup()]) {
    expect(built.manifest.counts).toMatchObject({ enterprises: 1, visits: 1, attachments: 1, planActions: 1 });
    const pkg = await readLedgerPackage(built.bytes);
    const photo = pkg.tables.attachments![0] as { id: string };
    expect([...pkg.attachments.get(photo.id)!]).toEqual([7, 8, 9]);
  }
});
