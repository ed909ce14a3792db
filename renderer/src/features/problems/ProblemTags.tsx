// The small labels a problem carries in lists and on its page: status, deadline state, complaint.
import { Space, Tag, Tooltip } from 'antd';
import type { Problem, ProblemStatus } from '../../../../shared/domain/records';
import { PROVISIONAL_MARK } from '../../../../shared/problems/problemDeadline';
import type { ProblemTimeliness } from '../../../../shared/problems/problemTimeliness';

const statusColors: Record<ProblemStatus, string> = {
  待处理: 'gold',
  已转办: 'blue',
  已答复: 'cyan',
  已办结: 'green',
  已升级: 'magenta',
};

export function StatusTag({ status }: { status: ProblemStatus }) {
  return <Tag color={statusColors[status]}>{status}</Tag>;
}

/** The deadline with what it means today: 逾期 N 天, 即将到期, 逾期答复, 按期答复. */
export function DeadlineCell({ problem, timeliness }: { problem: Problem; timeliness: ProblemTimeliness }) {
  const t = timeliness;
  return (
    <Space size={4} wrap>
      <span>{t.deadline ?? '—'}</span>
      {problem.replyDeadlineProvisional && (
        <Tooltip title={`${(t.deadline ?? '').slice(0, 4)} 年节假日安排尚未录入，期限暂按周一至周五推算；录入后自动重新计算`}>
          <Tag color="default">{PROVISIONAL_MARK}</Tag>
        </Tooltip>
      )}
      {t.overdue && <Tag color="red">逾期 {t.daysLate} 天</Tag>}
      {t.dueSoon && <Tag color="orange">即将到期</Tag>}
      {t.answeredLate && <Tag color="volcano">逾期答复 {t.daysLate} 天</Tag>}
      {t.answered && !t.answeredLate && <Tag color="green">按期答复</Tag>}
      {t.transferLate && (
        <Tooltip title={problem.transferDate ? `提出 ${problem.raisedDate}，转办 ${problem.transferDate}` : '应在提出当日转办'}>
          <Tag color="purple">转办超时</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

export function ComplaintTag({ problem }: { problem: Pick<Problem, 'isComplaint'> }) {
  return problem.isComplaint ? <Tag color="red">投诉</Tag> : null;
}
