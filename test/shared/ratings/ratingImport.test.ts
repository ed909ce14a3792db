// A round's forms from a workbook: enterprises found by credit code or name, targets and answers
// checked against the round, every bad cell named by row and column; and the CSR entry's figures.
import { describe, expect, it } from 'vitest';
import type { RosterSheet } from '../../../shared/roster/readRosterFile';
import { previewRatingImport, type ImportEnterprise } from '../../../shared/ratings/ratingImport';
import { readCsrCandidateInput } from '../../../shared/ratings/csrInput';
import { RuleError } from '../../../shared/errors/ruleError';

const round = {
  departments: ['区商务局', '区税务局'],
  towns: ['平望镇'],
  questions: ['服务态度', '办事效率'],
  scale: 'satisfaction' as const,
};
const enterprises: ImportEnterprise[] = [
  { id: 'e1', name: '苏州甲精密有限公司', creditCode: '91320509MA1XXXXX0A' },
  { id: 'e2', name: '乙电子有限公司', creditCode: '' },
  { id: 'e3', name: '同名公司', creditCode: '' },
  { id: 'e4', name: '同名公司', creditCode: '' },
];

function sheet(rows: (string | number | null | { formula: string })[][], firstRow = 1): RosterSheet {
  return { sheetName: 'Sheet1', rows, rowNumbers: rows.map((_, i) => firstRow + i) };
}

const header = ['企业名称', '统一社会信用代码', '评议对象', '服务态度', '办事效率', '意见建议'];

describe('previewRatingImport', () => {
  it('reads good rows: by credit code (full-width and lower case too), else by name; towns and departments told apart', () => {
    const preview = previewRatingImport(
      sheet([
        ['2026 年评议表汇总'],
        header,
        ['随便写的名字', '９１３２０５０９ma1xxxxx0a', '区商务局', '满意', '基本满意', '很好'],
        ['乙电子有限公司', null, '平望镇', '不满意', '', null],
        [null, null, null, null, null, null],
      ]),
      round,
      enterprises,
    );
    expect(preview.issues).toEqual([]);
    expect(preview.blankRows).toBe(1);
    expect(preview.forms).toEqual([
      { row: 3, enterpriseName: '苏州甲精密有限公司', enterpriseId: 'e1', targetKind: 'department', target: '区商务局', answers: { 服务态度: '满意', 办事效率: '基本满意' }, comment: '很好' },
      { row: 4, enterpriseName: '乙电子有限公司', enterpriseId: 'e2', targetKind: 'town', target: '平望镇', answers: { 服务态度: '不满意' }, comment: '' },
    ]);
  });

  it('names every bad cell by row and column, and keeps no form of a bad row', () => {
    const preview = previewRatingImport(
      sheet([
        header,
        ['丙公司', null, '区商务局', '满意', '满意', null],
        ['同名公司', null, '区商务局', '满意', '满意', null],
        ['乙电子有限公司', null, '区发改委', '满意', '很好', null],
        ['乙电子有限公司', null, '区税务局', { formula: 'A1' }, null, null],
        ['乙电子有限公司', null, '区商务局', null, null, '只有意见'],
        ['苏州甲精密有限公司', null, '区商务局', '满意', null, null],
        ['苏州甲精密有限公司', null, '区商务局', '基本满意', null, null],
      ]),
      round,
      enterprises,
    );
    expect(preview.issues.map((i) => i.message)).toEqual([
      '第 2 行「企业名称」：企业名录中没有「丙公司」，请先在名录中添加或改用统一社会信用代码',
      '第 3 行「企业名称」：名录中有 2 家企业叫「同名公司」，请填写统一社会信用代码',
      '第 4 行「评议对象」：「区发改委」不是本轮评议的部门或区镇',
      '第 4 行「办事效率」：「很好」应为 满意、基本满意 或 不满意',
      '第 5 行「服务态度」：是公式，请改为直接填写内容',
      '第 6 行「服务态度、办事效率」：没有填写任何评议结果',
      '第 8 行「评议对象」：与第 7 行是同一企业对「区商务局」的评议表，请删去一行',
    ]);
    expect(preview.forms.map((f) => f.row)).toEqual([7]);
  });

  it('refuses a sheet without the columns it needs, naming them', () => {
    expect(previewRatingImport(sheet([['企业名称', '分数'], ['甲', 1]]), round, enterprises).issues[0]!.message).toBe(
      '没有找到表头：表头行应有“评议对象”一列，以及“企业名称”或“统一社会信用代码”',
    );
    expect(previewRatingImport(sheet([['企业名称', '评议对象', '满意度']]), round, enterprises).issues[0]!.message).toBe(
      '第 1 行（表头）：没有本轮评议项目的列（应为 服务态度、办事效率）',
    );
  });

  it('reads scores on a 1–5 round', () => {
    const preview = previewRatingImport(sheet([header, ['乙电子有限公司', null, '区商务局', 5, '4分', null]]), { ...round, scale: 'score' }, enterprises);
    expect(preview.forms[0]!.answers).toEqual({ 服务态度: 5, 办事效率: 4 });
  });
});

describe('readCsrCandidateInput', () => {
  it('reads the figures as typed (full-width, separators) and the grades', () => {
    expect(
      readCsrCandidateInput({ year: 2026, enterpriseId: 'e1', taxPaid: '１,２００.５', jobs: '320', welfare: '', environment: '优秀', labour: '良好', note: ' 纳税大户 ' }),
    ).toEqual({ year: 2026, enterpriseId: 'e1', taxPaid: 1200.5, jobs: 320, welfare: 0, environment: '优秀', labour: '良好', note: '纳税大户' });
  });

  it('refuses words, negatives, part-people and a missing grade at their fields', () => {
    try {
      readCsrCandidateInput({ year: 2026, enterpriseId: 'e1', taxPaid: '很多', jobs: '12.5', welfare: '-3', labour: '良好' });
      expect.unreachable();
    } catch (error) {
      expect((error as RuleError).issues).toEqual([
        { field: 'taxPaid', message: '纳税应为不小于 0 的数字' },
        { field: 'jobs', message: '安排就业应为整数' },
        { field: 'welfare', message: '公益捐助应为不小于 0 的数字' },
        { field: 'environment', message: '请选择环境保护等级' },
      ]);
    }
  });
});
