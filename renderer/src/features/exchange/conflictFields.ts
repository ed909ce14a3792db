// How 冲突处理 names and shows a record's fields: the labels the forms use for them, and a value as
// one line of Chinese text. A field without a label (one added later, or a rare one) shows its key:
// the officer still sees that it differs and can choose, which matters more than a pretty name. Pure.
import type { SyncedTableName } from '../../../../shared/sync/syncedTables';

const commonLabels: Readonly<Record<string, string>> = {
  deletedAt: '删除状态',
  enterpriseId: '所属企业',
};

export const conflictFieldLabels: Readonly<Record<SyncedTableName, Readonly<Record<string, string>>>> = {
  enterprises: {
    name: '企业名称',
    creditCode: '统一社会信用代码',
    town: '所属区镇',
    address: '地址',
    industry: '行业',
    foreignSource: '外资来源地',
    isKeyEnterprise: '重点企业',
    isAboveScale: '规上企业',
    contactPerson: '联系人',
    contactPhone: '联系电话',
    assignedOfficer: '服务专员',
    linkedLeader: '挂钩领导',
    serviceTier: '服务分级',
  },
  visits: {
    date: '走访日期',
    type: '走访类型',
    officers: '走访人员',
    peopleMet: '接待人员',
    summary: '走访情况',
    operations: '生产经营情况',
    policyIds: '宣讲政策',
  },
  problems: {
    visitId: '所属走访',
    projectId: '所属重点项目',
    activityId: '所属活动',
    raisedDate: '提出日期',
    category: '问题类别',
    description: '问题描述',
    request: '企业诉求',
    isComplaint: '投诉',
    handling: '办理方式',
    department: '责任部门',
    transferDate: '转办日期',
    replyDeadline: '答复期限',
    replyDeadlineProvisional: '答复期限待确认',
    replyDate: '答复日期',
    replyContent: '答复内容',
    status: '办理状态',
    outcomeClass: '办理结果',
    escalation: '升级协调',
    rectification: '挂牌整改',
    satisfaction: '企业满意度',
    meetingDecision: '会议决定',
    officer: '首问责任人',
  },
  projects: {
    name: '项目名称',
    enterpriseId: '关联企业',
    investorRegion: '投资方来源',
    totalInvestment: '总投资（万美元）',
    registeredForeignCapital: '注册外资（万美元）',
    stage: '项目阶段',
    inLibrary: '在项目库中',
    libraryEntryDate: '入库日期',
    libraryEntrySource: '入库来源',
    libraryExitDate: '移出日期',
    libraryExitReasonKind: '移出原因类别',
    libraryExitReason: '移出原因说明',
    leadOfficer: '牵头人',
    town: '所属区镇',
  },
  progressEntries: {
    projectId: '所属项目',
    month: '填报月份',
    stage: '项目阶段',
    progress: '本月进展',
    investmentToDate: '累计完成投资（万美元）',
    blockers: '存在问题',
  },
  policies: {
    code: '政策编号',
    title: '政策名称',
    sourceDocument: '出处文件',
    leadUnit: '牵头单位',
  },
  attachments: {
    ownerId: '所属记录',
    fileName: '文件名',
    mimeType: '文件类型',
    size: '文件大小（字节）',
  },
  planActions: {
    need: '企业需求',
    action: '服务措施',
    owner: '责任人',
    dueDate: '完成时限',
    doneDate: '完成日期',
    note: '备注',
  },
  operationReports: {
    month: '填报月份',
    outputValue: '本月产值（万元）',
    outputValueYtd: '本年累计产值（万元）',
    employees: '用工人数',
    vacancies: '缺工人数',
    orderMonths: '在手订单（月）',
    newInvestmentYtd: '本年新增投资（万元）',
    exports: '本月出口额（万元）',
    supplyChainIssues: '产业链配套问题',
  },
  cultivationCandidates: {
    year: '培育年度',
    target: '培育目标',
    note: '培育措施',
    achievedDate: '达标日期',
  },
  cultivationGoals: {
    year: '培育年度',
    target: '培育目标',
    town: '所属区镇',
    goal: '年度目标',
  },
  meetings: {
    type: '会议类型',
    date: '会议日期',
    title: '会议名称',
    chair: '主持人',
    attendees: '参会人员',
    agendaGrouping: '议程分组',
    agenda: '议题',
  },
  activities: {
    type: '活动类型',
    date: '活动日期',
    topic: '活动主题',
    place: '活动地点',
    organiser: '主办单位',
    speakers: '主讲人',
    policyIds: '宣讲政策',
    attendeeEnterpriseIds: '参加企业',
    attendeePeople: '参加人员',
    summary: '活动情况',
  },
  ratingRounds: {
    name: '评议名称',
    startDate: '开始日期',
    endDate: '结束日期',
    departments: '评议部门',
    towns: '测评区镇',
    questions: '评议项目',
    scale: '评分方式',
    minResponses: '排名最少份数',
    note: '说明',
  },
  ratings: {
    roundId: '所属评议',
    targetKind: '评议对象类别',
    target: '评议对象',
    answers: '评议结果',
    comment: '意见建议',
  },
  csrCandidates: {
    year: '评选年度',
    taxPaid: '纳税（万元）',
    jobs: '安排就业（人）',
    welfare: '公益捐助（万元）',
    environment: '环境保护',
    labour: '劳动关系和谐',
    note: '推荐理由',
  },
  csrYears: {
    year: '评选年度',
    weights: '评分权重',
  },
};

