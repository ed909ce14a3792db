// The problem list's search (issue 9, 查找): a keyword over the description and the enterprise's
// request, and the workbench's 我的企业 scope (enterprises assigned to an officer), over the real
// Dexie schema (fake-indexeddb).
import { beforeEach, describe, expect, it } from 'vitest';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import { queryProblemIds } from '../../../renderer/src/features/problems/problemRepo';
import { makeEnterprise, makeProblem, recordMetaFixture } from '../../fixtures/records';

beforeEach(async () => {
  await Promise.all([db.enterprises.clear(), db.problems.clear()]);
  await db.enterprises.bulkPut([
    makeEnterprise({ ...recordMetaFixture('e-zhang'), name: '苏州甲公司', town: '盛泽镇', assignedOfficer: '张敏' }),
    makeEnterprise({ ...recordMetaFixture('e-li'), name: '苏州乙公司', town: '盛泽镇', assignedOfficer: '李四' }),
  ]);
  await db.problems.bulkPut([
    makeProblem({ ...recordMetaFixture('p1'), enterpriseId: 'e-zhang', raisedDate: '2026-11-01', description: '厂区门口道路积水', request: '' }),
    makeProblem({ ...recordMetaFixture('p2'), enterpriseId: 'e-zhang', raisedDate: '2026-11-03', description: '缺少普工', request: '希望协调社保补贴' }),
    makeProblem({ ...recordMetaFixture('p3'), enterpriseId: 'e-li', raisedDate: '2026-11-05', description: '出口退税进度慢，社保缴费基数', category: '财税' }),
  ]);
});

describe('keyword search', () => {
  it('finds problems by a word of the description or of the request, newest first', async () => {
    expect(await queryProblemIds({ q: '积水' })).toEqual(['p1']);
    expect(await queryProblemIds({ q: '社保' })).toEqual(['p3', 'p2']); // p2 only by its request
    expect(await queryProblemIds({ q: '没有这个词' })).toEqual([]);
  });

  it('needs every word typed, and combines with the other filters', async () => {
    expect(await queryProblemIds({ q: '社保 普工' })).toEqual(['p2']);
    expect(await queryProblemIds({ q: '社保', category: '财税' })).toEqual(['p3']);
    expect(await queryProblemIds({ q: '社保', enterpriseId: 'e-zhang' })).toEqual(['p2']);
  });

  it('a blank keyword filters nothing', async () => {
    expect(await queryProblemIds({ q: '   ' })).toEqual(['p3', 'p2', 'p1']);
  });
});

describe('the workbench scope', () => {
  it('keeps only problems of the enterprises assigned to the officer', async () => {
    expect(await queryProblemIds({ assignedOfficer: '张敏' })).toEqual(['p2', 'p1']);
    expect(await queryProblemIds({ assignedOfficer: '李四', town: '盛泽镇' })).toEqual(['p3']);
    expect(await queryProblemIds({ assignedOfficer: '王五' })).toEqual([]);
  });
});
