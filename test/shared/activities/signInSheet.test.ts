// 签到表: a sign-in sheet read by the roster reader and matched to the roster by credit code or by
// name; several rows of one enterprise are one attendee with everyone who came; rows naming no
// enterprise of the roster are listed with why; odd rows are refused naming their row and column.
import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import { readRosterFile } from '../../../shared/roster/readRosterFile';
import {
  findSignInHeader,
  matchSignInSheet,
  signInKeys,
  type SignInEnterprise,
  type SignInLookup,
} from '../../../shared/activities/signInSheet';

const jia: SignInEnterprise = { id: 'ent-jia', name: '苏州甲精密机械有限公司', creditCode: makeCreditCode('91320509MA1AAAAA0') };
const yi: SignInEnterprise = { id: 'ent-yi', name: '吴江乙电子（苏州）有限公司', creditCode: makeCreditCode('91320509MA1BBBBB0') };
const bing: SignInEnterprise = { id: 'ent-bing', name: '苏州丙新材料有限公司', creditCode: makeCreditCode('91320509MA1CCCCC0') };
const twinA: SignInEnterprise = { id: 'ent-twin-a', name: '苏州同名贸易有限公司', creditCode: makeCreditCode('91320509MA1DDDDD0') };
const twinB: SignInEnterprise = { id: 'ent-twin-b', name: '苏州同名贸易有限公司', creditCode: makeCreditCode('91320509MA1EEEEE0') };
const lookup: SignInLookup = {
  byCode: new Map([jia, yi, bing, twinA, twinB].map((e) => [e.creditCode, e])),
  byName: new Map([
    ['苏州甲精密机械有限公司', [jia]],
    ['吴江乙电子（苏州）有限公司', [yi]],
    ['苏州丙新材料有限公司', [bing]],
    ['苏州同名贸易有限公司', [twinA, twinB]],
  ]),
};

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));

describe('a sign-in sheet', () => {
  it('finds the header under a title, matches by credit code or by name, and joins one enterprise’s people', async () => {
    const sheet = await readRosterFile('签到表.csv', csv([
      '2026年11月开放再出发政策宣讲会签到表,,,',
      '序号,单位名称,统一社会信用代码,参会人员,职务',
      `1,苏州甲精密机械有限公司,${jia.creditCode},张伟,总经理`,
      '2,吴江乙电子(苏州)有限公司,,李娜,人事经理', // half-width brackets and no code: by name
      `3,苏州甲精密机械有限公司,${jia.creditCode},刘洋,`,
      `4,丙新材料,${bing.creditCode},王芳,财务`, // a short name, but the code says who
      '5,苏州丁科技有限公司,,赵磊,', // not on the roster
      '6,苏州同名贸易有限公司,,钱进,', // two of that name on the roster
      '合计：6人,,,,',
      '填表人：周敏,,,,',
    ]));
    const header = findSignInHeader(sheet);
    expect(header).toEqual({ index: 1, mapping: { name: 1, creditCode: 2, person: 3, title: 4 } });
    expect(signInKeys(sheet, header!).codes.sort()).toEqual([jia.creditCode, bing.creditCode].sort());
    const result = matchSignInSheet(sheet, header!, lookup);
    expect(result.headerRow).toBe(2);
    expect(result.matched.map((m) => [m.enterprise.id, m.rows, m.people, m.by])).toEqual([
      ['ent-jia', [3, 5], '张伟（总经理）、刘洋', 'creditCode'],
      ['ent-yi', [4], '李娜（人事经理）', 'name'],
      ['ent-bing', [6], '王芳（财务）', 'creditCode'],
    ]);
    expect(result.unknown).toEqual([
      { row: 7, name: '苏州丁科技有限公司', creditCode: '', reason: '名录中没有该企业，请先在企业名录中新增或导入名单' },
      { row: 8, name: '苏州同名贸易有限公司', creditCode: '', reason: '名录中有 2 家同名企业，请在表中填写统一社会信用代码' },
    ]);
    expect(result.skipped.map((s) => s.row)).toEqual([9, 10]);
    expect(result.rejects).toEqual([]);
  });

  it('refuses formulas, formula-like text and a wrong credit code, naming the row and column; a name with another code is listed', async () => {
    const wrongCode = `${jia.creditCode.slice(0, 17)}${jia.creditCode.endsWith('X') ? 'Y' : 'X'}`;
    const sheet = await readRosterFile('签到表.csv', csv([
      '企业名称,信用代码,姓名',
      '苏州甲精密机械有限公司,,=HYPERLINK("http://x")',
      `苏州甲精密机械有限公司,${wrongCode},张伟`,
      `苏州甲精密机械有限公司,${yi.creditCode},张伟`,
      ',,孙丽',
    ]));
    const header = findSignInHeader(sheet)!;
    const result = matchSignInSheet(sheet, header, lookup);
    expect(result.rejects.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(result.rejects[0]!.message).toMatch(/^C列「参会人员」是公式/);
    expect(result.rejects[1]!.message).toMatch(/^B列「统一社会信用代码」「.+」/);
    expect(result.rejects[2]!.message).toBe('A列「企业名称」为空，无法识别是哪家企业');
    // Row 4's code is 乙's: the code decides, whatever the name says.
    expect(result.matched.map((m) => [m.enterprise.id, m.rows])).toEqual([['ent-yi', [4]]]);
  });

  it('has no header when the enterprise column is missing', async () => {
    const sheet = await readRosterFile('签到表.csv', csv(['姓名,职务', '张伟,总经理']));
    expect(findSignInHeader(sheet)).toBeNull();
  });
});
