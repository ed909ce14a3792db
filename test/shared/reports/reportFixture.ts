// A small hand-checked data set for the report tests: every figure of 汇总 for 2026-11 can be derived
// by reading the records below (see the expectations in serviceMonthFigures.test.ts), and the user
// texts include strings that a careless writer would turn into formulas.
import type { Attachment, Enterprise, KeyProject, Policy, Problem, ProgressEntry, Visit } from '../../../shared/domain/records';
import { makeEnterprise, makeProblem, makeVisit, recordMetaFixture } from '../../fixtures/records';

const at = '2026-11-01T00:00:00.000Z';
const meta = (id: string) => recordMetaFixture(id, { createdAt: at, updatedAt: at, updatedBy: '测试', deviceId: 'test-device' });

export const injectionTexts = {
  formula: '=SUM(A1:A9)',
  plus: '+8613800000000',
  minus: '-1',
  at: '@cmd|/C calc',
  tab: '\t=1+2',
  cr: '\r=HYPERLINK("http://x")',
} as const;

function enterprise(id: string, name: string, town: string, officer: string, creditCode: string, deleted = false): Enterprise {
  return makeEnterprise({ ...meta(id), ...(deleted ? { deletedAt: at } : {}), name, creditCode, town, assignedOfficer: officer });
}

export const enterprises: Enterprise[] = [
  enterprise('ent-0001', '苏州恒力精密机械有限公司', '吴江开发区', '张三', '91320509MA1XXXXX01'),
  enterprise('ent-0002', '吴江友达光电有限公司', '吴江开发区', '李四', '91320509MA1XXXXX02'),
  enterprise('ent-0003', '平望日新纺织有限公司', '平望镇', '张三', '91320509MA1XXXXX03'),
  enterprise('ent-0004', '震泽美亚丝绸有限公司', '震泽镇', '', '91320509MA1XXXXX04'),
  enterprise('ent-0005', '已注销企业有限公司', '平望镇', '张三', '91320509MA1XXXXX05', true),
];

function visit(id: string, enterpriseId: string, date: string, extra: Partial<Visit> = {}): Visit {
  return makeVisit({
    ...meta(id),
    enterpriseId,
    date,
    peopleMet: '王经理',
    summary: '了解企业生产经营情况',
    operations: { employment: '用工稳定', orders: '订单饱满', supplyChain: '', outputValue: '1.2亿元', newInvestment: '' },
    ...extra,
  });
}

/** The photos of vis-0001 (two) and vis-0003 (one): the 附件数 column counts them through ownerId. */
export const attachments: Attachment[] = [
  { ...meta('att-00001'), ownerId: 'vis-0001', fileName: '车间.jpg', mimeType: 'image/jpeg', size: 3, blob: new Blob([new Uint8Array([1, 2, 3])]) },
  { ...meta('att-00002'), ownerId: 'vis-0001', fileName: '座谈.jpg', mimeType: 'image/jpeg', size: 3, blob: new Blob([new Uint8Array([1, 2, 3])]) },
  { ...meta('att-00003'), ownerId: 'vis-0003', fileName: '现场.jpg', mimeType: 'image/jpeg', size: 3, blob: new Blob([new Uint8Array([1, 2, 3])]) },
  { ...meta('att-00004'), ownerId: 'vis-0003', fileName: '已删.jpg', mimeType: 'image/jpeg', size: 3, blob: new Blob([new Uint8Array([1, 2, 3])]), deletedAt: at },
];

export const visits: Visit[] = [
  visit('vis-0001', 'ent-0001', '2026-11-03', { policyIds: ['pol-0001'] }),
  visit('vis-0002', 'ent-0001', '2026-11-20', { policyIds: ['pol-0001', 'pol-0002'], summary: injectionTexts.formula }),
  visit('vis-0003', 'ent-0003', '2026-11-15', { officers: ['王五'], peopleMet: injectionTexts.plus }),
  visit('vis-0004', 'ent-0002', '2026-10-31'),
  visit('vis-0005', 'ent-0004', '2026-11-30', { summary: injectionTexts.minus, type: '政策宣讲', policyIds: ['pol-0002'] }),
  { ...visit('vis-0006', 'ent-0001', '2026-11-10'), deletedAt: at },
];

