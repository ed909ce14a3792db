// Shows a ProblemRuleError at the form fields it names; what no field shows is returned for an
// alert above the form, so every message reaches the officer.
import { Alert, type FormInstance } from 'antd';
import { useState } from 'react';
import { ProblemRuleError } from '../../../../shared/problems/problemWorkflow';
import { describeError } from '../../db/storageErrors';

export function showRuleError(form: FormInstance, error: unknown, fields: readonly string[]): string[] {
  if (!(error instanceof ProblemRuleError)) {
    return [`保存失败：${describeError(error)}`];
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

/**
 * The save step every problem modal shares: validate the form, run the store call, and put a
 * refused rule back on the fields (or above the form) instead of closing, so nothing typed is lost.
 */
export function useRuleFormSave<Values>(form: FormInstance<Values>) {
  const [saving, setSaving] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  async function save(fields: readonly string[], run: (values: Values) => Promise<void>) {
    setFormErrors([]);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd already shows the failed rules at their fields
    }
    setSaving(true);
    try {
      await run(values);
    } catch (error) {
      setFormErrors(showRuleError(form, error, fields));
    } finally {
      setSaving(false);
    }
  }

  const errorAlert =
    formErrors.length > 0 ? <Alert type="error" showIcon title={formErrors.join('；')} style={{ marginBottom: 12 }} /> : null;

  return { saving, save, errorAlert, clearErrors: () => setFormErrors([]) };
}
