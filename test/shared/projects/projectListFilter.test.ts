import { describe, expect, it } from 'vitest';
import type { KeyProject } from '../../../shared/domain/records';
import { filterProjects } from '../../../shared/projects/projectListFilter';

type Listed = Pick<KeyProject, 'name' | 'stage' | 'inLibrary' | 'town' | 'deletedAt'>;
const projects: Listed[] = [
  { name: '乙项目', stage: '在建', inLibrary: true, town: '盛泽镇' },
  { name: '甲项目', stage: '签约未设立', inLibrary: true, town: '吴江开发区' },
  { name: '丙项目', stage: '在建', inLibrary: false, town: '盛泽镇' },
  { name: '丁项目', stage: '在建', inLibrary: true, town: '盛泽镇', deletedAt: '2026-11-01T00:00:00Z' },
];
const names = (list: Listed[]) => list.map((p) => p.name);

describe('filterProjects', () => {
  it('shows the live projects in the library by name by default', () => {
    expect(names(filterProjects(projects, { library: 'in' }))).toEqual(['甲项目', '乙项目']);
  });
  it('filters by library membership, stage, town and name text', () => {
    expect(names(filterProjects(projects, { library: 'out' }))).toEqual(['丙项目']);
    expect(names(filterProjects(projects, { library: 'all', stage: '在建' }))).toEqual(['丙项目', '乙项目']);
    expect(names(filterProjects(projects, { library: 'all', town: '吴江开发区' }))).toEqual(['甲项目']);
    expect(names(filterProjects(projects, { library: 'all', text: ' 乙 ' }))).toEqual(['乙项目']);
  });
});

describe('filterProjects by source region (项目库概况 clicks through to it)', () => {
  const withRegions = [
    { name: '甲项目', stage: '在建' as const, inLibrary: true, town: '盛泽镇', investorRegion: '港澳台' },
    { name: '乙项目', stage: '在建' as const, inLibrary: true, town: '盛泽镇', investorRegion: ' ' },
    { name: '丙项目', stage: '在建' as const, inLibrary: true, town: '盛泽镇', investorRegion: '' },
  ];
  it('keeps the projects of that region, a blank region as 未填写', () => {
    expect(filterProjects(withRegions, { library: 'in', region: '港澳台' }).map((p) => p.name)).toEqual(['甲项目']);
    expect(filterProjects(withRegions, { library: 'in', region: '未填写' }).map((p) => p.name)).toEqual(['丙项目', '乙项目']);
  });
});
