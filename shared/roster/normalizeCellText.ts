// Rosters come typed by hand in Chinese input methods: full-width digits and letters (９１３２…),
// ideographic spaces and stray spaces around and inside values. Everything is compared and stored
// in one normal form.

/** Full-width ASCII (U+FF01..U+FF5E) to half-width, ideographic space to a space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Half-width, trimmed, runs of white space (incl. line breaks and NBSP) collapsed to one space. */
export function normalizeCellText(text: string): string {
  return toHalfWidth(text).replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** For names and codes, where a space is never meaningful: every space removed. */
export function compactCellText(text: string): string {
  return normalizeCellText(text).replace(/ /g, '');
}
