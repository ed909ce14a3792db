// One problem: every field, the reply deadline with what it means today, the actions its status
// allows (each a small form), and the history of every change (who, when, from → to, comment).
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Flex, Space, Spin, Timeline, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Problem, ProblemHistoryEntry } from '../../../../shared/domain/records';
import { confirmedYears } from '../../../../shared/calendar/yearSchedule';
import { replyDeadlineChecked, uncertainDeadlineMessage } from '../../../../shared/problems/problemDeadline';
import { problemTimeliness } from '../../../../shared/problems/problemTimeliness';
import { availableProblemActions } from '../../../../shared/problems/problemWorkflow';
import { actionTitles, ProblemActionModal, type ProblemAction } from './ProblemActionModal';
import { today as todayInShanghai } from '../../../../shared/calendar/shanghaiDate';
import { ComplaintTag, DeadlineCell, StatusTag } from './ProblemTags';
import { useSettings } from '../../db/settingsStore';
import { loadProblemWithSources } from './problemRepo';
import { shanghaiDateTime } from '../../../../shared/calendar/shanghaiDate';

function HistoryItem({ entry }: { entry: ProblemHistoryEntry }) {
  return (
    <div>
      <Typography.Text strong>{entry.from && entry.from !== entry.to ? `${entry.from} → ${entry.to}` : entry.to}</Typography.Text>
      <Typography.Text type="secondary">
        {' '}
        · {entry.by} · {shanghaiDateTime(entry.at)}
      </Typography.Text>
      {entry.comment && <div>{entry.comment}</div>}
      {entry.previousReply && (
        <div style={{ marginTop: 4, padding: '4px 8px', background: '#fafafa', borderLeft: '3px solid #d9d9d9' }}>
          <Typography.Text type="secondary">原答复（{entry.previousReply.date ?? '无日期'}）：</Typography.Text>
          {/* The reply's own closing full stop is dropped before the ；that follows it. */}
          {entry.previousReply.satisfaction ? entry.previousReply.content.replace(/[。.；;]\s*$/, '') || '（无内容）' : entry.previousReply.content || '（无内容）'}
          {entry.previousReply.satisfaction && (
            <Typography.Text type="secondary">；企业评价：{entry.previousReply.satisfaction}</Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}

export function ProblemDetailPage() {
  const { problemId = '' } = useParams();
  const navigate = useNavigate();
  const settings = useSettings();
  const [action, setAction] = useState<ProblemAction | undefined>();
  const loaded = useLiveQuery(() => loadProblemWithSources(problemId), [problemId]);

  if (loaded === undefined || settings === undefined) return <Spin />;
  const { problem } = loaded;
  if (!problem || problem.deletedAt) {
    return (
      <Empty description="该问题不存在或已删除">
        <Button onClick={() => navigate('/problems')}>返回问题列表</Button>
      </Empty>
    );
  }
  const overrides = settings.calendarOverrides;
  const today = todayInShanghai();
  const t = problemTimeliness(problem, today, overrides);
  // Shown beside the stored deadline when today's calendar (e.g. a day override added since) differs.
  const recomputed = replyDeadlineChecked(problem, overrides, confirmedYears(settings.calendarYears));
  const actions = availableProblemActions(problem);
  const { enterprise, visit, project, activity } = loaded;

  const buttons: { key: ProblemAction; primary?: boolean; show: boolean }[] = [
    { key: 'transfer', show: actions.transfer },
    { key: 'answer', primary: true, show: actions.answer },
    { key: 'satisfaction', show: actions.satisfaction },
    { key: 'close', show: actions.close },
    { key: 'escalate', show: actions.escalate },
    { key: 'rectify', show: actions.rectify },
    { key: 'reopen', show: actions.reopen },
    { key: 'dates', show: problem.status !== '已办结' },
    { key: 'details', show: true },
  ];

  const field = (label: string, value: ReactNode) => ({ label, children: value ?? '—' });
  const p: Problem = problem;

  return (
    <div>
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label="返回" />
        <Typography.Title level={4} style={{ margin: 0 }}>
          问题详情
        </Typography.Title>
        <StatusTag status={p.status} />
        <ComplaintTag problem={p} />
      </Flex>
      <Typography.Paragraph style={{ fontSize: 16 }}>{p.description}</Typography.Paragraph>

      {problem.replyDeadlineProvisional && t.deadline && (
        <Alert type="warning" showIcon title={uncertainDeadlineMessage(t.deadline)} style={{ marginBottom: 12 }} />
      )}

      <Space wrap style={{ marginBottom: 16 }}>
        {buttons
          .filter((b) => b.show)
          .map((b) => (
            <Button key={b.key} type={b.primary ? 'primary' : 'default'} onClick={() => setAction(b.key)}>
              {actionTitles[b.key]}
            </Button>
          ))}
      </Space>

      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          field(
            '企业',
            enterprise ? <Link to={`/enterprises/${enterprise.id}`}>{enterprise.name}</Link> : '（企业已删除）',
          ),
          field('所属区镇', enterprise?.town),
          field('提出日期', p.raisedDate),
          field('问题类别', p.category),
          field('企业诉求', p.request || '—'),
          field('首问责任人', p.officer || '—'),
          field(
            '来源',
            visit ? (
              `走访（${visit.date}）`
            ) : activity ? (
              <Link to={`/activities/${activity.id}`}>{`${activity.type}（${activity.date}）：${activity.topic}`}</Link>
            ) : project ? (
              `重点项目：${project.name}`
            ) : (
              '来电或其他'
            ),
          ),
          field('办理方式', p.handling),
          field('责任部门', p.department || '—'),
          field('转办日期', p.handling === '转办' ? (p.transferDate ?? '尚未转办') : '—'),
          {
            label: '答复期限',
            span: 2,
            children: (
              <Space wrap>
                <DeadlineCell problem={p} timeliness={t} />
                {recomputed.date !== t.deadline && (
                  <Typography.Text type="warning">按当前工作日历应为 {recomputed.date}，可在“修改日期”中重新计算</Typography.Text>
                )}
              </Space>
            ),
          },
          field('答复日期', p.replyDate ?? '—'),
          field('办理结果', p.outcomeClass ?? '—'),
          { label: '答复内容', span: 2, children: p.replyContent || '—' },
          field('企业满意度', p.satisfaction ?? '—'),
          field(
            '升级协调',
            p.escalation ? `${p.escalation.meeting}（${p.escalation.date}）${p.escalation.note ? `：${p.escalation.note}` : ''}` : '—',
          ),
          {
            label: '挂牌整改',
            span: 2,
            children: p.rectification
              ? `责任人 ${p.rectification.owner}，期限 ${p.rectification.deadline}${p.rectification.note ? `；${p.rectification.note}` : ''}`
              : '—',
          },
          {
            label: '会议决定',
            span: 2,
            children: p.meetingDecision ? (
              <Link to={`/meetings/${p.meetingDecision.meetingId}`}>
                {`${p.meetingDecision.meetingType}（${p.meetingDecision.meetingDate}）：由${p.meetingDecision.department}${p.meetingDecision.task}，期限 ${p.meetingDecision.deadline}${p.meetingDecision.deadlineProvisional ? '（待确认）' : ''}`}
              </Link>
            ) : (
              '—'
            ),
          },
          field('投诉', p.isComplaint ? '是' : '否'),
          field('最后修改', `${p.updatedBy} · ${shanghaiDateTime(p.updatedAt)}`),
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        处理记录
      </Typography.Title>
      <Timeline
        items={p.history.map((entry, index) => ({
          key: index,
          color: entry.previousReply ? 'red' : entry.to === '已办结' ? 'green' : 'blue',
          content: <HistoryItem entry={entry} />,
        }))}
      />

      <ProblemActionModal action={action} problem={p} settings={settings} onClose={() => setAction(undefined)} />
    </div>
  );
}
