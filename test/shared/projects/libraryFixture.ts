// A small project library, worked by hand in libraryOverview.test.ts (figures for 2026-11): four
// projects in it at the end of November (甲 乙 丁 辛), four at the end of October (甲 丙 丁 辛); 乙
// entered and 丙 left in November; 戊 left in October, 庚 enters in December, 己 is deleted.
import type { KeyProject, Problem, ProgressEntry } from '../../../shared/domain/records';
import { makeProblem, recordMetaFixture } from '../../fixtures/records';

function project(id: string, fields: Partial<KeyProject> & Pick<KeyProject, 'name' | 'stage' | 'inLibrary'>): KeyProject {
  return {
    ...recordMetaFixture(id),
    investorRegion: '',
    libraryExitReason: '',
    leadOfficer: '张三',
    town: '平望镇',
    history: [],
    ...fields,
  };
}

export const libraryProjects: KeyProject[] = [
  project('prj-a', { name: '甲精密减速机项目', investorRegion: '港澳台', totalInvestment: 12_000, registeredForeignCapital: 5_000, stage: '设备安装', inLibrary: true, libraryEntryDate: '2026-03-09' }),
  project('prj-b', { name: '乙新能源电池项目', investorRegion: '欧美', totalInvestment: 8_000, registeredForeignCapital: 3_000.5, stage: '已设立·前期手续', inLibrary: true, libraryEntryDate: '2026-11-05', leadOfficer: '李四' }),
  project('prj-c', { name: '丙半导体封测项目', investorRegion: '日韩', totalInvestment: 20_000, registeredForeignCapital: 10_000, stage: '已设立·前期手续', inLibrary: false, libraryEntryDate: '2026-01-10', libraryExitDate: '2026-11-20', libraryExitReason: '项目终止：投资方撤回', town: '盛泽镇' }),
  project('prj-d', { name: '丁纺织面料项目', investorRegion: ' ', stage: '签约未设立', inLibrary: true, town: '盛泽镇' }),
  project('prj-e', { name: '戊物流仓储项目', investorRegion: '港澳台', totalInvestment: 10_000, registeredForeignCapital: 4_000, stage: '竣工投产', inLibrary: false, libraryEntryDate: '2025-05-01', libraryExitDate: '2026-10-15', libraryExitReason: '竣工投产满一年' }),
  project('prj-f', { name: '己已删除项目', investorRegion: '欧美', totalInvestment: 50_000, stage: '在建', inLibrary: true, libraryEntryDate: '2026-11-10', deletedAt: '2026-11-12T00:00:00.000Z' }),
  project('prj-g', { name: '庚十二月入库项目', investorRegion: '欧美', totalInvestment: 30_000, stage: '签约未设立', inLibrary: true, libraryEntryDate: '2026-12-02' }),
  project('prj-h', { name: '辛汽车零部件项目', investorRegion: '港澳台', totalInvestment: 9_999.5, registeredForeignCapital: 0, stage: '在建', inLibrary: true, libraryEntryDate: '2026-06-01' }),
];

function entry(id: string, projectId: string, month: string, stage: ProgressEntry['stage'], progress: string, fields: Partial<ProgressEntry> = {}): ProgressEntry {
  return { ...recordMetaFixture(id), projectId, month, stage, progress, blockers: '', ...fields };
}

export const libraryEntries: ProgressEntry[] = [
  entry('prg-a10', 'prj-a', '2026-10', '已设立·前期手续', '取得施工许可证'),
  entry('prg-a11', 'prj-a', '2026-11', '在建', '主体厂房封顶', { investmentToDate: 6_500, blockers: '能耗指标待批' }),
  entry('prg-a12', 'prj-a', '2026-12', '设备安装', '设备进场'),
  entry('prg-b11', 'prj-b', '2026-11', '已设立·前期手续', '完成工商登记', { investmentToDate: 500 }),
  entry('prg-x11', 'prj-b', '2026-11', '在建', '已删除的填报', { deletedAt: '2026-11-30T00:00:00.000Z' }),
];

function request(id: string, fields: Partial<Problem>): Problem {
  return makeProblem({ ...recordMetaFixture(id), enterpriseId: 'ent-0', description: `项目诉求${id}`, ...fields });
}

export const libraryRequests: Problem[] = [
  request('req-1', { projectId: 'prj-a', raisedDate: '2026-04-01', outcomeClass: '解决或已有明确途径', status: '已办结', replyDate: '2026-04-03' }),
  request('req-2', { projectId: 'prj-a', raisedDate: '2026-11-03', outcomeClass: '已有方案或正在争取', replyDeadline: '2026-11-06' }),
  request('req-3', { projectId: 'prj-b', raisedDate: '2026-11-08', replyDeadline: '2026-11-11' }),
  request('req-4', { projectId: 'prj-c', raisedDate: '2026-09-01', outcomeClass: '解决或已有明确途径' }),
  request('req-5', { projectId: 'prj-h', raisedDate: '2026-12-01' }),
  request('req-6', { projectId: 'prj-d', raisedDate: '2026-10-01', outcomeClass: '提交会商协调', deletedAt: '2026-10-02T00:00:00.000Z' }),
  request('req-7', { raisedDate: '2026-11-04', outcomeClass: '解决或已有明确途径' }),
  request('req-8', { projectId: 'prj-d', raisedDate: '2026-10-20', outcomeClass: '提交会商协调' }),
];
