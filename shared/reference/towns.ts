// The eight 区镇 of Wujiang District named in seeds 000 and 003 (the addressees of both notices).
export const defaultTowns: readonly string[] = [
  '吴江开发区',
  '汾湖高新区（黎里镇）',
  '吴江高新区（盛泽镇）',
  '东太湖度假区（太湖新城）',
  '平望镇',
  '震泽镇',
  '七都镇',
  '桃源镇',
];
