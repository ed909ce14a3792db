import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactMatches,
  compactSearchTokens,
  enterpriseSearchTokens,
  MAX_TOKEN_LENGTH,
  normalizeSearchQuery,
  withFreshSearchTokens,
} from '../../../shared/search/searchTokens';

// What the roster does: where('searchTokens').startsWith(normalizeSearchQuery(q)).
const finds = (query: string, enterprise: { name: string; creditCode: string }): boolean => {
  const q = normalizeSearchQuery(query);
  return q.length > 0 && enterpriseSearchTokens(enterprise).some((token) => token.startsWith(q));
};

const hengtong = { name: '江苏亨通光电股份有限公司', creditCode: '91320509MA1N2T3K4A' };

describe('enterpriseSearchTokens', () => {
  it('finds an enterprise by any part of its name', () => {
    for (const q of ['江苏亨通', '亨通', '亨通光电', '光电股份', '电股', '有限公司']) expect(finds(q, hengtong)).toBe(true);
    expect(finds('亨达', hengtong)).toBe(false);
  });

  it('finds an enterprise by the pinyin initials of any part of its name', () => {
    for (const q of ['htgd', 'HTGD', 'jshtgd', 'gdgf', 'js']) expect(finds(q, hengtong)).toBe(true);
    expect(finds('htgx', hengtong)).toBe(false);
  });

  it('finds an enterprise by its credit code, typed in any case, and by its 主体标识码', () => {
    expect(finds('91320509', hengtong)).toBe(true);
    expect(finds('91320509ma1n2t3k4a', hengtong)).toBe(true);
    expect(finds('MA1N2T3K4', hengtong)).toBe(true);
    expect(finds('91320508', hengtong)).toBe(false);
  });

  it('ignores full-width characters, brackets and spaces in names and queries', () => {
    const lotte = { name: '乐天（吴江）纺织有限公司', creditCode: '' };
    expect(finds('乐天吴江', lotte)).toBe(true);
    expect(finds('乐天(吴江)', lotte)).toBe(true);
    expect(finds(' 吴江 纺织 ', lotte)).toBe(true);
    const abc = { name: '苏州ＡＢＣ精密机械有限公司', creditCode: '' };
    expect(finds('abc精密', abc)).toBe(true);
    expect(finds('ＡＢＣ', abc)).toBe(true);
  });

  it('keeps Latin letters and digits in the initials', () => {
    const threeM = { name: '吴江3M中国有限公司', creditCode: '' };
    expect(finds('wj3mzg', threeM)).toBe(true);
    expect(finds('3mzg', threeM)).toBe(true);
    expect(finds('szabcjm', { name: '苏州ABC精密机械有限公司', creditCode: '' })).toBe(true);
  });

  it('reads polyphonic characters in context and also by their other everyday reading', () => {
    const bank = { name: '长江银行', creditCode: '' };
    expect(finds('cjyh', bank)).toBe(true); // 长江 cháng, 银行 háng
    expect(finds('zjyh', bank)).toBe(true); // 长 read zhǎng by the officer
    expect(finds('czzg', { name: '盛泽重工', creditCode: '' })).toBe(true);
    expect(finds('szzg', { name: '盛泽重工', creditCode: '' })).toBe(true);
    // A rare dictionary reading (亨 pēng) is not indexed: it would only add false matches.
    expect(finds('jsptgd', hengtong)).toBe(false);
  });

  it('caps token length, and a long query is cut the same way so it still matches', () => {
    const longName = { name: '苏州工业园区吴江开发区某某某某某某某某某某某某精密机械制造有限公司', creditCode: '' };
    const tokens = enterpriseSearchTokens(longName);
    expect(Math.max(...tokens.map((t) => [...t].length))).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
    expect(finds(longName.name, longName)).toBe(true);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('finds an enterprise by the full pinyin of its name or of any part of it, typed with or without spaces', () => {
    for (const q of ['hengtong', 'hengtongguangdian', 'HengTong', 'heng tong guang dian', 'jiangsuhengtong', 'guangdian', 'hengt'])
      expect(finds(q, hengtong), q).toBe(true);
    expect(finds('engtong', hengtong)).toBe(false); // from inside a syllable: not a start anyone types
    expect(finds('letianwujiang', { name: '乐天（吴江）纺织有限公司', creditCode: '' })).toBe(true);
    expect(finds('lvse', { name: '苏州绿色能源有限公司', creditCode: '' })).toBe(true); // ü typed as v
  });

  it('stores no more tokens than before full pinyin: none start inside the company form', () => {
    // 26 tokens before issue 9 (12 name suffixes, 12 initials suffixes, 2 codes); still 26.
    expect(enterpriseSearchTokens(hengtong).length).toBeLessThanOrEqual(26);
    expect(finds('有限公司', hengtong)).toBe(true); // the name itself stays searchable everywhere
    expect(finds('yxgs', hengtong)).toBe(false);
  });

  it('the backfill recomputes the stored tokens of an enterprise saved before full pinyin, and nothing else', () => {
    const stored = { id: 'e1', name: hengtong.name, creditCode: hengtong.creditCode, town: '吴江开发区', searchTokens: ['江苏亨通光电股份有限公司'] };
    const fresh = withFreshSearchTokens(stored);
    expect(fresh.searchTokens.some((t) => t.startsWith('hengtong'))).toBe(true);
    expect({ ...fresh, searchTokens: [] }).toEqual({ ...stored, searchTokens: [] });
    expect(stored.searchTokens).toEqual(['江苏亨通光电股份有限公司']); // the input is not changed
  });

  it('the compact in-memory form answers exactly what the token index answers', () => {
    const han = fc.constantFrom(...'江苏亨通光电长江银行乐天吴江纺织盛泽重工绿色能源有限公司股份集团'.split(''));
    const part = fc.oneof(fc.array(han, { minLength: 1, maxLength: 8 }).map((a) => a.join('')), fc.constantFrom('ABC', '3M', '（吴江）', ' '));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), fc.string({ maxLength: 6 }), (parts, a, b, random) => {
        const enterprise = { name: parts.join(''), creditCode: '91320509MA1N2T3K4A' };
        const tokens = enterpriseSearchTokens(enterprise);
        const compact = compactSearchTokens(enterprise.name, tokens);
        const token = tokens[a % tokens.length] ?? '';
        for (const query of [token.slice(0, 1 + (b % Math.max(1, token.length))), random, token.slice(1, 4), 'gs', 'ngt']) {
          const q = normalizeSearchQuery(query);
          expect(compactMatches(compact, q), query).toBe(q !== '' && tokens.some((t) => t.startsWith(q)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an empty query normalises to nothing (the roster then shows the plain list)', () => {
    expect(normalizeSearchQuery('  （ ）')).toBe('');
  });

  it('every substring of a Chinese name finds it', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.array(han, { minLength: 2, maxLength: 20 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const name = chars.join('') + '有限公司';
        const start = a % name.length;
        const end = start + 1 + (b % (name.length - start));
        expect(finds(name.slice(start, end), { name, creditCode: '' })).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
