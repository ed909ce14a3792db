// Saving a visit writes the visit, its attachments (Blobs), its problems and the enterprise's
// last-visit date in one transaction: everything is stored, or — when any part is rejected — nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import type { ProblemContext } from '../../../shared/problems/problemWorkflow';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import { saveEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { saveDraft, visitDraftKey } from '../../../renderer/src/features/visits/draftStore';
import {
  loadVisitForEdit,
  saveVisitWithProblems,
  type SaveVisitRequest,
  type VisitProblemInput,
} from '../../../renderer/src/features/visits/visitRepo';
import { RuleError } from '../../../shared/errors/ruleError';

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
      name: '江苏亨通光电股份有限公司',
      creditCode: makeCreditCode('91320509MA1000001'),
      town: '吴江开发区',
      address: '',
      industry: '',
      isKeyEnterprise: true,
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

const problem = (over: Partial<VisitProblemInput> = {}): VisitProblemInput => ({
  category: '用工',
  description: '一线操作工缺口约 80 人',
  request: '协助对接职业院校',
  handling: '本部门办理',
  department: '区商务局',
  isComplaint: false,
  ...over,
});

function request(over: Partial<SaveVisitRequest> = {}, date = '2026-11-18'): SaveVisitRequest {
  return {
    visit: {
      enterpriseId,
      date,
      type: '调研走访',
      officers: ['张敏'],
      peopleMet: '王经理（人事）',
      summary: '了解生产经营情况',
      operations: { employment: '在岗 1200 人', orders: '饱满', supplyChain: '', outputValue: '', newInvestment: '' },
      policyIds: ['policy-1'],
    },
    keptAttachmentIds: [],
    newFiles: [{ key: 'k1', fileName: '车间.jpg', mimeType: 'image/jpeg', blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }) }],
    problems: [problem(), problem({ category: '物流', description: '集装箱短缺', handling: '转办', department: '区交通运输局', transferDate: date })],
    draftKey: visitDraftKey.forNew(enterpriseId),
    ...over,
  };
}

