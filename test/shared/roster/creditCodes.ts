// Valid unified social credit codes for test rosters (GB 32100-2015 check digit), made here so the
// tests do not depend on the code under test to produce their inputs.
const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function withCheckDigit(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + charset.indexOf(ch) * weights[i]!, 0);
  const check = (31 - (sum % 31)) % 31;
  return first17 + charset[check];
}

/** The n-th valid code of a family: 91320509 + 9 digits/letters from n. */
export function validCreditCode(n: number): string {
  return withCheckDigit(`91320509MA${n.toString().padStart(7, '0')}`);
}

/** The same code with a wrong last character. */
export function badCheckDigit(code: string): string {
  const last = code.at(-1)!;
  return code.slice(0, 17) + (last === '0' ? '1' : '0');
}
