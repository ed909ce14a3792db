import { describe, expect, it } from 'vitest';
import { buildDirectory, createDirectorySearch, distinctValues, filterDirectory, type DirectorySource } from '../../../shared/search/enterpriseDirectory';
import { enterpriseSearchTokens } from '../../../shared/search/searchTokens';

function source(id: string, name: string, town = '吴江开发区', assignedOfficer = '张敏'): DirectorySource {
  const creditCode = '';
  return { id, name, creditCode, town, assignedOfficer, searchTokens: enterpriseSearchTokens({ name, creditCode }) };
}

const names = (entries: readonly { name: string }[]) => entries.map((e) => e.name);

describe('the roster in memory', () => {
  it('sorts names in pinyin order, not by code point', () => {
    const directory = buildDirectory(
      ['中国巨石有限公司', '吴江纺织有限公司', '北京某某有限公司', '阿里云计算有限公司', '安徽精密有限公司', '苏州亨通光电有限公司'].map((n, i) => source(`e${i}`, n)),
    );
    expect(names(directory)).toEqual([
      '阿里云计算有限公司', // a
      '安徽精密有限公司', // an
      '北京某某有限公司', // bei
      '苏州亨通光电有限公司', // su
      '吴江纺织有限公司', // wu
      '中国巨石有限公司', // zhong
    ]);
  });

  it('numbers in names sort by value, and equal names keep a stable order', () => {
    const directory = buildDirectory([source('b', '10号厂'), source('c', '2号厂'), source('a', '2号厂')]);
    expect(directory.map((e) => e.id)).toEqual(['a', 'c', 'b']);
  });

  it('filters by town, by officer and by search together, keeping the order', () => {
    const directory = buildDirectory([
      source('1', '江苏亨通光电股份有限公司', '七都镇', '张敏'),
      source('2', '亨通精工有限公司', '七都镇', '李四'),
      source('3', '恒力化纤有限公司', '盛泽镇', '张敏'),
    ]);
    expect(names(filterDirectory(directory, { town: '七都镇' }))).toEqual(['亨通精工有限公司', '江苏亨通光电股份有限公司']);
    expect(names(filterDirectory(directory, { officer: '张敏' }))).toEqual(['恒力化纤有限公司', '江苏亨通光电股份有限公司']);
    expect(names(filterDirectory(directory, { officer: '张敏', town: '七都镇' }))).toEqual(['江苏亨通光电股份有限公司']);
    expect(names(filterDirectory(directory, { query: 'hengtong' }))).toEqual(['亨通精工有限公司', '江苏亨通光电股份有限公司']);
    expect(names(filterDirectory(directory, { query: 'heng tong guang dian' }))).toEqual(['江苏亨通光电股份有限公司']);
    expect(names(filterDirectory(directory, { query: 'ht', officer: '李四' }))).toEqual(['亨通精工有限公司']);
    expect(names(filterDirectory(directory, { query: 'heng' }))).toHaveLength(3);
    expect(filterDirectory(directory, {})).toHaveLength(3);
  });

  it('counts every match, however many (no cap at the first 50)', () => {
    const many = Array.from({ length: 320 }, (_, i) => source(`e${i}`, `吴江测试${i}号有限公司`));
    expect(filterDirectory(buildDirectory(many), { query: '测试' })).toHaveLength(320);
    expect(filterDirectory(buildDirectory(many), { query: 'wjcs' })).toHaveLength(320);
  });

  it('lists the towns and officers present, in pinyin order', () => {
    const directory = buildDirectory([source('1', '甲', '盛泽镇', '王五'), source('2', '乙', '七都镇', ''), source('3', '丙', '盛泽镇', '李四')]);
    expect(distinctValues(directory, 'town')).toEqual(['七都镇', '盛泽镇']);
    expect(distinctValues(directory, 'assignedOfficer')).toEqual(['李四', '王五']);
  });

  it('search as you type answers every keystroke exactly as a fresh filter would, Backspace and filters included', () => {
    const directory = buildDirectory([
      source('1', '江苏亨通光电股份有限公司', '七都镇', '张敏'),
      source('2', '亨通精工有限公司', '七都镇', '李四'),
      source('3', '恒力化纤有限公司', '盛泽镇', '张敏'),
      source('4', '盛虹集团有限公司', '盛泽镇', '李四'),
      source('5', '吴江恒通纺织有限公司', '松陵镇', '王五'),
      source('6', '苏州恒通电缆有限公司', '七都镇', '王五'),
    ]);
    const search = createDirectorySearch(4);
    // What an officer types: forward, a typo taken back, pinyin with a space, then town and officer.
    const typed = ['h', 'he', 'hen', 'heng', 'hengt', 'hengto', 'hengt', 'heng', 'hen', 'heng', 'heng ', 'heng l', 'heng li', 'hl', 'ht', 'htg', 'hengtong', '恒', '恒通', '恒', '亨', '亨通', ''];
    const scopes = [{}, { town: '七都镇' }, { officer: '王五' }, { town: '七都镇', officer: '王五' }, {}];
    for (const scope of scopes) {
      for (const query of typed) {
        const filter = { ...scope, query };
        expect(names(search(directory, filter)), JSON.stringify(filter)).toEqual(names(filterDirectory(directory, filter)));
      }
    }
    // A new directory (an enterprise saved) is searched afresh, not through the old one's answers.
    const grown = buildDirectory([...directory.map((e) => source(e.id, e.name, e.town, e.assignedOfficer)), source('7', '恒通新材料有限公司')]);
    expect(names(search(grown, { query: '恒通' }))).toEqual(names(filterDirectory(grown, { query: '恒通' })));
    expect(names(search(grown, { query: '恒通' }))).toContain('恒通新材料有限公司');
  });
});
