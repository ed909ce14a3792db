// STUB (signatures fixed; the reference-data helper implements GB 32100-2015).
export type CreditCodeCheck = { ok: true; code: string } | { ok: false; message: string };

/** Normalises (trim, upper case, full-width to half-width) and checks a unified social credit code. */
export function checkCreditCode(input: string): CreditCodeCheck {
  const code = input.trim().toUpperCase();
  return code.length === 18 ? { ok: true, code } : { ok: false, message: '统一社会信用代码应为18位' };
}
