// What every record page does about deletion: ask before marking a record deleted (a tombstone; what
// hangs off it is kept), say so and leave for the list, or say why it failed and stay; and show a
// page for a record that is gone (deleted here or on a merged laptop, or a stale link).
import { Alert, App, Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../../shared/errors/describeError';

/** What every deletion tells the officer (回收站 lists a tombstone for 30 days: recycleBinRepo). */
export const restorableFromRecycleBin = '30 天内可在回收站恢复';

export interface DeletionWording {
  /** 企业, 项目 … */
  noun: string;
  /** What the officer will no longer see, and what is kept. */
  consequence: string;
  /** The list to go back to, and its name (返回企业名录). */
  listPath: string;
  listName: string;
}

/**
 * A confirm dialog that tombstones the record with `remove` and goes back to the list. `warning`
 * names what the officer must know first (an enterprise's open problems), above the consequence.
 */
export function useConfirmDeletion({ noun, consequence, listPath }: DeletionWording) {
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  return (name: string, remove: () => Promise<unknown>, warning?: ReactNode) =>
    modal.confirm({
      title: `删除${noun}“${name}”？`,
      content: warning ? (
        <>
          <Alert type="warning" showIcon title={warning} style={{ marginBottom: 8 }} />
          {consequence}
        </>
      ) : (
        consequence
      ),
      okText: `删除${noun}`,
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove();
        } catch (error) {
          message.error(`删除失败：${describeError(error)}`);
          return;
        }
        message.success(`${noun}已删除（${restorableFromRecycleBin}）`);
        navigate(listPath);
      },
    });
}

/** The page for a record that does not exist or was deleted. */
export function RecordGone({ noun, listPath, listName, deleted }: DeletionWording & { deleted: boolean }) {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={`找不到该${noun}`}
      subTitle={deleted ? `该${noun}已被删除。` : `${noun}不存在或已被删除。`}
      extra={<Button onClick={() => navigate(listPath)}>{listName}</Button>}
    />
  );
}
