// One word for one thing across the screens and the exported reports, in the words of the notices:
// 逾期 (not 超期), 责任部门 (not 办理部门), 提交会商协调; and current department names.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDepartments } from '../../../shared/reference/departments';

const root = join(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Lines of the renderer and shared code that use `word`, as "file:line". */
function uses(word: RegExp): string[] {
  return [join(root, 'renderer/src'), join(root, 'shared')].flatMap(sourceFiles).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (word.test(line) ? [`${file.slice(root.length + 1)}:${i + 1}`] : [])),
  );
}

describe('consistent words', () => {
  it('says 逾期, never 超期', () => {
    expect(uses(/超期/)).toEqual([]);
  });

  it('says 责任部门, never 办理部门', () => {
    expect(uses(/办理部门/)).toEqual([]);
  });

  it('says 提交会商协调 as the notices do, not 需会商协调 or 会商解决', () => {
    expect(uses(/需会商协调|会商解决|提交会商(?!协调)/)).toEqual([]);
  });
});

describe('department names', () => {
  it('offers the financial regulator under its name since the 2023 reform', () => {
    expect(defaultDepartments.filter((d) => d.includes('银保监'))).toEqual([]);
    expect(defaultDepartments).toContain('吴江金融监管支局');
  });
});
