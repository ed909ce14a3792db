// Search tokens for the enterprises table's multiEntry index `*searchTokens`. The roster queries
//   where('searchTokens').startsWith(normalizeSearchQuery(q)).distinct().limit(50)
// so a token must START with whatever the user may type. Hence:
//   - every suffix of the normalised name: any substring of the name is a prefix of one suffix;
//   - every suffix of the name's pinyin initials ("htgd" → 江苏亨通光电…) that starts before the company
//     form (a query "yxgs" would match every 有限公司 anyway), context-aware readings
//     from pinyin-pro, plus the other initials of a few polyphonic characters (长 c/z, 行 x/h, 乐 l/y)
//     because officers type the reading they have in mind, not the one the dictionary picked;
//   - the name's full pinyin from each Han character on ("hengtongguangdian" → 江苏亨通光电…), but only
//     from characters before the company form (有限公司, 股份有限公司…): nobody types "youxiangongsi",
//     and each start is one more index entry per enterprise (issue 13 counts them);
//   - the credit code and its 主体标识码 (positions 9–17, the old organisation code officers still quote).
// Tokens and queries go through the same normalisation (half-width, lower case, only letters and digits),
// and both are cut to MAX_TOKEN_LENGTH so the index stays small and long queries still match.
import { pinyin } from 'pinyin-pro';

/** Longest token stored; a longer query is cut to this length too (the caller may filter further). */
export const MAX_TOKEN_LENGTH = 24;
/** Polyphonic characters per name whose alternative initials are indexed (bounds the token count). */
const MAX_POLYPHONIC_VARIANTS = 4;

/** Half-width, lower case, letters and digits only: "（吴江）ＡＢＣ 纺织" → "吴江abc纺织". */
function normalizeText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The form a typed query takes before it is matched as a prefix of the tokens. */
export function normalizeSearchQuery(query: string): string {
  return [...normalizeText(query)].slice(0, MAX_TOKEN_LENGTH).join('');
}

function suffixes(chars: readonly string[], into: Set<string>, startLimit = chars.length): void {
  for (let start = 0; start < Math.min(startLimit, chars.length); start++) {
    into.add(chars.slice(start, start + MAX_TOKEN_LENGTH).join(''));
  }
}

const HAN = /\p{Script=Han}/u;

/**
 * Characters with two everyday readings of different initials that occur in enterprise and place names
 * (长江/董事长, 银行/行业, 乐天, 重庆/重工, 朝阳, 厦门, 会计, 单县, 盛泽…). The dictionary's rare readings
 * (亨 pēng, 份 bīn) are left out on purpose: indexing them would only add false matches.
 */
const POLYPHONIC_INITIALS: Readonly<Record<string, string>> = {
  长: 'cz', 行: 'hx', 乐: 'ly', 重: 'cz', 朝: 'cz', 调: 'dt', 藏: 'cz', 厦: 'sx', 会: 'hk', 单: 'cds',
  解: 'jx', 区: 'oq', 查: 'cz', 传: 'cz', 弹: 'dt', 降: 'jx', 率: 'ls', 省: 'sx', 种: 'cz', 盛: 'cs',
  柏: 'bp', 泊: 'bp', 茄: 'jq', 石: 'ds', 尉: 'wy', 曾: 'cz', 仇: 'cq', 奇: 'jq', 秘: 'bm', 翟: 'dz',
  莘: 'sx', 给: 'gj', 系: 'jx', 参: 'cs', 差: 'cs', 便: 'bp', 车: 'cj', 汤: 'st',
};

/**
 * The name's initials, one string element per character: Han → its initial, Latin letters and digits
 * kept as they are (so "3M" and "ABC" stay typeable), everything else dropped. Also the positions of
 * Han characters so polyphonic ones can be varied.
 */
function nameInitials(name: string): { initials: string[]; han: { index: number; ch: string }[] } {
  const chars = [...normalizeText(name)];
  if (chars.length === 0) return { initials: [], han: [] };
  let readings = pinyin(chars.join(''), { pattern: 'first', toneType: 'none', type: 'array' });
  // pinyin-pro returns one entry per character here (nonZh kept per character); should a future
  // version group characters differently, fall back to reading each character on its own.
  if (readings.length !== chars.length) {
    readings = chars.map((ch) => pinyin(ch, { pattern: 'first', toneType: 'none' }));
  }
  const initials: string[] = [];
  const han: { index: number; ch: string }[] = [];
  chars.forEach((ch, i) => {
    if (HAN.test(ch)) {
      const initial = (readings[i] ?? '').toLowerCase().charAt(0);
      if (!/^[a-z]$/.test(initial)) return;
      han.push({ index: initials.length, ch });
      initials.push(initial);
    } else if (/[a-z0-9]/.test(ch)) {
      initials.push(ch);
    }
  });
  return { initials, han };
}