function problem(id: string, enterpriseId: string, raisedDate: string, extra: Partial<Problem>): Problem {
  return makeProblem({ ...meta(id), enterpriseId, raisedDate, description: '招工难', request: '协助招聘', ...extra });
}

export const problems: Problem[] = [
  problem('pro-0001', 'ent-0001', '2026-11-03', {
    replyDeadline: '2026-11-06',
    replyDate: '2026-11-05',
    replyContent: '已对接人社部门',
    status: '已答复',
    outcomeClass: '解决或已有明确途径',
    description: injectionTexts.at,
  }),
  problem('pro-0002', 'ent-0001', '2026-11-04', {
    category: '物流',
    handling: '转办',
    department: '区交通运输局',
    transferDate: '2026-11-04',
    replyDeadline: '2026-11-11',
    replyDate: '2026-11-13',
    status: '已答复',
    outcomeClass: '已有方案或正在争取',
  }),
  problem('pro-0003', 'ent-0003', '2026-11-10', {
    category: '资金融资',
    department: '区金融监管局',
    replyDeadline: '2026-11-13',
    isComplaint: true,
  }),
  problem('pro-0004', 'ent-0004', '2026-11-27', {
    replyDeadline: '2026-12-02',
    description: injectionTexts.tab,
    request: injectionTexts.cr,
  }),
  problem('pro-0005', 'ent-0002', '2026-10-20', { replyDeadline: '2026-10-23' }),
  problem('pro-0006', 'ent-0002', '2026-11-12', {
    category: '其他',
    replyDeadline: '2026-11-17',
    replyDate: '2026-11-12',
    status: '已办结',
    isComplaint: true,
    outcomeClass: '提交会商协调',
  }),
];

export const policies: Policy[] = [
  { ...meta('pol-0001'), code: '3-01', title: '稳岗返还', sourceDocument: '吴政办〔2020〕1号', leadUnit: '区人社局' },
  { ...meta('pol-0002'), code: '3-07', title: '研发费用加计扣除', sourceDocument: '吴政办〔2020〕1号', leadUnit: '区税务局' },
];

export const projects: KeyProject[] = [
  {
    ...meta('prj-0001'),
    name: '年产10万台精密减速机项目',
    enterpriseId: 'ent-0001',
    investorRegion: '日韩',
    totalInvestment: 5000,
    registeredForeignCapital: 2000,
    stage: '在建',
    inLibrary: true,
    libraryEntryDate: '2026-03-09',
    libraryExitReason: '',
    leadOfficer: '张三',
    town: '吴江开发区',
  },
  {
    ...meta('prj-0002'),
    name: '智能工厂扩建项目',
    investorRegion: '欧美',
    totalInvestment: 1200.5,
    stage: '签约未设立',
    inLibrary: true,
    libraryExitReason: '',
    leadOfficer: '李四',
    town: '平望镇',
  },
  {
    ...meta('prj-0003'),
    name: '已出库项目',
    investorRegion: '其他',
    stage: '竣工投产',
    inLibrary: false,
    libraryExitReason: '已投产',
    leadOfficer: '',
    town: '平望镇',
  },
];

export const progressEntries: ProgressEntry[] = [
  { ...meta('prg-0001'), projectId: 'prj-0001', month: '2026-11', stage: '设备安装', progress: '主体厂房封顶，设备进场', investmentToDate: 3100, blockers: '能耗指标待批' },
  { ...meta('prg-0002'), projectId: 'prj-0001', month: '2026-10', stage: '在建', progress: '厂房施工', investmentToDate: 2500, blockers: '' },
];
