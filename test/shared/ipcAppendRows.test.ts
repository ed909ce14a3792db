// exportAppendRows is checked by hand (it is called hundreds of times in a big export): a renderer's
// rows must be accepted, copied and refused exactly as the contract's zod schema would, with the
// same message when refused.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkIpcArgs, ipcContract } from '../../shared/ipc';

function byZod(payload: unknown) {
  const parsed = ipcContract.exportAppendRows.args.safeParse(payload);
  return parsed.success;
}

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(fc.string({ maxLength: 20 }), fc.double(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(32_767), 'x'.repeat(32_768), undefined, true, Number.NaN, Infinity, -0, { formula: 'CMD()' }, ['a'], new Date(0)) },
);
const kind = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('data', 'late', 'section', 'header', 'total', 'text') }, { weight: 1, arbitrary: fc.constantFrom('Data', '', 1) });
const row = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind, cells: fc.array(cell, { maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind, cells: fc.array(cell, { maxLength: 14 }), extra: fc.string() }) },
  { weight: 1, arbitrary: fc.record({ kind, cells: fc.constantFrom(Array.from({ length: 60 }, () => 1), Array.from({ length: 61 }, () => 1), 'abc', null) }) },
  { weight: 1, arbitrary: fc.constantFrom(null, [], 'row', { kind: 'data' }, { cells: [] }) },
);
const payload = fc.oneof(
  { weight: 8, arbitrary: fc.record({ exportId: fc.constantFrom('e1', '', 'x'.repeat(64), 'x'.repeat(65)), rows: fc.array(row, { maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ exportId: fc.constantFrom('e1', 7), rows: fc.array(row, { maxLength: 3 }), other: fc.string() }) },
  { weight: 1, arbitrary: fc.constantFrom(null, [], 'x', { exportId: 'e1' }, { rows: [] }, { exportId: 'e1', rows: 'none' }) },
);

describe('exportAppendRows arguments', () => {
  test('are accepted, copied and refused as the contract schema says', () => {
    let accepted = 0;
    fc.assert(
      fc.property(payload, (p) => {
        const checked = checkIpcArgs('exportAppendRows', p);
        const parsed = ipcContract.exportAppendRows.args.safeParse(p);
        expect(checked.ok).toBe(byZod(p));
        if (checked.ok && parsed.success) {
          accepted += 1;
          expect(checked.args).toStrictEqual(parsed.data);
        }
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300); // both answers were compared many times

  });

  test('a chunk and a cell at their size limits pass, one row or one character more is refused', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ kind: 'data', cells: [i, '2026-11-03', '内容', null] }));
    const ok = checkIpcArgs('exportAppendRows', { exportId: 'e1', rows });
    expect(ok.ok && ok.args.rows).toHaveLength(5000);
    const over = checkIpcArgs('exportAppendRows', { exportId: 'e1', rows: [...rows, rows[0]] });
    expect(over.ok).toBe(false);
    expect(!over.ok && over.message).toMatch(/rows/);
    // Excel's longest cell text passes; one character more is refused.
    const longest = checkIpcArgs('exportAppendRows', { exportId: 'e1', rows: [{ kind: 'data', cells: ['字'.repeat(32_767)] }] });
    expect(longest.ok).toBe(true);
    expect(checkIpcArgs('exportAppendRows', { exportId: 'e1', rows: [{ kind: 'data', cells: ['字'.repeat(32_768)] }] }).ok).toBe(false);
  });

  test('rows are copies: changing what was sent afterwards does not change what is written', () => {
    const sent = { exportId: 'e1', rows: [{ kind: 'data', cells: ['原文', 1] }] };
    const checked = checkIpcArgs('exportAppendRows', sent);
    sent.rows[0]!.cells[0] = '改过';
    expect(checked.ok && checked.args.rows[0]!.cells[0]).toBe('原文');
  });
});
