// The key-project rules an officer meets at the form: names, money, library entry and exit.
import { describe, expect, it } from 'vitest';
import type { KeyProject } from '../../../shared/domain/records';
import { exitLibrary, parseProjectInput, reenterLibrary } from '../../../shared/projects/projectInput';
import { recordMetaFixture } from '../../fixtures/records';
import { RuleError } from '../../../shared/errors/ruleError';

const valid = {
  name: '  恒力新材料二期项目 ',
  stage: '在建',
  inLibrary: true,
  libraryEntryDate: '2026-03-10',
  libraryEntrySource: '签约项目',
  totalInvestment: 12000,
  registeredForeignCapital: 5000,
  enterpriseId: '',
  town: null,
};

function issuesOf(raw: unknown): Record<string, string> {
  try {
    parseProjectInput(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleError);
    return Object.fromEntries((error as RuleError).issues.map((i) => [i.field, i.message]));
  }
  throw new Error('expected the input to be refused');
}

const stored = (overrides: Partial<KeyProject> = {}): KeyProject => ({
  ...recordMetaFixture('prj-0001'),
  name: '恒力新材料二期项目',
  investorRegion: '港澳台',
  stage: '在建',
  inLibrary: true,
  libraryEntryDate: '2026-03-10',
  libraryEntrySource: '签约项目',
  libraryExitReason: '',
  leadOfficer: '张三',
  town: '吴江开发区',
  ...overrides,
});

describe('parseProjectInput', () => {
  it('trims texts and drops what was left empty', () => {
    const parsed = parseProjectInput(valid);
    expect(parsed).toEqual({
      name: '恒力新材料二期项目',
      stage: '在建',
      inLibrary: true,
      libraryEntryDate: '2026-03-10',
      libraryEntrySource: '签约项目',
      totalInvestment: 12000,
      registeredForeignCapital: 5000,
      investorRegion: '',
      town: '',
      leadOfficer: '',
      libraryExitReason: '',
    });
    expect('enterpriseId' in parsed).toBe(false);
  });

  it('names the field of each refusal in Chinese', () => {
    expect(issuesOf({ ...valid, name: ' ', stage: undefined })).toEqual({ name: '请填写项目名称', stage: '请选择项目阶段' });
    expect(issuesOf({ ...valid, totalInvestment: -1 })).toEqual({ totalInvestment: '总投资不能为负数' });
    expect(issuesOf({ ...valid, registeredForeignCapital: Number.NaN })).toEqual({
      registeredForeignCapital: '注册外资应为数字（万美元）',
    });
    expect(issuesOf({ ...valid, totalInvestment: '12000' })).toEqual({ totalInvestment: '总投资应为数字（万美元）' });
    expect(issuesOf({ ...valid, registeredForeignCapital: 13000 })).toEqual({ registeredForeignCapital: '注册外资不能大于总投资' });
    expect(issuesOf({ ...valid, libraryEntryDate: '2026-02-30' })).toEqual({ libraryEntryDate: '入库日期应为有效日期（YYYY-MM-DD）' });
    expect(issuesOf({ ...valid, libraryEntryDate: '' })).toEqual({ libraryEntryDate: '在库项目须填写入库日期' });
    expect(issuesOf({ ...valid, totalInvestment: 'abc' })).toEqual({ totalInvestment: '总投资应为数字（万美元）' });
  });

  it('an in-library project names where it came from, one of 签约项目, 区镇推送, 其他', () => {
    expect(issuesOf({ ...valid, libraryEntrySource: '' })).toEqual({ libraryEntrySource: '请选择入库来源（签约项目、区镇推送或其他）' });
    expect(issuesOf({ ...valid, libraryEntrySource: '招商会' })).toEqual({ libraryEntrySource: '入库来源应为签约项目、区镇推送或其他' });
    expect(parseProjectInput({ ...valid, libraryEntrySource: '区镇推送' }).libraryEntrySource).toBe('区镇推送');
  });

  it('an exit needs a date not before the entry and a reason from the list; 其他 needs it in words', () => {
    expect(issuesOf({ ...valid, inLibrary: false })).toEqual({
      libraryExitDate: '移出项目库须填写移出日期',
      libraryExitReasonKind: '移出项目库须选择移出原因',
    });
    expect(issuesOf({ ...valid, inLibrary: false, libraryExitDate: '2026-10-10', libraryExitReasonKind: '暂缓' })).toEqual({
      libraryExitReasonKind: '移出原因应为竣工投产满一年、项目终止、转出或其他',
    });
    expect(issuesOf({ ...valid, inLibrary: false, libraryExitDate: '2026-10-10', libraryExitReasonKind: '其他', libraryExitReason: ' ' })).toEqual({
      libraryExitReason: '移出原因为“其他”时须写明具体原因',
    });
    expect(
      issuesOf({ ...valid, inLibrary: false, libraryExitDate: '2026-03-09', libraryExitReasonKind: '项目终止', libraryExitReason: '暂缓' }),
    ).toEqual({ libraryExitDate: '移出日期不能早于入库日期（2026-03-10）' });
    expect(
      parseProjectInput({ ...valid, inLibrary: false, libraryExitDate: '2026-03-10', libraryExitReasonKind: '其他', libraryExitReason: ' 暂缓 ' }),
    ).toMatchObject({ inLibrary: false, libraryExitDate: '2026-03-10', libraryExitReasonKind: '其他', libraryExitReason: '暂缓' });
    // A kind from the list needs no words.
    expect(parseProjectInput({ ...valid, inLibrary: false, libraryExitDate: '2026-11-10', libraryExitReasonKind: '竣工投产满一年' })).toMatchObject({
      libraryExitReasonKind: '竣工投产满一年',
      libraryExitReason: '',
    });
  });

  it('money may be left empty, and zero is a number', () => {
    const parsed = parseProjectInput({ ...valid, totalInvestment: null, registeredForeignCapital: 0 });
    expect('totalInvestment' in parsed).toBe(false);
    expect(parsed.registeredForeignCapital).toBe(0);
  });

  it('an in-library project keeps no exit the form still held', () => {
    const parsed = parseProjectInput({ ...valid, libraryExitDate: '2026-01-01', libraryExitReasonKind: '转出', libraryExitReason: '旧原因' });
    expect('libraryExitDate' in parsed).toBe(false);
    expect('libraryExitReasonKind' in parsed).toBe(false);
    expect(parsed.libraryExitReason).toBe('');
  });
});

