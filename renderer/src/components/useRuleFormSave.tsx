// The one save step of every form: validate, run the store call, and put a refused rule (RuleError)
// back at the fields it names — any form, any field path, found among the fields the form shows —
// with what no field shows in an alert above the form; any other failure (a full disk, a closed
// database) reads 「保存失败：…」 there too. The dialog stays open, so nothing typed is lost.
import { Alert, type FormInstance } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../shared/errors/describeError';
import { fieldPathText, placeRuleIssues, RuleError } from '../../../shared/errors/ruleError';

/** The dotted paths of every field the form shows now (Form.List rows included). */
function fieldsShownBy(form: FormInstance): Set<string> {
  return new Set(form.getFieldsError().map((field) => fieldPathText(field.name)));
}

/** antd's name for a dotted path: list indexes as numbers. */
function namePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows an error at the form: a RuleError's issues at their fields (on a long page, `scroll` brings
 * the first one into view; a dialog is small and keeps still); returns the messages no field shows,
 * for the alert above the form.
 */
export function showErrorOnForm(form: FormInstance, error: unknown, { scroll = false } = {}): string[] {
  if (!(error instanceof RuleError)) return [`保存失败：${describeError(error)}`];
  const { atFields, aboveForm } = placeRuleIssues(error.issues, fieldsShownBy(form));
  form.setFields([...atFields].map(([field, errors]) => ({ name: namePath(field), errors })));
  const first = [...atFields.keys()][0];
  if (scroll && first !== undefined) form.scrollToField(namePath(first));
  return aboveForm;
}

export function useRuleFormSave<Values>(form: FormInstance<Values>) {
  const [saving, setSaving] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  /** Runs `run` with the form's values; false when a rule or a failure stopped it (shown on the form). */
  async function save(run: (values: Values) => Promise<void>): Promise<boolean> {
    setFormErrors([]);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return false; // antd already shows the failed rules at their fields
    }
    setSaving(true);
    try {
      await run({ ...(form.getFieldsValue(true) as Values), ...values });
      return true;
    } catch (error) {
      setFormErrors(showErrorOnForm(form as FormInstance, error));
      return false;
    } finally {
      setSaving(false);
    }
  }

  const errorAlert =
    formErrors.length > 0 ? <Alert type="error" showIcon title={formErrors.join('；')} style={{ marginBottom: 12 }} /> : null;

  return { saving, save, errorAlert, formErrors, clearErrors: () => setFormErrors([]) };
}
