// The roster's in-memory directory read from the real Dexie schema (fake-indexeddb): every live
// enterprise, in pinyin order, searchable by full pinyin, across the scan's page boundaries.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import { blankEnterpriseFields } from '../../../shared/domain/enterpriseFields';
import { filterDirectory } from '../../../shared/search/enterpriseDirectory';
import { enterpriseSearchTokens } from '../../../shared/search/searchTokens';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import { deleteEnterprise, loadEnterpriseDirectory, saveEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { makeEnterprise, recordMetaFixture } from '../../fixtures/records';

const who = { officerName: '张敏', deviceId: 'device-test-1' };
const code = (n: number) => makeCreditCode(`91320509MA1${String(n).padStart(6, '0')}`);

beforeEach(async () => {
  await db.enterprises.clear();
});

describe('loadEnterpriseDirectory', () => {
  it('lists live enterprises in pinyin order of their names, not in code-point order', async () => {
    const names = ['中国巨石有限公司', '北京某某有限公司', '阿里云计算有限公司', '吴江纺织有限公司'];
    for (const [i, name] of names.entries()) {
      await saveEnterprise({ ...blankEnterpriseFields(), name, creditCode: code(i + 1), town: '吴江开发区' }, who);
    }
    const gone = await saveEnterprise({ ...blankEnterpriseFields(), name: '安徽已删除有限公司', creditCode: code(9), town: '吴江开发区' }, who);
    await deleteEnterprise(gone.id, who);
    expect((await loadEnterpriseDirectory()).map((e) => e.name)).toEqual([
      '阿里云计算有限公司',
      '北京某某有限公司',
      '吴江纺织有限公司',
      '中国巨石有限公司',
    ]);
  });

  it('reads a table larger than one scan page, and finds saved enterprises by full pinyin', async () => {
    const many = Array.from({ length: 5200 }, (_, i) => {
      const name = `吴江测试${i}号有限公司`;
      return makeEnterprise({ ...recordMetaFixture(`e${String(i).padStart(5, '0')}`), name, searchTokens: i === 0 ? enterpriseSearchTokens({ name, creditCode: '' }) : [] });
    });
    await db.enterprises.bulkPut(many);
    await saveEnterprise({ ...blankEnterpriseFields(), name: '江苏亨通光电股份有限公司', creditCode: code(1), town: '七都镇' }, who);
    const directory = await loadEnterpriseDirectory();
    expect(directory).toHaveLength(5201);
    expect(filterDirectory(directory, { query: '测试' })).toHaveLength(5200);
    expect(filterDirectory(directory, { query: 'wujiangceshi' })).toHaveLength(1); // the one with its tokens
    expect(filterDirectory(directory, { query: 'hengtongguangdian' }).map((e) => e.name)).toEqual(['江苏亨通光电股份有限公司']);
    expect(filterDirectory(directory, { town: '七都镇' })).toHaveLength(1);
  });
});
