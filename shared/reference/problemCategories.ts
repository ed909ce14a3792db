// Problem categories (docs/design.md): the common problems seed 000 names (用工、物流、资金) and the
// factor, approval and cross-border issues seeds 001 and 003 address.
export const defaultProblemCategories: readonly string[] = [
  '用工',
  '物流',
  '资金融资',
  '土地指标',
  '能耗指标',
  '规划调整',
  '环评安评',
  '建设审批',
  '产能审批',
  '外籍人员来华与签证',
  '通关',
  '外汇与资金管理',
  '税收',
  '政策兑现',
  '水电气',
  '知识产权',
  '其他',
];
