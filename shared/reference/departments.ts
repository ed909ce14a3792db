// Departments (区各部门) a problem can be handled by or transferred to: the units the seeds name, in the
// form the district notice (seed 003) writes them. Editable in settings; these are the defaults.
//   seed 000 (服务月实施方案): 区商务局 collects the results; 资规、住建、消防、市监、环保 sit at the joint
//            on-site office (现场联合办公).
//   seed 001 (重点外资项目推进机制): the 15 departments the 37 project requests went to — 发改、工信、金融、
//            资规、生态环境、外管、应急管理、电力、住建、交通运输、海关、税务、科技、行政审批 (新城投资 is a
//            Suzhou city company, not a Wujiang unit, so it is left out).
//   seed 003 (开放再出发政策意见): the 牵头单位 and 责任单位 of its 30 measures.
// Where seeds 000/001 use a short form (资规, 市监, 外管), the district's full name from seed 003 is used;
// 消防, 外管 and 应急管理 appear only in short form and keep a neutral "…部门" name.
export const defaultDepartments: readonly string[] = [
  '区商务局', // 000, 001 (商务), 003
  '区发改委', // 001 (发改), 003
  '区工信局', // 001 (工信), 003
  '区科技局', // 001 (科技), 003
  '区财政局', // 003
  '区人社局', // 003 (measures 9, 11)
  '区税务局', // 001 (税务), 003 (measures 22, 23)
  '吴江海关', // 001 (海关), 003 (measures 14, 25)
  '外汇管理部门', // 001 (外管: 资金管理便利化)
  '区政府办（金融办）', // 001 (金融), 003
  '区行政审批局', // 001 (行政审批), 003
  '区自然资源和规划局', // 000 (资规), 001 (资规), 003
  '区住建局', // 000 (住建), 001 (住建), 003
  '吴江生态环境局', // 000 (环保), 001 (生态环境), 003
  '区市场监管局', // 000 (市监), 003
  '消防部门', // 000 (消防)
  '应急管理部门', // 001 (应急管理)
  '区交通运输局', // 001 (交通运输), 003
  '区公安局', // 003 (measure 26: 出入境)
  '区外事办', // 003 (measure 26: 外国人来华邀请)
  '区人才办', // 003
  '区统计局', // 003
  '区城管局', // 003
  '区水务局', // 003 (measure 24)
  '吴江供电公司', // 001 (电力), 003 (measure 24)
  '华衍水务', // 003 (measure 24)
  '港华燃气', // 003 (measure 24)
  '区文体广电和旅游局', // 003
  '区政府办（大数据管理局）', // 003
  '区委组织部', // 003
  '区委统战部', // 003
  '区工商联', // 003
  '吴江法院', // 003 (measures 22, 27)
  // 003 (measure 22) names 银保监吴江监管组; the 2023 reform of the financial regulators replaced the
  // 银保监会 with the 国家金融监督管理总局, whose unit for Wujiang is its 吴江监管支局. Settings saved
  // with the old name keep their list as the officer left it.
  '吴江金融监管支局',
  '人民银行', // 003 (measure 29)
  '东方国资', // 003 (measure 9)
];
