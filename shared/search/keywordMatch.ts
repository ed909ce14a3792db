// Keyword search over free text (a problem's description and the enterprise's request). There is no
// index for free text, so the list narrows what its indexes found by reading the rows; this decides
// whether one row matches. Both sides go through the same folding (full-width → half-width, lower
// case), and every word typed must occur somewhere: "用工 社保" finds a problem mentioning both.

/** Full-width ASCII → half-width, lower case: "ＡＢＣ" and "abc" match each other. */
function fold(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).toLowerCase();
}

/** The words of a typed keyword (spaces, full-width spaces and commas separate them). */
export function keywordWords(keyword: string): string[] {
  return fold(keyword)
    .split(/[\s,，、;；]+/u)
    .filter((word) => word !== '');
}

/**
 * A predicate over the texts of one row: true when every word of `keyword` occurs in at least one of
 * them. An empty keyword matches everything.
 */
export function keywordMatcher(keyword: string): (texts: readonly (string | undefined)[]) => boolean {
  const words = keywordWords(keyword);
  return (texts) => {
    if (words.length === 0) return true;
    const haystack = fold(texts.filter((t): t is string => Boolean(t)).join('\n'));
    return words.every((word) => haystack.includes(word));
  };
}
