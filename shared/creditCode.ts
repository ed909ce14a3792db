// Unified social credit code (统一社会信用代码), GB 32100-2015. 18 characters:
//   1 登记管理部门码 · 2 机构类别码 · 3–8 登记管理机关行政区划码 · 9–17 主体标识码 · 18 校验码.
// The code alphabet is 0-9 and the capital letters without I, O, Z, S, V (31 characters, easily
// confused ones left out); the check character makes the weighted sum ≡ 0 (mod 31).
export type CreditCodeCheck = { ok: true; code: string } | { ok: false; message: string };

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const VALUE = new Map<string, number>([...ALPHABET].map((ch, i) => [ch, i]));
/** Weight of position i (0-based) is 3^i mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * 登记管理部门码 → the 机构类别码 it allows (GB 32100-2015 Appendix A with the codes added since:
 * 外交、司法行政、文化、旅游、宗教、工会、中央军委改革和编制办公室、农业). Enterprises are 91, 个体户 92.
 */
const CATEGORIES_BY_DEPARTMENT: Readonly<Record<string, { name: string; categories: string }>> = {
  '1': { name: '机构编制', categories: '1239' },
  '2': { name: '外交', categories: '19' },
  '3': { name: '司法行政', categories: '123459' },
  '4': { name: '文化', categories: '19' },
  '5': { name: '民政', categories: '1239' },
  '6': { name: '旅游', categories: '129' },
  '7': { name: '宗教', categories: '129' },
  '8': { name: '工会', categories: '19' },
  '9': { name: '工商', categories: '123' },
  A: { name: '中央军委改革和编制办公室', categories: '19' },
  N: { name: '农业', categories: '1239' },
  Y: { name: '其他', categories: '1' },
};

/** Full-width ASCII (Ａ, １, full-width space) → half-width, as an IME often types them. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The form a code is stored and compared in: trimmed, half-width, upper case, inner spaces removed. */
export function normalizeCreditCode(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
}

/** The 18th character for the first 17 (which must already be valid code characters). */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error(`creditCodeCheckCharacter needs 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = VALUE.get(first17[i]!);
    if (value === undefined) throw new Error(`not a credit-code character: ${first17[i]} at ${i + 1}`);
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** The full 18-character code for 17 given characters (for generators and tests). */
export function makeCreditCode(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}

const describeChar = (ch: string): string => (ch === ' ' ? '空格' : `“${ch}”`);

/** Normalises (trim, upper case, full-width to half-width) and checks a unified social credit code. */
export function checkCreditCode(input: string): CreditCodeCheck {
  const code = normalizeCreditCode(input);
  if (code.length === 0) return { ok: false, message: '统一社会信用代码不能为空' };
  const chars = [...code];
  if (chars.length !== 18) {
    return { ok: false, message: `统一社会信用代码应为18位，当前为${chars.length}位` };
  }
  for (let i = 0; i < 18; i++) {
    const ch = chars[i]!;
    if (!VALUE.has(ch)) {
      const hint = /[IOZSV]/.test(ch) ? '（代码不使用字母 I、O、Z、S、V）' : '';
      return { ok: false, message: `统一社会信用代码第${i + 1}位含非法字符${describeChar(ch)}${hint}` };
    }
  }
  const department = CATEGORIES_BY_DEPARTMENT[chars[0]!];
  if (!department) {
    return { ok: false, message: `统一社会信用代码第1位（登记管理部门码）“${chars[0]}”无效` };
  }
  if (!department.categories.includes(chars[1]!)) {
    return {
      ok: false,
      message: `统一社会信用代码第2位（机构类别码）“${chars[1]}”对${department.name}登记（第1位为“${chars[0]}”）无效`,
    };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    const index = [...code.slice(2, 8)].findIndex((ch) => !/\d/.test(ch));
    return {
      ok: false,
      message: `统一社会信用代码第${index + 3}位应为数字（第3–8位是登记管理机关行政区划码）`,
    };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== chars[17]) {
    return {
      ok: false,
      message: `统一社会信用代码校验码错误：第18位应为“${expected}”，实为“${chars[17]}”，请核对是否有字符录错`,
    };
  }
  return { ok: true, code };
}