describe('leaving and re-entering the library', () => {
  it('exits with a date and a reason, keeping the other fields', () => {
    const out = exitLibrary(stored(), { date: '2026-10-31', reasonKind: '转出', reason: '转至相城区' });
    expect(out).toMatchObject({
      name: '恒力新材料二期项目',
      inLibrary: false,
      libraryExitDate: '2026-10-31',
      libraryExitReasonKind: '转出',
      libraryExitReason: '转至相城区',
    });
  });

  it('refuses an exit without a reason or before the entry, and a second exit', () => {
    expect(() => exitLibrary(stored(), { date: '2026-10-31', reason: '暂缓' })).toThrow('移出项目库须选择移出原因');
    expect(() => exitLibrary(stored(), { date: '2026-10-31', reasonKind: '其他', reason: ' ' })).toThrow('移出原因为“其他”时须写明具体原因');
    expect(() => exitLibrary(stored(), { date: '2026-01-31', reasonKind: '项目终止' })).toThrow('移出日期不能早于入库日期（2026-03-10）');
    expect(() => exitLibrary(stored({ inLibrary: false }), { date: '2026-10-31', reasonKind: '项目终止' })).toThrow('该项目已不在项目库中');
  });

  it('re-enters on a date not before the exit, clearing the exit', () => {
    const out = stored({ inLibrary: false, libraryExitDate: '2026-06-30', libraryExitReasonKind: '其他', libraryExitReason: '暂缓' });
    expect(() => reenterLibrary(out, { date: '2026-06-29', source: '区镇推送' })).toThrow('重新入库日期不能早于移出日期（2026-06-30）');
    expect(() => reenterLibrary(out, { date: '2026-07-01' })).toThrow('请选择入库来源');
    const back = reenterLibrary(out, { date: '2026-07-01', source: '区镇推送' });
    expect(back).toMatchObject({ inLibrary: true, libraryEntryDate: '2026-07-01', libraryEntrySource: '区镇推送', libraryExitReason: '' });
    expect('libraryExitReasonKind' in back).toBe(false);
    expect('libraryExitDate' in back).toBe(false);
    expect(() => reenterLibrary(stored(), { date: '2026-07-01', source: '其他' })).toThrow('该项目已在项目库中');
  });
});
