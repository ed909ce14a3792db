// Shows a ProblemRuleError at the form fields it names; what no field shows is returned for an
// alert above the form, so every message reaches the officer.
import type { FormInstance } from 'antd';
import { ProblemRuleError } from '../../../../shared/problems/problemWorkflow';

export function showRuleError(form: FormInstance, error: unknown, fields: readonly string[]): string[] {
  if (!(error instanceof ProblemRuleError)) {
    return [error instanceof Error ? `保存失败：${error.message}` : '保存失败'];
  }
  const leftover: string[] = [];
  const onFields = new Map<string, string[]>();
  for (const issue of error.issues) {
    if (fields.includes(issue.field)) onFields.set(issue.field, [...(onFields.get(issue.field) ?? []), issue.message]);
    else leftover.push(issue.message);
  }
  form.setFields([...onFields].map(([name, errors]) => ({ name, errors })));
  return leftover;
}