describe('saveVisitWithProblems', () => {
  it('stores the visit, its photo, both problems and the last-visit date, and removes the draft', async () => {
    await saveDraft(visitDraftKey.forNew(enterpriseId), { half: 'filled' });
    const saved = await saveVisitWithProblems(request(), ctx);

    const visit = await db.visits.get(saved.visit.id);
    expect(visit?.summary).toBe('了解生产经营情况');
    const photos = await db.attachments.where('ownerId').equals(saved.visit.id).toArray();
    expect(photos).toHaveLength(1);
    const photo = photos[0];
    expect(photo?.fileName).toBe('车间.jpg');
    expect(photo?.ownerId).toBe(saved.visit.id);
    expect(photo ? [...new Uint8Array(await photo.blob.arrayBuffer())] : []).toEqual([1, 2, 3]);

    const problems = await db.problems.where('visitId').equals(saved.visit.id).toArray();
    expect(problems.map((p) => p.category).sort()).toEqual(['物流', '用工']);
    expect(problems.every((p) => p.enterpriseId === enterpriseId && p.raisedDate === '2026-11-18')).toBe(true);
    expect(problems.find((p) => p.category === '物流')?.status).toBe('已转办');
    expect(problems.find((p) => p.category === '用工')?.replyDeadline).toBeDefined();

    expect((await db.enterprises.get(enterpriseId))?.lastVisitDate).toBe('2026-11-18');
    expect(await db.drafts.get(visitDraftKey.forNew(enterpriseId))).toBeUndefined();
  });

  it('stores nothing at all when one problem is invalid, and names that problem and field', async () => {
    await saveDraft(visitDraftKey.forNew(enterpriseId), { half: 'filled' });
    const bad = request({ problems: [problem(), problem({ handling: '转办', department: '' })] });
    const error = await saveVisitWithProblems(bad, ctx).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).field).toBe('problems.1.department');
    expect((error as Error).message).toContain('问题 2');
    expect(await db.visits.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.problems.count()).toBe(0);
    expect((await db.enterprises.get(enterpriseId))?.lastVisitDate).toBeUndefined();
    // The draft survives a failed save, so the officer can fix the problem and try again.
    expect(await db.drafts.get(visitDraftKey.forNew(enterpriseId))).toBeDefined();
  });

  it('rejects a visit without a type at the type field, storing nothing', async () => {
    const bad = request();
    bad.visit.type = '';
    const error = await saveVisitWithProblems(bad, ctx).catch((e: unknown) => e);
    expect((error as RuleError).field).toBe('type');
    expect(await db.visits.count()).toBe(0);
  });

  it('keeps the latest date as the enterprise last visit, whatever order visits are recorded in', async () => {
    await saveVisitWithProblems(request({ problems: [], newFiles: [] }, '2026-11-10'), ctx);
    await saveVisitWithProblems(request({ problems: [], newFiles: [] }, '2026-10-01'), ctx);
    expect((await db.enterprises.get(enterpriseId))?.lastVisitDate).toBe('2026-11-10');
  });

  it('edits a visit: removed attachments are tombstoned, kept ones stay, new problems are added', async () => {
    const first = await saveVisitWithProblems(request({ problems: [problem()] }), ctx);
    const loaded = await loadVisitForEdit(first.visit.id);
    expect(loaded?.attachments).toHaveLength(1);
    expect(loaded?.problems).toHaveLength(1);

    const edit = request({
      visitId: first.visit.id,
      keptAttachmentIds: [],
      newFiles: [{ key: 'k2', fileName: '合同.pdf', mimeType: 'application/pdf', blob: new Blob(['pdf']) }],
      problems: [problem({ category: '税收', description: '出口退税进度' })],
      draftKey: visitDraftKey.forEdit(first.visit.id),
    });
    edit.visit.summary = '补充：退税问题';
    await saveVisitWithProblems(edit, ctx);

    const after = await loadVisitForEdit(first.visit.id);
    expect(after?.visit.summary).toBe('补充：退税问题');
    expect(after?.attachments.map((a) => a.fileName)).toEqual(['合同.pdf']);
    expect(after?.problems.map((p) => p.category).sort()).toEqual(['用工', '税收']);
    expect(await db.visits.count()).toBe(1);
    const removed = await db.attachments.get(first.attachments[0]?.id ?? '');
    expect(removed?.deletedAt).toBeDefined();
  });

  it('refuses a summary over its limit at that field, storing it neither cut nor at all', async () => {
    const long = request({ problems: [] });
    long.visit.summary = '情'.repeat(10_001);
    const error = await saveVisitWithProblems(long, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).field).toBe('summary');
    expect((error as Error).message).toBe('走访情况最多 10000 字，现有 10001 字，请删减 1 字');
    expect(await db.visits.count()).toBe(0);
  });

  it('refuses an over-long problem description at that problem, storing nothing', async () => {
    const long = request({ problems: [problem(), problem({ description: '述'.repeat(4_001) })] });
    const error = await saveVisitWithProblems(long, ctx).catch((e: unknown) => e);
    expect((error as RuleError).field).toBe('problems.1.description');
    expect((error as Error).message).toContain('问题 2：问题描述最多 4000 字');
    expect(await db.visits.count()).toBe(0);
    expect(await db.problems.count()).toBe(0);
  });

  it('refuses a visit dated after today (Asia/Shanghai) at the date field', async () => {
    // ctx.now is 2026-11-20 11:00 in Shanghai.
    const error = await saveVisitWithProblems(request({ problems: [] }, '2026-11-21'), ctx).catch((e: unknown) => e);
    expect((error as RuleError).field).toBe('date');
    expect((error as Error).message).toContain('走访日期不能晚于今天（2026-11-20）');
    expect(await db.visits.count()).toBe(0);
  });

  it('gives each problem the visit\'s first officer as first responder while 设置 names nobody', async () => {
    const unnamed = { ...ctx, who: { ...ctx.who, officerName: '' } };
    const saved = await saveVisitWithProblems(request({ newFiles: [] }), unnamed);
    expect(saved.problems.map((p) => p.officer)).toEqual(['张敏', '张敏']);
    const named = await saveVisitWithProblems(request({ newFiles: [], draftKey: undefined }, '2026-11-19'), { ...ctx, who: { ...ctx.who, officerName: '李四' } });
    expect(named.problems.map((p) => p.officer)).toEqual(['李四', '李四']);
  });
});
