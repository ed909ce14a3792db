// The officer's due list of service-plan actions (一企一策): late and soon-due actions of the
// enterprises in scope, each with a button to mark it done.
import { App as AntApp, Button, Card, Table, Tag } from 'antd';
import { useLiveData } from '../../components/useLiveData';
import { Link } from 'react-router-dom';
import { planDueSoonDays } from '../../../../shared/servicePlan/planActionState';
import { describeError } from '../../../../shared/errors/describeError';
import { loadDuePlanActions, type DuePlanAction } from '../review/reviewData';
import { markPlanActionDone } from './servicePlanRepo';

export function DuePlanList({ officer, today }: { officer: string; today: string }) {
  const { message } = AntApp.useApp();
  // Live: marking an action done (here or on the enterprise page) updates the list by itself.
  const { value: actions } = useLiveData(() => loadDuePlanActions({ officer, today }), [officer, today]);

  if (!actions || actions.length === 0) return null;
  return (
    <Card size="small" title={`到期的服务措施（一企一策，已逾期或 ${planDueSoonDays} 天内到期）：${actions.length} 项`} style={{ marginBottom: 8 }}>
      <Table
        size="small"
        rowKey="id"
        aria-label="到期的服务措施"
        dataSource={actions}
        pagination={actions.length > 5 ? { pageSize: 5, showSizeChanger: false } : false}
        columns={[
          { title: '企业', render: (_: unknown, a: DuePlanAction) => <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link> },
          { title: '需求', dataIndex: 'need', ellipsis: true },
          { title: '措施', dataIndex: 'action', ellipsis: true },
          { title: '责任人', dataIndex: 'owner', width: 90 },
          { title: '完成时限', dataIndex: 'dueDate', width: 110 },
          {
            title: '状态',
            width: 90,
            render: (_: unknown, a: DuePlanAction) => <Tag color={a.state === '已逾期' ? 'red' : 'gold'}>{a.state}</Tag>,
          },
          {
            title: '',
            width: 90,
            render: (_: unknown, a: DuePlanAction) => (
              <Button
                size="small"
                onClick={async () => {
                  try {
                    await markPlanActionDone(a.id, today);
                    message.success('已标记完成');
                  } catch (error) {
                    message.error(`保存失败：${describeError(error)}`);
                  }
                }}
              >
                完成
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