/** Company forms at the end of a name; full-pinyin tokens start only before them. */
const LEGAL_FORM = /(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|集团|公司)$/u;

/**
 * The name's full pinyin from each Han character before the company form, each cut to
 * MAX_TOKEN_LENGTH: "江苏亨通光电股份有限公司" → jiangsuhengtongguangdian, suhengtong…, hengtong…,
 * tongguang…, guangdian…, dian…. ü is written v, as officers type it. Latin letters and digits stay.
 */
function fullPinyinSuffixes(normalized: string, coreLength: number, into: Set<string>): void {
  const chars = [...normalized];
  let readings = pinyin(normalized, { toneType: 'none', type: 'array', v: true });
  if (readings.length !== chars.length) {
    readings = chars.map((ch) => pinyin(ch, { toneType: 'none', v: true }));
  }
  const syllables = chars.map((ch, i) => (HAN.test(ch) ? (readings[i] ?? '').toLowerCase().replace(/[^a-z]/g, '') : ch));
  for (let start = 0; start < coreLength; start++) {
    if (!HAN.test(chars[start]!) || !syllables[start]) continue;
    into.add([...syllables.slice(start).join('')].slice(0, MAX_TOKEN_LENGTH).join(''));
  }
}

/** The multiEntry tokens of an enterprise: name suffixes, pinyin suffixes (initials, full), credit code. */
export function enterpriseSearchTokens(enterprise: { name: string; creditCode: string }): string[] {
  const tokens = new Set<string>();
  const nameChars = [...normalizeText(enterprise.name)];
  suffixes(nameChars, tokens);

  const { initials, han } = nameInitials(enterprise.name);
  // Only names with a Han character get pinyin tokens; an all-Latin name's initials are its name.
  if (han.length > 0) {
    const normalized = nameChars.join('');
    const formLength = nameChars.length - [...normalized.replace(LEGAL_FORM, '')].length;
    // The company form is Han only, so it is the last `formLength` initials too.
    suffixes(initials, tokens, Math.max(1, initials.length - formLength));
    fullPinyinSuffixes(normalized, Math.max(1, nameChars.length - formLength), tokens);
    let variants = 0;
    for (const { index, ch } of han) {
      if (variants >= MAX_POLYPHONIC_VARIANTS) break;
      const others = [...(POLYPHONIC_INITIALS[ch] ?? '')].filter((initial) => initial !== initials[index]);
      if (others.length === 0) continue;
      variants++;
      for (const other of others) {
        const variant = initials.slice();
        variant[index] = other;
        // Suffixes starting after `index` do not contain the varied character: already indexed.
        suffixes(variant, tokens, index + 1);
      }
    }
  }

  const code = normalizeText(enterprise.creditCode);
  if (code) {
    tokens.add(code.slice(0, MAX_TOKEN_LENGTH));
    if (code.length === 18) tokens.add(code.slice(8, 17));
  }
  tokens.delete('');
  return [...tokens];
}

/**
 * The backfill for stored enterprises when the tokens change (full pinyin was added in issue 9): the
 * same record with its tokens recomputed from its name and credit code. Pure, for a schema upgrade.
 */
export function withFreshSearchTokens<T extends { name: string; creditCode: string; searchTokens?: string[] }>(enterprise: T): T {
  return { ...enterprise, searchTokens: enterpriseSearchTokens(enterprise) };
}

/**
 * What an in-memory search needs of one enterprise to answer exactly what the index answers (some
 * stored token starts with the query), in two strings instead of ~26: the normalised name, since a
 * query starts a name-suffix token exactly when it occurs in the name (both are cut to
 * MAX_TOKEN_LENGTH); and the letters-and-digits tokens (pinyin, credit code) each after a \u0001, so
 * "\u0001" + query occurs exactly when a token starts with the query. Mostly ASCII, so V8 keeps that
 * string at one byte a character.
 */
export interface CompactSearch {
  name: string;
  latin: string;
}

export function compactSearchTokens(name: string, tokens: readonly string[]): CompactSearch {
  const latin = tokens.filter((t) => /^[a-z0-9]+$/.test(t));
  return { name: normalizeText(name), latin: latin.length > 0 ? `\u0001${latin.join('\u0001')}` : '' };
}

/** True when the stored tokens behind `compact` hold one starting with `normalizedQuery`. */
export function compactMatches(compact: CompactSearch, normalizedQuery: string): boolean {
  if (normalizedQuery === '') return false;
  return compact.name.includes(normalizedQuery) || compact.latin.includes(`\u0001${normalizedQuery}`);
}
