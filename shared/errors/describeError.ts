// What the officer reads when something fails: a refused rule, or a write or read of the local
// database. Pure (it reads error names only), so every layer — shared code, repositories, screens —
// uses the one translator. The browser's own texts
// ("QuotaExceededError: The quota has been exceeded.") are English and say nothing about what to do,
// so the failures an officer can meet on a laptop — a full disk, a database another window holds
// open, a newer app's database — get a Chinese sentence; anything else keeps its own message.
import { ZodError } from 'zod';

/** The error names IndexedDB and Dexie use for "no room left". */
const quotaNames = new Set(['QuotaExceededError', 'QuotaExceeded']);

interface NamedError {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
}

/** The error and the ones it wraps (Dexie puts the IndexedDB error in `inner`). */
function chain(error: unknown): NamedError[] {
  const found: NamedError[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && found.length < 5) {
    const e = current as NamedError;
    found.push(e);
    current = e.inner ?? e.cause;
  }
  return found;
}

export function isDiskFull(error: unknown): boolean {
  return chain(error).some(
    (e) => (typeof e.name === 'string' && quotaNames.has(e.name)) || (typeof e.message === 'string' && /quota/i.test(e.message)),
  );
}

export const diskFullMessage = '本机磁盘空间不足，未能写入。已保存的数据没有改动；请清理磁盘空间后重试。';

/** One Chinese line for a failure, without a prefix (callers say what failed: "保存失败：…"). */
export function describeError(error: unknown): string {
  if (isDiskFull(error)) return diskFullMessage;
  const names = chain(error).map((e) => e.name);
  if (names.includes('VersionError')) {
    return '本机数据库由更新版本的台账创建，当前版本无法打开。请安装最新版本后再打开。';
  }
  if (names.includes('DatabaseClosedError') || names.includes('InvalidStateError')) {
    return '本机数据库已关闭（可能在另一个窗口中升级）。请重新打开程序后再试。';
  }
  if (error instanceof ZodError) {
    // The schemas carry Chinese messages that name the field; the path is code, not for the officer.
    return error.issues[0]?.message ?? '数据格式有误';
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
