// 经营数据 recorded on a visit: the month's figures are written in the visit's transaction; a refused
// figure (or a report entered meanwhile) leaves nothing stored — no visit, no problem, no report; a
// month's stored figures are replaced only when the save says it saw them; a jump is refused unless
// confirmed; and figures offered from an old visit's free text are offered, never written.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import { RuleError } from '../../../shared/errors/ruleError';
import type { ProblemContext } from '../../../shared/problems/problemWorkflow';
import { ledgerDb } from '../../../renderer/src/db/db';
import { saveEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { figureOffersOf, ignoreFigureOffer, saveOperationReport } from '../../../renderer/src/features/operations/operationsRepo';
import { saveDraft, visitDraftKey } from '../../../renderer/src/features/visits/draftStore';
import { saveVisitWithProblems, type SaveVisitRequest, type VisitFiguresRequest } from '../../../renderer/src/features/visits/visitRepo';

const db = ledgerDb();
const now = new Date('2026-12-04T03:00:00Z');
const ctx: ProblemContext = { who: { officerName: '张敏', deviceId: 'device-test-1', officerDepartment: '区商务局' }, now, overrides: {} };
let enterpriseId = '';

beforeEach(async () => {
  await Promise.all([db.enterprises.clear(), db.visits.clear(), db.problems.clear(), db.attachments.clear(), db.drafts.clear(), db.operationReports.clear()]);
  const enterprise = await saveEnterprise(
    { name: '苏州盛虹纤维有限公司', creditCode: makeCreditCode('91320509MA2000001'), town: '盛泽镇', address: '', industry: '纺织', isKeyEnterprise: false, isAboveScale: true, contactPerson: '', contactPhone: '', assignedOfficer: '张敏', linkedLeader: '' },
    ctx.who,
  );
  enterpriseId = enterprise.id;
});

function visitRequest(figures?: VisitFiguresRequest, date = '2026-12-02'): SaveVisitRequest {
  return {
    visit: {
      enterpriseId,
      date,
      type: '调研走访',
      officers: ['张敏'],
      peopleMet: '',
      summary: '了解生产经营情况',
      operations: { employment: '', orders: '', supplyChain: '进口染料交期延长', outputValue: '', newInvestment: '' },
      policyIds: [],
    },
    keptAttachmentIds: [],
    newFiles: [],
    problems: [{ category: '用工', description: '缺挡车工', request: '', handling: '本部门办理', department: '区商务局', isComplaint: false }],
    draftKey: visitDraftKey.forNew(enterpriseId),
    ...(figures ? { figures } : {}),
  };
}

const november = (over: Record<string, string> = {}): VisitFiguresRequest => ({
  input: { month: '2026-11', outputValue: '1200', outputValueYtd: '13200', employees: '320', ...over },
  seen: { rev: null },
});

async function stored() {
  return { visits: await db.visits.count(), problems: await db.problems.count(), reports: await db.operationReports.toArray(), drafts: await db.drafts.count() };
}

async function refusal(run: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await run;
  } catch (error) {
    if (error instanceof RuleError) return Object.fromEntries(error.issues.map((i) => [i.field, i.message]));
    throw error;
  }
  throw new Error('not refused');
}

