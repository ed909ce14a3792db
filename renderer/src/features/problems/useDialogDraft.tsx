// Drafts of the long-text dialogs (a problem's reply, a reopening's reason, a project's monthly
// progress, an enterprise's 经营数据), kept in the same drafts table as the visit form: what the officer typed survives a
// reload or a closed window and is put back when the dialog opens again. Deleted on save, or when
// the officer discards it.
import { Alert, Button, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { describeError } from '../../../../shared/errors/describeError';
import { loadDraft } from '../visits/draftStore';
import { useDraftAutosave } from '../visits/useDraftAutosave';

export const dialogDraftKey = {
  problemAnswer: (problemId: string) => `problem-answer:${problemId}`,
  problemReopen: (problemId: string) => `problem-reopen:${problemId}`,
  projectProgress: (projectId: string) => `project-progress:${projectId}`,
  operations: (enterpriseId: string) => `operations:${enterpriseId}`,
};

interface DialogDraftData {
  values: Record<string, unknown>;
}

function isDialogDraftData(data: unknown): data is DialogDraftData {
  return typeof data === 'object' && data !== null && typeof (data as DialogDraftData).values === 'object';
}

/** Only the dialog's own fields, with plain values (a stale or foreign draft puts nothing odd in). */
function pick(values: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) {
      picked[field] = value;
    }
  }
  return picked;
}

export interface DialogDraft {
  /** Call from the form's onValuesChange. */
  changed(): void;
  /** Saved or given up: stop saving and delete the stored draft. */
  discard(): Promise<void>;
  /** A draft was put back into the form on opening (the dialog then holds unsaved text). */
  restored: boolean;
  /** The line that says a draft was put back (with 丢弃草稿), or nothing. */
  notice: ReactNode;
  /** The line that says drafts are kept, or loudly that one could not be. */
  status: ReactNode;
}

/**
 * `key` undefined: the dialog keeps no draft. `fields`: the form fields kept. `reset` puts the
 * opening values back when the officer discards a restored draft.
 */
export function useDialogDraft(
  form: FormInstance,
  key: string | undefined,
  fields: readonly string[],
  reset: () => void,
): DialogDraft {
  const [restoredAt, setRestoredAt] = useState<string>();
  const read = useCallback(
    (): DialogDraftData => ({ values: pick(form.getFieldsValue(true) as Record<string, unknown>, fields) }),
    [form, fields],
  );
  const autosave = useDraftAutosave(key ?? 'dialog:none', read, key !== undefined);

  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    void loadDraft(key).then(
      (draft) => {
        // Typing that began before the draft was read wins over the draft.
        if (!current || !draft || !isDialogDraftData(draft.data) || form.isFieldsTouched()) return;
        form.setFieldsValue(pick(draft.data.values, fields));
        setRestoredAt(draft.updatedAt);
      },
      () => undefined, // no draft to offer is no reason to stop the officer typing
    );
    return () => {
      current = false;
    };
  }, [key, form, fields]);

  const discard = useCallback(async () => {
    setRestoredAt(undefined);
    if (key !== undefined) await autosave.discard();
  }, [key, autosave]);

  if (key === undefined) {
    return { changed: () => undefined, discard, restored: false, notice: null, status: null };
  }

  const notice = restoredAt ? (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={`已恢复未保存的草稿（${dayjs(restoredAt).format('YYYY-MM-DD HH:mm')}）`}
      action={
        <Button
          size="small"
          onClick={() => {
            reset();
            void discard();
          }}
        >
          丢弃草稿
        </Button>
      }
    />
  ) : null;

  const outcome = autosave.outcome;
  const status =
    outcome && !outcome.saved ? (
      <Alert type="error" showIcon role="alert" title={`草稿未能保存：${describeError(outcome.error)}请先保存，不要关闭此窗口。`} />
    ) : (
      <Typography.Text type="secondary">
        填写内容会自动存为草稿{outcome ? `（${dayjs(outcome.at).format('HH:mm:ss')} 已存）` : ''}
      </Typography.Text>
    );

  return { changed: autosave.changed, discard, restored: restoredAt !== undefined, notice, status };
}
