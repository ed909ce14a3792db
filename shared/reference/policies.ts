// The default policy list officers tick when they promote policies on a visit: the 30 numbered
// measures (重点举措) of seed 003, 《吴江区关于开放再出发的若干政策意见（试行）》 (吴江区委、区政府,
// 2020-05-20). `title` is the measure's own heading; `leadUnit` is its 牵头单位 where the notice names
// one, otherwise the 责任单位 it lists for the measure (all clauses, in the notice's order, each unit
// once; "各区镇" and the closing "等" left out — the towns are a list of their own). Units are named as
// they are today: the notice's 银保监吴江监管组 is the 吴江金融监管支局 since the 2023 reform (departments.ts).
export interface PolicyMeasure {
  code: string;
  title: string;
  sourceDocument: string;
  leadUnit: string;
}

export const policySourceDocument = '吴江区关于开放再出发的若干政策意见（试行）';

const measures: readonly (readonly [title: string, leadUnit: string])[] = [
  // （一）勇当长三角一体化发展“先遣队”
  ['做好产业规划，激发一体化活力', '区发改委'],
  ['推动制度创新，释放一体化红利', '区发改委'],
  ['促进协调联动，健全一体化机制', '区发改委'],
  // （二）提升产业集聚发展效能优势
  ['打造核心竞争力的先进制造业集群', '区工信局'],
  ['培育强大辐射力的现代服务业集群', '区发改委'],
  ['持续扩大民营经济“领头羊”优势', '区工信局'],
  ['打造产学研共建平台高地', '区科技局'],
  ['加快推进重点企业上市步伐', '区政府办（金融办）'],
  // （三）激发经济跨越发展创新活力
  ['集聚高端创新人才', '区人才办'],
  ['培育国际一流创新企业', '区科技局'],
  ['建设优质创新创业载体', '区科技局'],
  ['打造著名创新品牌', '区市场监管局'],
  // （四）加大开放再出发力度
  ['加快落实“一带一路”步伐', '区商务局'],
  ['提升外资外贸发展水平', '区商务局'],
  // （五）落实项目为王发展理念
  ['加大产业招商引资力度', '区商务局'],
  ['支持企业扩大有效投入', '区工信局'],
  ['推出吴江开放创新投资热力图', '区商务局'],
  ['强化土地要素保障', '区自然资源和规划局'],
  // （六）营造长三角最佳营商环境
  ['打造营商服务国际品牌', '区发改委'],
  ['实行优特项目“N+1”特殊支持政策', '区发改委'],
  [
    '提高亲商服务水平',
    '区委统战部、区商务局、区工商联、区工信局、区政府办（大数据管理局）、区行政审批局、区发改委、区科技局、区政府办（金融办）、区住建局、区自然资源和规划局',
  ],
  [
    '完善公平竞争市场秩序',
    '区商务局、区政府办（金融办）、区工信局、区财政局、区住建局、区市场监管局、吴江金融监管支局、吴江法院、区行政审批局、区税务局',
  ],
  ['缩短行政审批时限', '区行政审批局、区自然资源和规划局、区税务局、区住建局'],
  ['提升企业水电气获取便利度', '区水务局、华衍水务、吴江供电公司、区住建局、区行政审批局、港华燃气'],
  ['加快企业通关速度', '吴江海关'],
  ['优化出入境服务', '区公安局、区外事办'],
  ['加大知识产权保护和运营力度', '吴江法院、区市场监管局'],
  ['深化环境影响评价审批制度改革', '吴江生态环境局'],
  [
    '强化信用体系建设',
    '区发改委、区政府办（大数据管理局、金融办）、区文体广电和旅游局、区市场监管局、区行政审批局、吴江生态环境局、吴江法院、人民银行',
  ],
  ['试行“产业定制地”供应模式', '区自然资源和规划局'],
];

export const defaultPolicies: readonly PolicyMeasure[] = measures.map(([title, leadUnit], index) => ({
  code: String(index + 1).padStart(2, '0'),
  title,
  sourceDocument: policySourceDocument,
  leadUnit,
}));
