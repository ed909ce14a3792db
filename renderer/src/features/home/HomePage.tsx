// The first screen: the officer's problems that are due within 2 working days or already overdue
// (all officers' when no name is set in the settings), so nothing slips under 首问负责制, and the
// service-plan actions (一企一策) that are late or due soon.
// An empty database shows the start screen instead (import a roster or load demo data).
import { Button, Card, Col, Empty, Flex, Row, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useNavigate } from 'react-router-dom';
import { problemTimeliness } from '../../../../shared/problems/problemTimeliness';
import { EmptyStart } from '../demo/EmptyStart';
import { ProblemCountsBar } from '../problems/ProblemCountsBar';
import { dueList, homeDueRows, problemCountsOf, type DueList, type ProblemRow } from '../problems/problemRepo';
import { today as todayInShanghai } from '../../../../shared/calendar/shanghaiDate';
import { DeadlineCell, StatusTag } from '../problems/ProblemTags';
import { useRememberedCounts } from '../problems/rememberedCounts';
import { DuePlanList } from '../servicePlan/DuePlanList';
import { useSettings } from '../../db/settingsStore';
import { hasStoredEnterprises } from '../enterprises/enterpriseRepo';
import { SupervisionSummary } from '../meetings/SupervisionSummary';

export function HomePage() {
  const settings = useSettings();
  const navigate = useNavigate();
  const hasEnterprises = useLiveQuery(() => hasStoredEnterprises(), []);
  const today = todayInShanghai();
  const officer = settings?.officerName.trim() ?? '';
  const overrides = settings?.calendarOverrides;
  const overridesKey = JSON.stringify(overrides ?? null);
  // Each reads only what it shows: the two lists their first rows by deadline index, the counts the
  // officer's tally and a few index ranges (problemRepo), so none waits behind another.
  const overdue = useLiveQuery(() => (overrides ? dueList('overdue', officer, today, overrides) : undefined), [officer, today, overridesKey]);
  const dueSoon = useLiveQuery(() => (overrides ? dueList('dueSoon', officer, today, overrides) : undefined), [officer, today, overridesKey]);
  const countsKey = `home|${officer}|${today}|${overridesKey}`;
  const fresh = useLiveQuery(
    async () => (overrides ? { key: countsKey, counts: await problemCountsOf(officer || undefined, today, overrides) } : undefined),
    [countsKey],
  );
  const { counts, stale: countsStale } = useRememberedCounts(countsKey, fresh?.key === countsKey ? fresh.counts : undefined);

  if (hasEnterprises === undefined || settings === undefined) return <Spin />;
  if (!hasEnterprises) return <EmptyStart />;

  const columns: ColumnsType<ProblemRow> = [
    {
      title: '企业',
      key: 'enterprise',
      render: (_, r) => <Link to={`/problems/${r.problem.id}`}>{r.enterpriseName}</Link>,
    },
    { title: '问题', key: 'description', ellipsis: true, render: (_, r) => r.problem.description },
    {
      title: '答复期限',
      key: 'deadline',
      width: 220,
      render: (_, r) => <DeadlineCell problem={r.problem} timeliness={problemTimeliness(r.problem, today, overrides)} />,
    },
    { title: '状态', key: 'status', width: 100, render: (_, r) => <StatusTag status={r.problem.status} /> },
  ];
  const listLink = (tab: string) => `/problems?tab=${tab}${officer ? `&officer=${encodeURIComponent(officer)}` : ''}`;

  const card = (title: string, tab: string, list: DueList | undefined, empty: string) => {
    const rows = list?.rows;
    return (
    <Card
      title={`${title}（${list?.total ?? '…'}）`}
      extra={<Link to={listLink(tab)}>在问题列表中查看</Link>}
      size="small"
      styles={{ body: { padding: 0 } }}
    >
      <Table<ProblemRow>
        rowKey={(r) => r.problem.id}
        size="small"
        columns={columns}
        dataSource={rows ?? []}
        loading={rows === undefined}
        pagination={rows && rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        onRow={(r) => ({ onClick: () => navigate(`/problems/${r.problem.id}`), style: { cursor: 'pointer' } })}
        footer={
          list && list.total > rows!.length
            ? () => <Link to={listLink(tab)}>{`此处列出到期最早的 ${homeDueRows} 个，全部 ${list.total} 个请在问题列表中查看`}</Link>
            : undefined
        }
      />
    </Card>
    );
  };

  return (
    <div>
      <Flex justify="space-between" align="baseline" wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {officer ? `${officer}，今天是 ${today}` : `今天是 ${today}`}
        </Typography.Title>
        <Typography.Text type="secondary">
          {officer ? '以下是您首问负责的问题' : '尚未在设置中填写姓名，以下是全部人员的问题'}
        </Typography.Text>
      </Flex>
      <ProblemCountsBar counts={counts} stale={countsStale} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          {card('已逾期', 'overdue', overdue, '没有逾期未答复的问题')}
        </Col>
        <Col xs={24} xl={12}>
          {card('两个工作日内到期', 'dueSoon', dueSoon, '两个工作日内没有到期的问题')}
        </Col>
      </Row>
      {/* 一企一策 actions late or due soon belong with the due problems: both are promises to the enterprise. */}
      <div style={{ marginTop: 16 }}>
        <DuePlanList officer={officer} today={today} />
      </div>
      {/* 亮灯督办 (issue 16): the meeting decisions still open, by light. */}
      <div style={{ marginTop: 16 }}>
        <SupervisionSummary settings={settings} today={today} />
      </div>
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button onClick={() => navigate('/problems')}>全部问题</Button>
        <Button onClick={() => navigate('/enterprises')}>企业名录</Button>
      </Flex>
    </div>
  );
}
