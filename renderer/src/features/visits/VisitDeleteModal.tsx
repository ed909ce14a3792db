// 删除走访: the confirm lists the problems raised in the visit and makes the officer choose what
// happens to them — kept as problems of the enterprise (still handled in 问题诉求), or deleted too.
// Either way the visit is a tombstone that 回收站 can bring back (with the problems deleted with it).
import { isOpenProblemStatus } from '../../../../shared/problems/problemTransitions';
import { Alert, App, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Problem, Visit } from '../../../../shared/domain/records';
import { describeError } from '../../../../shared/errors/describeError';
import { deleteVisit, type VisitProblemsOnDelete } from './visitRepo';


export function VisitDeleteModal({
  visit,
  problems,
  open,
  onClose,
  onDeleted,
}: {
  visit: Visit;
  problems: Problem[];
  open: boolean;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { message } = App.useApp();
  // Keeping is the default: deleting problems an enterprise raised must be a choice.
  const [choice, setChoice] = useState<VisitProblemsOnDelete>('keep');
  const [busy, setBusy] = useState(false);
  const openCount = problems.filter((p) => isOpenProblemStatus(p.status)).length;

  const remove = async () => {
    setBusy(true);
    try {
      const outcome = await deleteVisit(visit.id, problems.length > 0 ? choice : 'keep');
      message.success(
        outcome.deletedProblems > 0
          ? `走访已删除，随之删除问题 ${outcome.deletedProblems} 个（可在回收站恢复）`
          : outcome.keptProblems > 0
            ? `走访已删除，${outcome.keptProblems} 个问题保留为企业的问题（可在回收站恢复走访）`
            : '走访已删除（可在回收站恢复）',
      );
      onDeleted();
    } catch (error) {
      message.error(`删除失败：${describeError(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`删除 ${visit.date} 的走访？`}
      okText="删除走访"
      okButtonProps={{ danger: true, loading: busy }}
      cancelText="取消"
      onOk={() => void remove()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>删除后该走访不再出现在企业的时间线和报表中；30 天内可在“回收站”恢复。</Typography.Paragraph>
      {problems.length > 0 ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`本次走访登记了 ${problems.length} 个问题${openCount > 0 ? `，其中 ${openCount} 个尚未办结` : ''}：`}
            description={
              <ul aria-label="本次走访登记的问题" style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={p.id}>
                    【{p.status}】{p.category}：{p.description}
                  </li>
                ))}
              </ul>
            }
          />
          <Radio.Group
            aria-label="这些问题如何处理"
            value={choice}
            onChange={(e) => setChoice(e.target.value as VisitProblemsOnDelete)}
          >
            <Space orientation="vertical">
              <Radio value="keep">保留这些问题，作为该企业的问题继续办理</Radio>
              <Radio value="delete">连同这些问题一起删除</Radio>
            </Space>
          </Radio.Group>
        </>
      ) : null}
    </Modal>
  );
}