describe('saving a visit with the month\'s figures', () => {
  it('writes the visit, its problem and the month\'s report in one save, the report carrying the visit\'s supply-chain note', async () => {
    await saveDraft(visitDraftKey.forNew(enterpriseId), { values: {}, pendingFiles: [], removedAttachmentIds: [] });
    const saved = await saveVisitWithProblems(visitRequest(november()), ctx);
    expect(saved.operations).toMatchObject({ replaced: false, report: { month: '2026-11', outputValue: 1200, outputValueYtd: 13200, employees: 320, supplyChainIssues: '进口染料交期延长', updatedBy: '张敏' } });
    const after = await stored();
    expect(after).toMatchObject({ visits: 1, problems: 1, drafts: 0 });
    expect(after.reports).toHaveLength(1);
    expect(after.reports[0]!.id).toBe(`ops-${enterpriseId}-2026-11`);
  });

  it('a bad figure stores nothing — no visit, no problem, no report — and is said at its field on the form', async () => {
    await saveDraft(visitDraftKey.forNew(enterpriseId), { values: {}, pendingFiles: [], removedAttachmentIds: [] });
    expect(await refusal(saveVisitWithProblems(visitRequest(november({ employees: '约320' })), ctx))).toEqual({ 'figures.employees': '经营数据：用工人数应为整数（人），如 320' });
    expect(await refusal(saveVisitWithProblems(visitRequest(november({ outputValueYtd: '800' })), ctx))).toMatchObject({ 'figures.outputValueYtd': expect.stringContaining('本年累计产值不能小于本月产值') });
    expect(await stored()).toEqual({ visits: 0, problems: 0, reports: [], drafts: 1 });
  });

  it('a year-to-date figure below an earlier month\'s, checked inside the transaction, stores nothing either', async () => {
    await saveOperationReport(enterpriseId, { month: '2026-10', outputValueYtd: '12000' }, ctx.who, now);
    expect(await refusal(saveVisitWithProblems(visitRequest(november({ outputValueYtd: '11000', outputValue: '' })), ctx))).toMatchObject({
      'figures.outputValueYtd': expect.stringContaining('不能小于 2026-10 的本年累计'),
    });
    expect((await stored()).visits).toBe(0);
    expect((await stored()).reports).toHaveLength(1);
  });

  it('refuses figures for a month other than the visit\'s or the one before, and a month not begun', async () => {
    expect(await refusal(saveVisitWithProblems(visitRequest(november(), '2026-09-30'), ctx))).toEqual({ 'figures.month': '经营数据应为走访当月或上月（2026-09 或 2026-08）' });
    expect(await refusal(saveVisitWithProblems(visitRequest({ input: { month: '2027-01', employees: '320' }, seen: { rev: null } }, '2027-01-05'), ctx))).toMatchObject({ date: expect.any(String) });
    expect((await stored()).visits).toBe(0);
  });

  it('never replaces a month\'s stored figures the officer did not see, and updates them once they did', async () => {
    const entered = await saveOperationReport(enterpriseId, { month: '2026-11', outputValue: '1100', employees: '300', supplyChainIssues: '芯片交期 16 周' }, { officerName: '李静', deviceId: 'device-2' }, now);
    // A save that saw no report of the month: refused, nothing stored, the stored figures kept.
    expect(await refusal(saveVisitWithProblems(visitRequest(november()), ctx))).toEqual({ 'figures.month': '经营数据：2026-11 的经营数据刚由李静填报或修改，请核对该月已有的数据后再保存' });
    expect(await stored()).toMatchObject({ visits: 0, problems: 0 });
    expect((await db.operationReports.get(entered.report.id))).toMatchObject({ outputValue: 1100, employees: 300, rev: 1 });

    // Seen (the form showed them and the officer confirmed the update): replaced, the report's own note kept.
    const saved = await saveVisitWithProblems(visitRequest({ ...november(), seen: { rev: entered.report.rev } }), ctx);
    expect(saved.operations).toMatchObject({ replaced: true, report: { id: entered.report.id, outputValue: 1200, employees: 320, rev: 2, supplyChainIssues: '芯片交期 16 周', updatedBy: '张敏' } });
  });

  it('a figure that jumped against last month is refused unless confirmed', async () => {
    await saveOperationReport(enterpriseId, { month: '2026-10', outputValue: '1200', employees: '320' }, ctx.who, now);
    expect(await refusal(saveVisitWithProblems(visitRequest(november({ outputValue: '12000', outputValueYtd: '' })), ctx))).toMatchObject({ 'figures.outputValue': expect.stringContaining('较上月') });
    expect((await stored()).visits).toBe(0);
    const saved = await saveVisitWithProblems(visitRequest({ input: { month: '2026-11', outputValue: '12000', confirmJumps: true }, seen: { rev: null } }), ctx);
    expect(saved.operations?.report.outputValue).toBe(12000);
  });

  it('a visit with no figures writes no report', async () => {
    const saved = await saveVisitWithProblems(visitRequest(), ctx);
    expect(saved.operations).toBeUndefined();
    expect((await stored()).reports).toEqual([]);
  });
});

describe('figures offered from old visits\' free text', () => {
  it('offers the month\'s figures read from a visit, writes nothing, and stops offering once ignored or entered', async () => {
    const old = visitRequest(undefined, '2026-11-12');
    old.visit.operations = { employment: '用工 320 人', orders: '订单饱满，排产到 3 月', supplyChain: '', outputValue: '产值 1.2 亿元', newInvestment: '新增投资约 3000 万' };
    await saveVisitWithProblems(old, ctx);
    const offers = await figureOffersOf(enterpriseId, '2026-12');
    expect(offers.map((o) => [o.month, o.visitDate, o.figure.key, o.figure.value, o.figure.approximate])).toEqual([
      ['2026-11', '2026-11-12', 'employees', 320, false],
      ['2026-11', '2026-11-12', 'outputValueYtd', 12000, false],
      ['2026-11', '2026-11-12', 'newInvestmentYtd', 3000, true],
    ]);
    expect(await db.operationReports.count()).toBe(0);

    await ignoreFigureOffer(enterpriseId, offers[2]!);
    expect((await figureOffersOf(enterpriseId, '2026-12')).map((o) => o.figure.key)).toEqual(['employees', 'outputValueYtd']);
    // Entered (the officer adopted it in 填报经营数据 and saved): no longer offered; the visit's text unchanged.
    await saveOperationReport(enterpriseId, { month: '2026-11', employees: '320' }, ctx.who, now);
    expect((await figureOffersOf(enterpriseId, '2026-12')).map((o) => o.figure.key)).toEqual(['outputValueYtd']);
    expect((await db.visits.toArray())[0]!.operations.employment).toBe('用工 320 人');
  });
});
