// The streaming readers see a file in chunks cut anywhere (an inflated piece, a decoded megabyte):
// whatever the cuts, they must read exactly what they read from the whole text — and the CSV reader
// exactly what the roster import read before it streamed (the old parser is kept here as the model).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader, parseCsv } from '../../../shared/roster/readCsvRoster';
import { XmlStream, XmlStreamError, type XmlHandler } from '../../../shared/roster/xmlStream';

/** The CSV parser of 0.1 (whole text at once, no limits), as the model of what a CSV means. */
function modelParseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const count = (sep: string) => firstLine.split(sep).length - 1;
  const separator = [',', '\t', ';'].reduce((best, sep) => (count(sep) > count(best) ? sep : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Cuts `text` at the given fractions of its length. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of points) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  pieces.push(text.slice(from));
  return pieces;
}

function csvInChunks(pieces: string[]): string[][] {
  const rows: string[][] = [];
  const reader = new CsvRecordReader('t.csv', { maxColumns: Infinity, maxCellChars: Infinity }, (cells) => rows.push(cells));
  for (const piece of pieces) reader.push(piece);
  reader.end();
  return rows;
}

const csvText = fc
  .array(fc.constantFrom('a', '企', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', ' ', '=1'), { maxLength: 60 })
  .map((parts) => parts.join(''))
  // An unterminated quote is refused now (the model returned the rest of the file as one cell).
  .filter((text) => {
    try {
      parseCsv(text);
      return true;
    } catch {
      return false;
    }
  });

describe('CSV in chunks', () => {
  it('reads what the 0.1 parser read, for any text, cut anywhere', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), fc.boolean(), (text, at, bom) => {
        const whole = bom ? `\ufeff${text}` : text;
        const model = modelParseCsv(whole);
        expect(parseCsv(whole)).toEqual(model);
        // The separator is chosen from the first chunk's first line: cut only after it.
        const firstLine = whole.indexOf('\n') >= 0 ? whole.indexOf('\n') + 1 : whole.length;
        const rest = cut(whole.slice(firstLine), at);
        expect(csvInChunks([whole.slice(0, firstLine), ...rest])).toEqual(model);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses an unterminated quote where 0.1 made the rest of the file one cell', () => {
    expect(modelParseCsv('a,"b\nc,d\n')).toEqual([['a', 'b\nc,d\n']]);
    expect(() => parseCsv('a,"b\nc,d\n')).toThrow('第 1 行 B 列的引号（"）没有闭合');
  });
});

type XmlEvent = ['open', string, Record<string, string>, boolean] | ['close', string] | ['text', string];

function xmlEvents(pieces: string[]): XmlEvent[] {
  const events: XmlEvent[] = [];
  const handler: XmlHandler = {
    open: (name, attributes, selfClosing) => events.push(['open', name, { ...attributes }, selfClosing]),
    close: (name) => events.push(['close', name]),
    text: (text) => {
      // Text may come in several pieces: join neighbours, as a reader accumulating it would.
      const last = events[events.length - 1];
      if (last?.[0] === 'text') last[1] += text;
      else events.push(['text', text]);
    },
  };
  const stream = new XmlStream(handler);
  for (const piece of pieces) stream.write(piece);
  stream.end();
  return events;
}

const xmlText = fc
  .array(
    fc.constantFrom(
      'abc',
      '企业',
      '&amp;',
      '&lt;x&gt;',
      '&#20225;',
      '&#x4E1A;',
      '<!-- a comment > with -- dashes -->',
      '<![CDATA[<raw> & ]]>',
      '<x:v a="1" b=\'2 > 3\'/>',
      '<c r="A1" t="s"><v>0</v></c>',
      '<t xml:space="preserve"> 空 格 </t>',
    ),
    { maxLength: 20 },
  )
  .map((parts) => `<?xml version="1.0" encoding="UTF-8"?>\n<root a="&quot;q&quot;">${parts.join('')}</root>`);

describe('XML in chunks', () => {
  it('reports the same elements and text whatever the cuts', () => {
    fc.assert(
      fc.property(xmlText, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 }), (text, at) => {
        expect(xmlEvents(cut(text, at))).toEqual(xmlEvents([text]));
      }),
      { numRuns: 400 },
    );
  });

  it('decodes entities, drops namespace prefixes and keeps CDATA as it is', () => {
    expect(xmlEvents(['<x:a r:id="rId1">&lt;&#20225;&amp;<![CDATA[&amp;]]></x:a>'])).toEqual([
      ['open', 'a', { id: 'rId1' }, false],
      ['text', '<企&&amp;'],
      ['close', 'a'],
    ]);
  });

  it('refuses a DOCTYPE, an endless tag and a document cut short', () => {
    expect(() => xmlEvents(['<!DOCTYPE a [<!ENTITY x "y">]><a/>'])).toThrow(XmlStreamError);
    expect(() => xmlEvents([`<a b="${'x'.repeat(70_000)}"/>`])).toThrow('tag too long');
    expect(() => xmlEvents(['<a><b>'])).toThrow('document not closed');
  });
});