export function conflictFieldLabel(table: SyncedTableName, field: string): string {
  const own = conflictFieldLabels[table];
  if (Object.hasOwn(own, field)) return own[field]!;
  if (Object.hasOwn(commonLabels, field)) return commonLabels[field]!;
  return field;
}

/** Sub-fields of the structured values a problem or visit holds. */
const nestedLabels: Readonly<Record<string, string>> = {
  employment: '用工',
  orders: '订单',
  supplyChain: '产业链配套',
  outputValue: '产值',
  newInvestment: '新增投资',
  meeting: '会议',
  date: '日期',
  note: '说明',
  owner: '责任人',
  deadline: '期限',
  // The weights of a year's 社会责任先进企业 (csrYears).
  taxPaid: '纳税',
  jobs: '安排就业',
  environment: '环境保护',
  welfare: '公益捐助',
  labour: '劳动关系和谐',
};

/** A field's value as one line: （空） for nothing, 是/否, lists joined by 、, objects as 标签：值. */
export function formatConflictValue(field: string, value: unknown): string {
  if (field === 'deletedAt') return value === undefined ? '未删除' : `已删除（${String(value).slice(0, 10)}）`;
  if (value === undefined || value === null || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '（空）' : value.map((item) => formatConflictValue('', item)).join('、');
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined && item !== '')
      .map(([key, item]) => `${nestedLabels[key] ?? key}：${formatConflictValue(key, item)}`);
    return parts.length === 0 ? '（空）' : parts.join('；');
  }
  return String(value);
}

/**
 * A problem's handling fields describe one step of its workflow together (the status says 已答复
 * because there is a reply, a date and an outcome): taken half from each version, they can leave a
 * problem whose status contradicts its content, which the statistics would then count wrongly.
 */
const problemHandlingFields: readonly string[] = [
  'status',
  'handling',
  'department',
  'transferDate',
  'replyDeadline',
  'replyDeadlineProvisional',
  'replyDate',
  'replyContent',
  'outcomeClass',
  'escalation',
  'rectification',
  'satisfaction',
];

/** A warning when the chosen values of a problem's handling fields come from both versions. */
export function mixedHandlingWarning(
  table: SyncedTableName,
  fields: readonly string[],
  choice: Readonly<Record<string, 'winner' | 'loser'>>,
): string | undefined {
  if (table !== 'problems') return undefined;
  const handling = fields.filter((field) => problemHandlingFields.includes(field));
  const fromOther = handling.filter((field) => choice[field] === 'loser');
  const fromCurrent = handling.filter((field) => choice[field] !== 'loser');
  if (fromOther.length === 0 || fromCurrent.length === 0) return undefined;
  const names = (list: string[]) => list.map((field) => `「${conflictFieldLabel(table, field)}」`).join('');
  return `办理情况取自两个版本：${names(fromCurrent)}保留当前，${names(fromOther)}采用另一版本。处理后问题的状态可能与内容不符，建议这几项取同一版本。`;
}
