// The roster columns the import understands, with the header names and variants real rosters use,
// and the search for the header row (often below a merged title row like "2026年联系企业名单").
import { compactCellText } from './normalizeCellText';

export type RosterField =
  | 'name'
  | 'creditCode'
  | 'town'
  | 'address'
  | 'industry'
  | 'foreignSource'
  | 'contactPerson'
  | 'contactPhone'
  | 'assignedOfficer'
  | 'linkedLeader'
  | 'serviceTier'
  | 'isKeyEnterprise'
  | 'isAboveScale';

export interface RosterFieldInfo {
  field: RosterField;
  label: string;
  /** Header texts that mean this field, compared after removing spaces and full-width forms. */
  aliases: readonly string[];
}

export const rosterFields: readonly RosterFieldInfo[] = [
  { field: 'name', label: '企业名称', aliases: ['企业名称', '单位名称', '企业全称', '公司名称', '企业名', '名称', '企业'] },
  {
    field: 'creditCode',
    label: '统一社会信用代码',
    aliases: ['统一社会信用代码', '信用代码', '社会信用代码', '统一信用代码', '统一代码', '组织机构代码'],
  },
  { field: 'town', label: '所属区镇', aliases: ['所属区镇', '属地', '区镇', '所属镇区', '镇区', '所在区镇', '所属板块', '板块', '乡镇'] },
  { field: 'address', label: '地址', aliases: ['地址', '企业地址', '注册地址', '经营地址', '详细地址'] },
  { field: 'industry', label: '行业', aliases: ['行业', '所属行业', '行业类别', '行业分类'] },
  {
    field: 'foreignSource',
    label: '外资来源地',
    aliases: ['外资来源地', '投资方国别', '外资来源', '投资来源地', '国别', '国别(地区)', '国别地区', '投资方国别(地区)'],
  },
  { field: 'contactPerson', label: '联系人', aliases: ['联系人', '企业联系人', '联系人姓名'] },
  { field: 'contactPhone', label: '联系电话', aliases: ['联系电话', '手机', '电话', '手机号', '手机号码', '联系方式', '电话号码'] },
  { field: 'assignedOfficer', label: '服务专员', aliases: ['服务专员', '联系干部', '挂钩干部', '服务干部', '专员'] },
  { field: 'linkedLeader', label: '挂钩领导', aliases: ['挂钩领导', '联系领导', '分管领导', '责任领导'] },
  { field: 'serviceTier', label: '分级', aliases: ['分级', '服务分级', '企业分级', '等级', '级别'] },
  { field: 'isKeyEnterprise', label: '重点企业', aliases: ['重点企业', '是否重点企业', '重点'] },
  { field: 'isAboveScale', label: '规上企业', aliases: ['规上企业', '是否规上', '规上', '规模以上'] },
];

export const rosterFieldLabel = (field: RosterField): string =>
  rosterFields.find((info) => info.field === field)?.label ?? field;

/** The field a header text names, or null. Exact alias first, then a header that contains one. */
export function fieldForHeader(header: string): RosterField | null {
  const text = compactCellText(header).replace(/[*:]/g, '');
  if (!text) return null;
  for (const info of rosterFields) if (info.aliases.includes(text)) return info.field;
  const bare = text.replace(/\(.*?\)/g, '');
  for (const info of rosterFields) if (info.aliases.includes(bare)) return info.field;
  // "企业联系电话", "联系人手机": Chinese compounds put the head last, so the alias ending latest
  // wins, then the longest. Generic words ("企业", "名称") never match inside a longer header.
  let best: { field: RosterField; end: number; length: number } | null = null;
  for (const info of rosterFields) {
    for (const alias of info.aliases) {
      if (alias.length < 2 || genericAliases.has(alias)) continue;
      const at = bare.lastIndexOf(alias);
      if (at < 0) continue;
      const end = at + alias.length;
      if (!best || end > best.end || (end === best.end && alias.length > best.length)) {
        best = { field: info.field, end, length: alias.length };
      }
    }
  }
  return best?.field ?? null;
}

const genericAliases = new Set(['企业', '名称', '重点', '专员', '等级', '级别', '国别']);

/** A column mapping: for each column index of the sheet, the field it fills (or null = ignored). */
export type ColumnMapping = (RosterField | null)[];

/** Maps a header row; a field claimed by two columns keeps the first. */
export function mapHeaderRow(headers: readonly string[]): ColumnMapping {
  const seen = new Set<RosterField>();
  return headers.map((header) => {
    const field = fieldForHeader(header);
    if (!field || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
}

/**
 * The header row among the first `scanRows` rows: the one whose cells name the most known fields
 * (a merged title row names none, or one by accident). Null when no row names at least two.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], scanRows = 10): number | null {
  let best: { index: number; score: number } | null = null;
  rows.slice(0, scanRows).forEach((row, index) => {
    const score = mapHeaderRow(row).filter((field) => field !== null).length;
    if (score >= 2 && (!best || score > best.score)) best = { index, score };
  });
  return best === null ? null : (best as { index: number }).index;
}
