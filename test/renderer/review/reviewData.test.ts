// The officer's review list, the due list of plan actions and the workbench figures, computed from a
// small seeded database (real Dexie over fake-indexeddb).
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Enterprise, KeyProject, Problem, Visit } from '../../../shared/domain/records';
import type { PlanAction } from '../../../shared/domain/records';
import { makeEnterprise, makeProblem, makeVisit, recordMetaFixture } from '../../fixtures/records';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import { filterReviewRows, loadDuePlanActions, loadReviewRows, sortReviewRows } from '../../../renderer/src/features/review/reviewData';
import { exportContactList } from '../../../renderer/src/features/review/reviewExport';
import { addPlanAction, markPlanActionDone } from '../../../renderer/src/features/servicePlan/servicePlanRepo';
import { loadWorkbenchFigures } from '../../../renderer/src/features/review/workbenchData';
import { browserSink } from '../export/exportSinks';
import { rebuildTallies, writeTransaction } from '../../../renderer/src/db/ledgerWrites';

const today = '2026-11-18';
const who = { officerName: '张三', deviceId: 'device-test' };
const meta = (id: string) => recordMetaFixture(id);

const enterprise = (id: string, name: string, town: string, officer: string, lastVisitDate?: string): Enterprise =>
  makeEnterprise({ ...meta(id), name, creditCode: `CODE-${id}`, town, assignedOfficer: officer, ...(lastVisitDate ? { lastVisitDate } : {}) });

const visit = (id: string, enterpriseId: string, date: string): Visit => makeVisit({ ...meta(id), enterpriseId, date });

const problem = (id: string, enterpriseId: string, over: Partial<Problem>): Problem => makeProblem({ ...meta(id), enterpriseId, ...over });

const plan = (id: string, enterpriseId: string, dueDate: string, doneDate?: string): PlanAction => ({
  ...meta(id),
  enterpriseId,
  need: '用工缺口',
  action: '专场招聘',
  owner: '张三',
  dueDate,
  note: '',
  ...(doneDate ? { doneDate } : {}),
});

beforeEach(async () => {
  await Promise.all([db.enterprises.clear(), db.visits.clear(), db.problems.clear(), db.projects.clear(), db.planActions.clear(), db.tallies.clear()]);
  await db.enterprises.bulkPut([
    enterprise('e-visited', '甲精密', '平望镇', '张三', '2026-11-05'),
    enterprise('e-last-month', '乙纺织', '平望镇', '张三', '2026-10-20'),
    enterprise('e-never', '丙电子', '震泽镇', '张三'),
    enterprise('e-other', '丁化工', '震泽镇', '李四', '2026-11-10'),
    { ...enterprise('e-deleted', '戊已删', '震泽镇', '张三'), deletedAt: '2026-02-01T00:00:00.000Z' },
  ]);
  await db.visits.bulkPut([visit('v1', 'e-visited', '2026-11-05'), visit('v2', 'e-last-month', '2026-10-20'), visit('v3', 'e-other', '2026-11-10')]);
  await db.problems.bulkPut([
    problem('p-overdue', 'e-last-month', { replyDeadline: '2026-11-05' }),
    problem('p-open', 'e-last-month', { replyDeadline: '2026-11-20', category: '物流', department: '区交通局' }),
    problem('p-closed', 'e-visited', { replyDeadline: '2026-11-05', replyDate: '2026-11-04', status: '已办结', outcomeClass: '解决或已有明确途径' }),
  ]);
  const project: KeyProject = { ...meta('k1'), name: '二期扩建', enterpriseId: 'e-never', investorRegion: '', stage: '在建', inLibrary: true, libraryExitReason: '', leadOfficer: '', town: '' };
  await db.projects.put(project);
  await db.planActions.bulkPut([plan('plan-late', 'e-never', '2026-11-10'), plan('plan-soon', 'e-never', '2026-11-25'), plan('plan-done', 'e-never', '2026-11-01', '2026-10-30'), plan('plan-far', 'e-visited', '2027-03-01')]);
});

