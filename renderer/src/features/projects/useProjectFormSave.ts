// The save step of the project modals: run the store call, and put a refused rule back at the form
// fields it names (or in a message when no field shows it) instead of closing, so nothing typed is
// lost. Any other failure (a full disk, a closed database) reads "保存失败：…".
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { ProjectRuleError } from '../../../../shared/projects/projectRuleError';
import { describeError } from '../../db/storageErrors';

export function useProjectFormSave<Values>(form: FormInstance<Values>, fields: readonly string[]) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);

  async function save(run: (values: Values) => Promise<void>) {
    setSaving(true);
    try {
      await run(form.getFieldsValue(true) as Values);
    } catch (error) {
      if (!(error instanceof ProjectRuleError)) {
        message.error(`保存失败：${describeError(error)}`);
        return;
      }
      const onFields = error.issues.filter((issue) => fields.includes(issue.field));
      (form as FormInstance).setFields(onFields.map((issue) => ({ name: issue.field, errors: [issue.message] })));
      const elsewhere = error.issues.filter((issue) => !fields.includes(issue.field));
      if (elsewhere.length > 0) message.error(`保存失败：${elsewhere.map((issue) => issue.message).join('；')}`);
    } finally {
      setSaving(false);
    }
  }

  return { saving, save };
}
