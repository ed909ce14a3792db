import { describe, expect, it } from 'vitest';
import { keywordMatcher, keywordWords } from '../../../shared/search/keywordMatch';

describe('keywordMatcher', () => {
  it('matches when every word occurs in one of the texts, ignoring case and full-width forms', () => {
    const m = keywordMatcher('ＡＢＣ 社保');
    expect(m(['abc 公司反映', '社保补贴'])).toBe(true);
    expect(m(['abc 公司反映', undefined])).toBe(false);
  });

  it('splits words on spaces, full-width spaces and Chinese commas', () => {
    expect(keywordWords(' 用工　社保，补贴 ')).toEqual(['用工', '社保', '补贴']);
  });

  it('an empty keyword matches everything', () => {
    expect(keywordMatcher('  ')(['任何'])).toBe(true);
  });
});
