// The attachment limits the visit form states (20 MB a file, 60 MB and 20 files a visit) are
// checked again by the repository, so that no path other than the picker can store more: a visit
// over a limit is refused at the form's 附件 field and nothing of it is stored.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import type { ProblemContext } from '../../../shared/problems/problemWorkflow';
import { RuleError } from '../../../shared/errors/ruleError';
import { ledgerDb } from '../../../renderer/src/db/db';
import { saveEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { saveDraft, visitDraftKey } from '../../../renderer/src/features/visits/draftStore';
import { saveVisitWithProblems, type PendingFile, type SaveVisitRequest } from '../../../renderer/src/features/visits/visitRepo';

const db = ledgerDb();
const MB = 1024 * 1024;

const ctx: ProblemContext = {
  who: { officerName: '张敏', deviceId: 'device-test-1', officerDepartment: '区商务局' },
  now: new Date('2026-11-20T03:00:00Z'),
  overrides: {},
};

let enterpriseId = '';

beforeEach(async () => {
  await Promise.all([db.enterprises.clear(), db.visits.clear(), db.problems.clear(), db.attachments.clear(), db.drafts.clear()]);
  const enterprise = await saveEnterprise(
    {
      name: '苏州工业园区测试电子有限公司',
      creditCode: makeCreditCode('91320509MA1000002'),
      town: '吴江开发区',
      address: '',
      industry: '',
      isKeyEnterprise: false,
      isAboveScale: true,
      contactPerson: '',
      contactPhone: '',
      assignedOfficer: '张敏',
      linkedLeader: '',
    },
    ctx.who,
  );
  enterpriseId = enterprise.id;
});

/** A file of `bytes` zero bytes (its content does not matter to the limits). */
function pending(fileName: string, bytes: number, mimeType = 'application/pdf'): PendingFile {
  return { key: fileName, fileName, mimeType, blob: new Blob([new Uint8Array(bytes)], { type: mimeType }) };
}

function request(newFiles: PendingFile[], over: Partial<SaveVisitRequest> = {}): SaveVisitRequest {
  return {
    visit: {
      enterpriseId,
      date: '2026-11-18',
      type: '调研走访',
      officers: ['张敏'],
      peopleMet: '',
      summary: '了解生产经营情况',
      operations: { employment: '', orders: '', supplyChain: '', outputValue: '', newInvestment: '' },
      policyIds: [],
    },
    keptAttachmentIds: [],
    newFiles,
    problems: [],
    draftKey: visitDraftKey.forNew(enterpriseId),
    ...over,
  };
}

async function refusal(save: Promise<unknown>): Promise<RuleError> {
  const error = await save.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RuleError);
  return error as RuleError;
}

describe('saveVisitWithProblems and the attachment limits', () => {
  it('stores a file of exactly 20 MB', async () => {
    const saved = await saveVisitWithProblems(request([pending('合同扫描件.pdf', 20 * MB)]), ctx);
    expect(saved.attachments.map((a) => a.size)).toEqual([20 * MB]);
  });

  it('refuses a file over 20 MB at the 附件 field, naming it, and stores nothing (the draft stays)', async () => {
    await saveDraft(visitDraftKey.forNew(enterpriseId), { half: 'filled' });
    const error = await refusal(saveVisitWithProblems(request([pending('车间.jpg', 1000), pending('现场录像.mp4', 20 * MB + 1, 'video/mp4')]), ctx));
    expect(error.field).toBe('attachments');
    expect(error.message).toBe('「现场录像.mp4」有 20.1 MB，超过单个文件 20 MB 的上限');
    expect(await db.visits.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.drafts.get(visitDraftKey.forNew(enterpriseId))).toBeDefined();
  });

  it('refuses a 21st file', async () => {
    const files = Array.from({ length: 21 }, (_, i) => pending(`照片${i + 1}.jpg`, 100, 'image/jpeg'));
    const error = await refusal(saveVisitWithProblems(request(files), ctx));
    expect(error.field).toBe('attachments');
    expect(error.message).toBe('「照片21.jpg」超出每次走访 20 个附件的上限');
    expect(await db.attachments.count()).toBe(0);
  });

  it('counts the kept attachments of an edited visit towards 60 MB, and not the removed ones', async () => {
    const first = await saveVisitWithProblems(request([pending('a.pdf', 19 * MB), pending('b.pdf', 19 * MB), pending('c.pdf', 19 * MB)]), ctx);
    const ids = first.attachments.map((a) => a.id);
    const edit = (kept: string[]) => request([pending('d.pdf', 4 * MB)], { visitId: first.visit.id, keptAttachmentIds: kept, draftKey: undefined });

    const error = await refusal(saveVisitWithProblems(edit(ids), ctx));
    expect(error.field).toBe('attachments');
    expect(error.message).toBe('「d.pdf」（4 MB）超出每次走访附件合计 60 MB 的上限（已有 57 MB）');
    const live = async () => (await db.attachments.where('ownerId').equals(first.visit.id).toArray()).filter((a) => !a.deletedAt);
    expect((await live()).map((a) => a.fileName).sort()).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);

    // Removing one makes room for the new file, in the same save.
    await saveVisitWithProblems(edit(ids.slice(1)), ctx);
    expect((await live()).map((a) => a.fileName).sort()).toEqual(['b.pdf', 'c.pdf', 'd.pdf']);
  });

  it('still saves an edit that adds no file to a visit stored over the limits before they existed', async () => {
    const first = await saveVisitWithProblems(request([pending('a.pdf', 100)]), ctx);
    // As stored by an older version: 21 attachments, written past the repository.
    await db.attachments.bulkPut(
      Array.from({ length: 20 }, (_, i) => ({ ...first.attachments[0]!, id: `old-${i}`, fileName: `旧${i}.jpg`, blob: new Blob(['x']) })),
    );
    const kept = (await db.attachments.where('ownerId').equals(first.visit.id).toArray()).map((a) => a.id);
    expect(kept).toHaveLength(21);
    const edit = request([], { visitId: first.visit.id, keptAttachmentIds: kept, draftKey: undefined });
    edit.visit.summary = '补充说明';
    const saved = await saveVisitWithProblems(edit, ctx);
    expect(saved.visit.summary).toBe('补充说明');
  });
});
