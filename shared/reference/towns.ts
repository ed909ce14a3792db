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

/**
 * Other names under which a town appears in the rosters clerks send (alias → town of `defaultTowns`).
 * Seeds 000 and 003 themselves write three of the eight in two ways (吴江开发区; 汾湖高新区 and 黎里镇;
 * 吴江高新区 and 盛泽镇; 东太湖度假区 and 太湖新城); the rest is the district's common usage: the
 * official full names of the development zones, short forms without 镇, the 街道 and 镇 governed by a
 * zone, and the towns merged into today's ones in the 2000s that older rosters still carry. "高新区"
 * alone is left out on purpose: it could be either of two zones. Officers edit the list in 设置.
 */
export const defaultTownAliases: Readonly<Record<string, string>> = {
  // 吴江经济技术开发区: the national-level zone, which also governs 同里镇 and the 运东 街道.
  吴江经济技术开发区: '吴江开发区',
  吴江经开区: '吴江开发区',
  吴江经济开发区: '吴江开发区',
  经济技术开发区: '吴江开发区',
  经开区: '吴江开发区',
  开发区: '吴江开发区',
  运东开发区: '吴江开发区',
  同里镇: '吴江开发区',
  同里: '吴江开发区',
  屯村镇: '吴江开发区',
  江陵街道: '吴江开发区',
  八坼街道: '吴江开发区',
  八坼镇: '吴江开发区',
  // 汾湖高新技术产业开发区, one body with 黎里镇 (汾湖镇 until 2013; 芦墟、北厍、金家坝、莘塔 merged into it).
  汾湖高新技术产业开发区: '汾湖高新区（黎里镇）',
  汾湖高新区: '汾湖高新区（黎里镇）',
  汾湖经济开发区: '汾湖高新区（黎里镇）',
  汾湖开发区: '汾湖高新区（黎里镇）',
  汾湖: '汾湖高新区（黎里镇）',
  汾湖镇: '汾湖高新区（黎里镇）',
  黎里镇: '汾湖高新区（黎里镇）',
  黎里: '汾湖高新区（黎里镇）',
  芦墟镇: '汾湖高新区（黎里镇）',
  北厍镇: '汾湖高新区（黎里镇）',
  金家坝镇: '汾湖高新区（黎里镇）',
  莘塔镇: '汾湖高新区（黎里镇）',
  // 吴江高新技术产业开发区, one body with 盛泽镇 (坛丘、南麻 merged into it).
  吴江高新技术产业开发区: '吴江高新区（盛泽镇）',
  吴江高新区: '吴江高新区（盛泽镇）',
  盛泽镇: '吴江高新区（盛泽镇）',
  盛泽: '吴江高新区（盛泽镇）',
  坛丘镇: '吴江高新区（盛泽镇）',
  南麻镇: '吴江高新区（盛泽镇）',
  // 东太湖生态旅游度假区 with 太湖新城: the old 松陵镇 and 横扇镇, today 松陵、滨湖、横扇 街道.
  东太湖生态旅游度假区: '东太湖度假区（太湖新城）',
  东太湖旅游度假区: '东太湖度假区（太湖新城）',
  东太湖度假区: '东太湖度假区（太湖新城）',
  太湖新城: '东太湖度假区（太湖新城）',
  吴江太湖新城: '东太湖度假区（太湖新城）',
  松陵镇: '东太湖度假区（太湖新城）',
  松陵街道: '东太湖度假区（太湖新城）',
  松陵: '东太湖度假区（太湖新城）',
  滨湖街道: '东太湖度假区（太湖新城）',
  横扇街道: '东太湖度假区（太湖新城）',
  横扇镇: '东太湖度假区（太湖新城）',
  // The four towns, by short name and by the towns merged into them.
  平望: '平望镇',
  梅堰镇: '平望镇',
  震泽: '震泽镇',
  八都镇: '震泽镇',
  七都: '七都镇',
  庙港镇: '七都镇',
  桃源: '桃源镇',
  铜罗镇: '桃源镇',
  青云镇: '桃源镇',
};

/** The aliases a settings row holds; settings saved before aliases existed fall back to the defaults. */
export function townAliasesOf(settings: { townAliases?: Readonly<Record<string, string>> }): Readonly<Record<string, string>> {
  return settings.townAliases ?? defaultTownAliases;
}

/** Backfill for the upgrade: a settings row saved before aliases existed gets the default aliases; others stay. */
export function backfillTownAliases<T extends { townAliases?: Readonly<Record<string, string>> }>(settings: T): T & { townAliases: Record<string, string> } {
  return settings.townAliases ? (settings as T & { townAliases: Record<string, string> }) : { ...settings, townAliases: { ...defaultTownAliases } };
}
