// The roster's data access over the real Dexie schema (fake-indexeddb): saving with the credit-code
// check and duplicate rule, tombstone deletes, search by name / pinyin initials / credit code,
// keyset paging and open-problem counts.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import type { Problem } from '../../../shared/domain/records';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import {
  deleteEnterprise,
  openProblemCounts,
  pageEnterprises,
  saveEnterprise,
  searchEnterprises,
  type EnterpriseInput,
} from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { makeProblem } from '../../fixtures/records';
import { RuleError } from '../../../shared/errors/ruleError';

const who = { officerName: '张敏', deviceId: 'device-test-1' };

function code(n: number): string {
  return makeCreditCode(`91320509MA1${String(n).padStart(6, '0')}`);
}

function input(name: string, creditCode: string): EnterpriseInput {
  return {
    name,
    creditCode,
    town: '吴江开发区',
    address: '',
    industry: '',
    isKeyEnterprise: false,
    isAboveScale: true,
    contactPerson: '',
    contactPhone: '',
    assignedOfficer: '张敏',
    linkedLeader: '',
  };
}

beforeEach(async () => {
  await Promise.all([db.enterprises.clear(), db.problems.clear()]);
});

describe('saveEnterprise', () => {
  it('stores a new enterprise with stamped fields and search tokens', async () => {
    const saved = await saveEnterprise(input('江苏亨通光电股份有限公司', code(1)), who);
    const stored = await db.enterprises.get(saved.id);
    expect(stored?.name).toBe('江苏亨通光电股份有限公司');
    expect(stored?.updatedBy).toBe('张敏');
    expect(stored?.deviceId).toBe('device-test-1');
    expect(stored?.searchTokens.length).toBeGreaterThan(0);
  });

  it('rejects a credit code with a wrong check digit at the credit-code field, storing nothing', async () => {
    const good = code(2);
    const wrongLast = good.endsWith('0') ? `${good.slice(0, 17)}1` : `${good.slice(0, 17)}0`;
    const error = await saveEnterprise(input('吴江测试纺织有限公司', wrongLast), who).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).field).toBe('creditCode');
    expect((error as Error).message).toMatch(/校验|统一社会信用代码/);
    expect(await db.enterprises.count()).toBe(0);
  });

  it('rejects a credit code another live enterprise holds, but accepts it after that one is deleted', async () => {
    const first = await saveEnterprise(input('苏州甲公司', code(3)), who);
    const error = await saveEnterprise(input('苏州乙公司', code(3)), who).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect((error as Error).message).toContain('苏州甲公司');
    await deleteEnterprise(first.id, who);
    const second = await saveEnterprise(input('苏州乙公司', code(3)), who);
    expect(second.creditCode).toBe(code(3));
  });

  it('recomputes the search tokens when an enterprise is renamed', async () => {
    const saved = await saveEnterprise(input('苏州旧名称有限公司', code(4)), who);
    await saveEnterprise({ ...input('亨通光电有限公司', code(4)) }, who, saved.id);
    expect((await searchEnterprises('htgd')).map((e) => e.id)).toEqual([saved.id]);
    expect(await searchEnterprises('旧名称')).toEqual([]);
  });
});

describe('deleteEnterprise', () => {
  it('keeps a tombstone and hides the enterprise from search and paging', async () => {
    const saved = await saveEnterprise(input('亨通光电有限公司', code(5)), who);
    await deleteEnterprise(saved.id, who);
    const stored = await db.enterprises.get(saved.id);
    expect(stored?.deletedAt).toBeDefined();
    expect(await searchEnterprises('亨通')).toEqual([]);
    expect((await pageEnterprises(undefined)).rows).toEqual([]);
  });
});

describe('searchEnterprises', () => {
  it('finds by name substring, pinyin initials and credit-code prefix', async () => {
    const hengtong = await saveEnterprise(input('江苏亨通光电股份有限公司', code(6)), who);
    await saveEnterprise(input('吴江盛虹纺织有限公司', code(7)), who);
    expect((await searchEnterprises('光电')).map((e) => e.id)).toEqual([hengtong.id]);
    expect((await searchEnterprises('htgd')).map((e) => e.id)).toEqual([hengtong.id]);
    expect((await searchEnterprises(code(6).slice(0, 17).toLowerCase())).map((e) => e.id)).toEqual([hengtong.id]);
    expect(await searchEnterprises('   ')).toEqual([]);
  });
});

describe('pageEnterprises', () => {
  it('walks every live enterprise once in name order, across pages and repeated names', async () => {
    const names = ['丙公司', '甲公司', '甲公司', '甲公司', '乙公司', '丁公司', '甲公司'];
    for (const [i, name] of names.entries()) await saveEnterprise(input(name, code(100 + i)), who);
    const seen: string[] = [];
    let page = await pageEnterprises(undefined, 2);
    seen.push(...page.rows.map((e) => e.id));
    while (page.next) {
      page = await pageEnterprises(page.next, 2);
      seen.push(...page.rows.map((e) => e.id));
    }
    expect(new Set(seen).size).toBe(names.length);
    expect(seen.length).toBe(names.length);
    const stored = await db.enterprises.bulkGet(seen);
    const inOrder = stored.map((e) => e?.name ?? '');
    expect(inOrder).toEqual([...inOrder].sort());
  });
});

describe('openProblemCounts', () => {
  it('counts only open, live problems of the asked enterprises', async () => {
    const a = await saveEnterprise(input('甲公司', code(200)), who);
    const b = await saveEnterprise(input('乙公司', code(201)), who);
    const problem = (enterpriseId: string, status: Problem['status'], deleted = false): Problem =>
      makeProblem({
        id: crypto.randomUUID(),
        ...(deleted ? { deletedAt: new Date().toISOString() } : {}),
        enterpriseId,
        status,
        officer: '张敏',
      });
    await db.problems.bulkPut([
      problem(a.id, '待处理'),
      problem(a.id, '已转办'),
      problem(a.id, '已升级'),
      problem(a.id, '已办结'),
      problem(a.id, '已答复'),
      problem(a.id, '待处理', true),
      problem(b.id, '待处理'),
    ]);
    const counts = await openProblemCounts([a.id]);
    expect(counts.get(a.id)).toBe(3);
    expect(counts.has(b.id)).toBe(false);
  });
});
