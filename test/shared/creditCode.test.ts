import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckCharacter, makeCreditCode } from '../../shared/creditCode';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('checkCreditCode', () => {
  // Check characters verified independently (weights 3^i mod 31, check = 31 − Σ mod 31):
  // 91350100M000100Y43 is the worked example of GB 32100-2015; the others are real-format codes.
  it.each(['91350100M000100Y43', '911100007109310534', '91440300192317458F', '11100000000013127D', '91320509MA1N2T3K4A'])(
    'accepts the valid code %s',
    (code) => {
      expect(checkCreditCode(code)).toEqual({ ok: true, code });
    },
  );

  it('computes the check character of the standard example', () => {
    // Σ value×weight for 91350100M000100Y4 ≡ 28 (mod 31), so the check is 31 − 28 = 3.
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('rejects a wrong check character and names the expected one', () => {
    // A code often quoted from memory; its check character is in fact A, not B.
    const result = checkCreditCode('91110000100000589B');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('校验码错误');
      expect(result.message).toContain('应为“A”');
    }
  });

  it.each([
    ['91320509MA1N2T3K4I', 18, 'I'],
    ['9132050OMA1N2T3K4A', 8, 'O'],
    ['91320509MA1N2Z3K4A', 14, 'Z'],
    ['91320509MS1N2T3K4A', 10, 'S'],
    ['91320509MA1N2T3V4A', 16, 'V'],
  ])('rejects %s: illegal character at position %i', (code, position, ch) => {
    const result = checkCreditCode(code);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) {
      expect(result.message).toContain(`第${position}位`);
      expect(result.message).toContain(`“${ch}”`);
      expect(result.message).toContain('非法字符');
    }
  });

  it('rejects a code that is one character short and says how long it is', () => {
    expect(checkCreditCode('91350100M000100Y4')).toEqual({ ok: false, message: '统一社会信用代码应为18位，当前为17位' });
    expect(checkCreditCode('   ')).toEqual({ ok: false, message: '统一社会信用代码不能为空' });
  });

  it('rejects an unknown registration department or category', () => {
    const badDepartment = checkCreditCode(makeCreditCode('B1320509MA1N2T3K4'));
    expect(badDepartment.ok || badDepartment.message).toContain('登记管理部门码');
    const badCategory = checkCreditCode(makeCreditCode('95320509MA1N2T3K4'));
    expect(badCategory.ok || badCategory.message).toContain('机构类别码');
  });

  it('rejects letters in the administrative-division part', () => {
    const result = checkCreditCode(makeCreditCode('9132A509MA1N2T3K4'));
    expect(result.ok || result.message).toContain('第5位应为数字');
  });

  it('accepts lower case, full-width characters and surrounding spaces after normalising', () => {
    expect(checkCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, code: '91350100M000100Y43' });
    expect(checkCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, code: '91350100M000100Y43' });
  });
});

const codeChar = fc.constantFrom(...ALPHABET);
const first17 = fc
  .tuple(
    fc.constantFrom('91', '92', '93', '12', '51', '52', '53'),
    fc.stringMatching(/^\d{6}$/),
    fc.array(codeChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([head, division, body]) => head + division + body.join(''));

describe('credit-code properties', () => {
  it('every generated code passes the check', () => {
    fc.assert(
      fc.property(first17, (prefix) => {
        const code = makeCreditCode(prefix);
        expect(checkCreditCode(code)).toEqual({ ok: true, code });
      }),
    );
  });

  it('any single-character change of a valid code fails', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), codeChar, (prefix, position, replacement) => {
        const code = makeCreditCode(prefix);
        fc.pre(code[position] !== replacement);
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(checkCreditCode(changed).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
