// A small streaming reader for the XML parts of an .xlsx (worksheets, shared strings, styles,
// workbook, relationships). Text arrives in chunks as an entry inflates; elements and text are
// reported as they complete, so a part is never held whole. What it holds at once is bounded: the
// chunk being read plus one unfinished tag (at most `maxMarkupChars`); text is handed on in pieces
// as it arrives (a 1 GB text node is seen 1 MB at a time, and the reader of it decides when to stop).
//
// Not a general XML parser: names lose their namespace prefix (`x:row` is `row`), entities are
// XML's five and numeric references only, and a DOCTYPE is refused (no workbook has one, and it is
// how entity-expansion attacks begin).

/** Attributes by local name (`r:id` is `id`). */
export type XmlAttributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  open(name: string, attributes: XmlAttributes, selfClosing: boolean): void;
  close(name: string): void;
  /** Text, entities decoded, possibly in several pieces for one text node. */
  text(text: string): void;
}

/** Malformed or unsupported XML; `message` is English, for the reader to wrap. */
export class XmlStreamError extends Error {
  override name = 'XmlStreamError';
}

/** A tag this long is no spreadsheet's (Excel's longest are a few hundred characters). */
export const defaultMaxMarkupChars = 64 * 1024;

const noAttributes: XmlAttributes = Object.freeze({});

const namedEntities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, body: string) => {
    if (body[0] !== '#') return namedEntities[body]!;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

function parseAttributes(tag: string, from: number, to: number): XmlAttributes {
  let at = from;
  let attributes: Record<string, string> | undefined;
  for (;;) {
    while (at < to && isSpace(tag.charCodeAt(at))) at++;
    if (at >= to) break;
    const equals = tag.indexOf('=', at);
    if (equals < 0 || equals >= to) throw new XmlStreamError('attribute without a value');
    const name = tag.slice(at, equals).trim();
    at = equals + 1;
    while (at < to && isSpace(tag.charCodeAt(at))) at++;
    const quote = tag[at];
    if (quote !== '"' && quote !== "'") throw new XmlStreamError(`attribute ${name} without quotes`);
    const valueEnd = tag.indexOf(quote, at + 1);
    if (valueEnd < 0 || valueEnd >= to) throw new XmlStreamError(`attribute ${name} not closed`);
    // A plain object (fast, unlike a prototype-less one): readers ask only for the names they know,
    // none of which Object.prototype has, and "__proto__" set to a string is ignored.
    attributes ??= {};
    attributes[localName(name)] = decodeXmlEntities(tag.slice(at + 1, valueEnd));
    at = valueEnd + 1;
  }
  return attributes ?? noAttributes;
}

export class XmlStream {
  /** Unconsumed input: an unfinished tag, a possible start of `<!--`, or a split entity. */
  private pending = '';
  private mode: 'content' | 'comment' | 'cdata' = 'content';
  private depth = 0;
  private seenRoot = false;

  constructor(
    private readonly handler: XmlHandler,
    private readonly maxMarkupChars: number = defaultMaxMarkupChars,
  ) {}

  write(chunk: string): void {
    const s = this.pending.length > 0 ? this.pending + chunk : chunk;
    this.pending = '';
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (this.mode === 'comment') {
        const close = s.indexOf('-->', i);
        if (close < 0) {
          this.pending = s.slice(Math.max(i, n - 2));
          return;
        }
        i = close + 3;
        this.mode = 'content';
        continue;
      }
      if (this.mode === 'cdata') {
        const close = s.indexOf(']]>', i);
        if (close < 0) {
          const keep = Math.max(i, n - 2);
          if (keep > i) this.text(s.slice(i, keep), false);
          this.pending = s.slice(keep);
          return;
        }
        if (close > i) this.text(s.slice(i, close), false);
        i = close + 3;
        this.mode = 'content';
        continue;
      }
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text to the end of the chunk; an entity cut by the chunk's end waits for the next one.
        const amp = s.lastIndexOf('&');
        const hold = amp >= i && s.indexOf(';', amp) < 0 && n - amp <= 12 ? amp : n;
        if (hold > i) this.text(s.slice(i, hold), true);
        this.pending = s.slice(hold);
        return;
      }
      if (lt > i) this.text(s.slice(i, lt), true);
      i = lt;
      if (s.charCodeAt(i + 1) === 0x21 /* ! */) {
        if (n - i < 9) {
          this.holdMarkup(s, i);
          return;
        }
        if (s.startsWith('<!--', i)) {
          this.mode = 'comment';
          i += 4;
          continue;
        }
        if (s.startsWith('<![CDATA[', i)) {
          this.mode = 'cdata';
          i += 9;
          continue;
        }
        throw new XmlStreamError('DOCTYPE or declaration not supported');
      }
      const gt = this.tagEnd(s, i + 1);
      if (gt < 0) {
        this.holdMarkup(s, i);
        return;
      }
      if (gt - i > this.maxMarkupChars) throw new XmlStreamError('tag too long');
      this.tag(s, i + 1, gt);
      i = gt + 1;
    }
  }

  /** Checks that the document ended where it should. */
  end(): void {
    if (this.mode !== 'content' || this.pending.replace(/\s+/g, '') !== '') throw new XmlStreamError('document cut short');
    if (this.depth !== 0 || !this.seenRoot) throw new XmlStreamError('document not closed');
  }

  private holdMarkup(s: string, from: number): void {
    if (s.length - from > this.maxMarkupChars) throw new XmlStreamError('tag too long');
    this.pending = s.slice(from);
  }

  /** The `>` that ends the tag starting at `from`, outside quoted attribute values; -1 if not yet read. */
  private tagEnd(s: string, from: number): number {
    let quote = 0;
    for (let j = from; j < s.length; j++) {
      const code = s.charCodeAt(j);
      if (quote !== 0) {
        if (code === quote) quote = 0;
      } else if (code === 0x3e /* > */) return j;
      else if (code === 0x22 || code === 0x27) quote = code;
      else if (code === 0x3c /* < */) throw new XmlStreamError('"<" inside a tag');
    }
    return -1;
  }

  private tag(s: string, from: number, to: number): void {
    const first = s.charCodeAt(from);
    if (first === 0x3f /* ? */) {
      if (s.charCodeAt(to - 1) !== 0x3f) throw new XmlStreamError('processing instruction not closed');
      return;
    }
    if (first === 0x2f /* / */) {
      const name = s.slice(from + 1, to).trim();
      if (this.depth === 0) throw new XmlStreamError(`unexpected </${name}>`);
      this.depth--;
      this.handler.close(localName(name));
      return;
    }
    const selfClosing = s.charCodeAt(to - 1) === 0x2f;
    const end = selfClosing ? to - 1 : to;
    let nameEnd = from;
    while (nameEnd < end && !isSpace(s.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === from) throw new XmlStreamError('tag without a name');
    if (this.depth === 0 && this.seenRoot) throw new XmlStreamError('a second root element');
    this.seenRoot = true;
    const name = localName(s.slice(from, nameEnd));
    const attributes = nameEnd < end ? parseAttributes(s, nameEnd, end) : noAttributes;
    if (!selfClosing) this.depth++;
    this.handler.open(name, attributes, selfClosing);
    if (selfClosing) this.handler.close(name);
  }

  private text(text: string, decode: boolean): void {
    if (this.depth === 0) {
      if (text.trim() !== '') throw new XmlStreamError('text outside the root element');
      return;
    }
    this.handler.text(decode ? decodeXmlEntities(text) : text);
  }
}