describe('我的联系企业', () => {
  it('lists the officer’s live enterprises with visit, problem, project and plan figures', async () => {
    const rows = await loadReviewRows({ officer: '张三', today });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect([...byId.keys()].sort()).toEqual(['e-last-month', 'e-never', 'e-visited']);
    expect(byId.get('e-visited')).toMatchObject({ lastVisitDate: '2026-11-05', daysSince: 13, dueThisMonth: false, openProblems: 0 });
    expect(byId.get('e-last-month')).toMatchObject({ lastVisitDate: '2026-10-20', daysSince: 29, dueThisMonth: true, openProblems: 2, overdueProblems: 1 });
    expect(byId.get('e-never')).toMatchObject({ lastVisitDate: '', daysSince: null, dueThisMonth: true, keyProject: '二期扩建（在建）', planLate: 1, planDue: 1 });
  });

  it('lists every enterprise when no officer is set, and filters and sorts', async () => {
    const rows = await loadReviewRows({ officer: '', today });
    expect(rows).toHaveLength(4);
    const noFilter = { text: '', town: '', officer: '', dueOnly: false, overdueOnly: false, planOnly: false, visitedIds: null };
    expect(filterReviewRows(rows, { ...noFilter, dueOnly: true }).map((r) => r.name).sort()).toEqual(['丙电子', '乙纺织']);
    expect(filterReviewRows(rows, { ...noFilter, town: '震泽镇', officer: '李四' }).map((r) => r.name)).toEqual(['丁化工']);
    expect(filterReviewRows(rows, { ...noFilter, overdueOnly: true }).map((r) => r.name)).toEqual(['乙纺织']);
    expect(sortReviewRows(rows, 'daysSince', true).map((r) => r.name)).toEqual(['丙电子', '乙纺织', '甲精密', '丁化工']);
  });

  it('puts late and soon-due plan actions on the due list, and takes a done one off', async () => {
    expect((await loadDuePlanActions({ officer: '张三', today })).map((a) => [a.id, a.state])).toEqual([
      ['plan-late', '已逾期'],
      ['plan-soon', '近期到期'],
    ]);
    await markPlanActionDone('plan-late', today, who);
    expect((await loadDuePlanActions({ officer: '张三', today })).map((a) => a.id)).toEqual(['plan-soon']);
  });

  it('refuses a plan action without an owner, storing nothing', async () => {
    await expect(addPlanAction('e-never', { need: '融资', action: '银企对接', owner: ' ', dueDate: '2026-12-01' }, who)).rejects.toThrow('请填写责任人');
    expect(await db.planActions.where('enterpriseId').equals('e-never').count()).toBe(3);
  });

  it('exports the filtered list to a workbook with one row per enterprise', async () => {
    const rows = sortReviewRows(await loadReviewRows({ officer: '张三', today }), 'name', false);
    const { bridge, saved } = browserSink();
    await exportContactList(bridge, rows, { today, scope: '' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved[0]!.data.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('联系企业')!;
    // Title, the export line, then the header (reviewExport.test.ts checks the layout in full).
    expect(sheet.getRow(3).getCell(2).value).toBe('企业名称');
    expect([4, 5, 6].map((n) => sheet.getRow(n).getCell(2).value)).toEqual(rows.map((r) => r.name));
    expect(sheet.getRow(4 + rows.findIndex((r) => r.id === 'e-never')).getCell(8).value).toBe('未走访');
  });
});

describe('工作台 figures', () => {
  it('counts coverage by town, problems by category/department/outcome, and visits per week', async () => {
    const f = await loadWorkbenchFigures('张三', today);
    expect([f.assigned, f.visited]).toEqual([3, 1]);
    expect(f.byTown).toEqual([
      { town: '平望镇', assigned: 2, visited: 1 },
      { town: '震泽镇', assigned: 1, visited: 0 },
    ]);
    expect(f.problemsByCategory).toEqual([
      { name: '用工', count: 2 },
      { name: '物流', count: 1 },
    ]);
    expect(f.problemsByDepartment).toEqual([
      { name: '区商务局', count: 2, overdue: 1 },
      { name: '区交通局', count: 1, overdue: 0 },
    ]);
    expect(f.outcomes.find((o) => o.name === '解决或已有明确途径')?.count).toBe(1);
    expect(f.counts.overdue).toBe(1);
    expect(f.planLate).toBe(1);
    expect(f.visitsPerWeek).toHaveLength(12);
    expect(f.visitsPerWeek.at(-1)).toEqual({ from: '2026-11-16', to: '2026-11-22', count: 0 });
    expect(f.visitsPerWeek.find((w) => w.from === '2026-11-02')?.count).toBe(1);
    expect(f.visitsPerWeek.find((w) => w.from === '2026-10-19')?.count).toBe(1);
  });

  it('counts the whole district by key: deleted enterprises and visits left out, every live problem in', async () => {
    // More of the district than 张三's: a deleted visit, a live visit of the deleted enterprise, and a
    // problem of the deleted enterprise (it stays in 问题诉求 to be handled, so it counts here too).
    await db.visits.bulkPut([
      { ...visit('v-deleted', 'e-visited', '2026-11-06'), deletedAt: '2026-11-07T00:00:00.000Z' },
      visit('v-of-deleted', 'e-deleted', '2026-11-12'),
    ]);
    await db.problems.put(problem('p-of-deleted', 'e-deleted', { replyDeadline: '2026-11-30', category: '融资', department: '' }));
    // The district's problems are counted from what the write path keeps (tallies, index fields):
    // store them through it (under ids long enough for its check).
    const problems = await db.problems.toArray();
    await db.problems.clear();
    await writeTransaction(['problems'], (w) => w.putVersioned('problems', problems.map((p) => ({ ...p, id: `problem-${p.id}` }))));
    // The fixtures above were put straight in: count them as the schema upgrade would.
    await db.transaction('rw', [db.problems, db.visits, db.enterprises, db.tallies], () => rebuildTallies(db));

    const f = await loadWorkbenchFigures('', today);
    expect([f.assigned, f.visited]).toEqual([4, 2]);
    expect(f.byTown).toEqual([
      { town: '平望镇', assigned: 2, visited: 1 },
      { town: '震泽镇', assigned: 2, visited: 1 },
    ]);
    expect(f.problemsByCategory).toEqual([
      { name: '用工', count: 2 },
      { name: '融资', count: 1 },
      { name: '物流', count: 1 },
    ]);
    expect(f.problemsByDepartment).toEqual([
      { name: '区商务局', count: 2, overdue: 1 },
      { name: '区交通局', count: 1, overdue: 0 },
      { name: '未指定部门', count: 1, overdue: 0 },
    ]);
    expect([f.counts.total, f.counts.overdue, f.counts.unanswered]).toEqual([4, 1, 3]);
    expect(f.planLate).toBe(1);
    expect(f.visitsPerWeek.filter((w) => w.count > 0)).toEqual([
      { from: '2026-10-19', to: '2026-10-25', count: 1 },
      { from: '2026-11-02', to: '2026-11-08', count: 1 },
      { from: '2026-11-09', to: '2026-11-15', count: 1 },
    ]);
  });
});
