// One enterprise: its profile, the actions an officer takes from it, and a timeline of its visits,
// the group activities it attended (issue 17) and its problems (newest first), read through the
// enterpriseId indexes and the activities' attendee index.
import { DeleteOutlined, EditOutlined, FormOutlined, PaperClipOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Enterprise, Problem, ProblemStatus, Visit } from '../../../../shared/domain/records';
import type { Activity } from '../../../../shared/domain/activityRecords';
import { activitiesOfEnterprise } from '../activities/activityRepo';
import { deadlineText } from '../../../../shared/problems/problemDeadline';
import { RecordGone, useConfirmDeletion } from '../../components/recordDeletion';
import { isLive } from '../../../../shared/sync/recordStamp';
import { deleteEnterprise, enterpriseVisitsNewestFirst, openProblemCounts } from './enterpriseRepo';
import { EnterpriseFormModal } from './EnterpriseFormModal';
import { RaiseProblemModal } from '../problems/RaiseProblemModal';
import { EnterpriseProjectsCard } from '../projects/EnterpriseProjectsCard';
import { OperationsCard } from '../operations/OperationsCard';
import { ServicePlanPanel } from '../servicePlan/ServicePlanPanel';
import { getEnterprise } from './enterpriseRepo';
import { liveProblemsOfEnterprise } from '../problems/problemRepo';
import { attachmentCountsOf } from '../visits/visitRepo';

const statusColors: Record<ProblemStatus, string> = {
  待处理: 'orange',
  已转办: 'blue',
  已答复: 'cyan',
  已办结: 'green',
  已升级: 'red',
};

type TimelineEntry =
  | { kind: 'visit'; date: string; visit: Visit }
  | { kind: 'activity'; date: string; activity: Activity }
  | { kind: 'problem'; date: string; problem: Problem };

const kindOrder: Record<TimelineEntry['kind'], number> = { visit: 0, activity: 1, problem: 2 };

function timelineOf(visits: Visit[], activities: Activity[], problems: Problem[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...visits.map((visit) => ({ kind: 'visit' as const, date: visit.date, visit })),
    ...activities.map((activity) => ({ kind: 'activity' as const, date: activity.date, activity })),
    ...problems.map((problem) => ({ kind: 'problem' as const, date: problem.raisedDate, problem })),
  ];
  // Newest first; on the same day the visit or activity comes before the problems raised there.
  return entries.sort((a, b) => b.date.localeCompare(a.date) || kindOrder[a.kind] - kindOrder[b.kind]);
}

function ProfileDescriptions({ enterprise }: { enterprise: Enterprise }) {
  const flags = [enterprise.isKeyEnterprise ? '重点企业' : '', enterprise.isAboveScale ? '规上企业' : ''].filter(Boolean);
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      items={[
        { key: 'creditCode', label: '统一社会信用代码', children: <span className="mono">{enterprise.creditCode}</span> },
        { key: 'town', label: '所属区镇', children: enterprise.town },
        { key: 'industry', label: '行业', children: enterprise.industry },
        { key: 'foreignSource', label: '外资来源地', children: enterprise.foreignSource ?? '' },
        { key: 'address', label: '地址', children: enterprise.address, span: 2 },
        { key: 'contact', label: '联系人', children: enterprise.contactPerson },
        { key: 'phone', label: '联系电话', children: enterprise.contactPhone },
        { key: 'officer', label: '服务专员', children: enterprise.assignedOfficer },
        { key: 'leader', label: '挂钩领导', children: enterprise.linkedLeader },
        { key: 'tier', label: '服务分级', children: enterprise.serviceTier ? `${enterprise.serviceTier} 级` : '' },
        { key: 'flags', label: '企业标识', children: flags.map((f) => <Tag key={f}>{f}</Tag>) },
        { key: 'lastVisit', label: '最近走访', children: enterprise.lastVisitDate ?? '未走访' },
      ]}
    />
  );
}

const enterpriseDeletion = {
  noun: '企业',
  consequence: '删除后该企业不再出现在名录中；已有的走访和问题记录保留。',
  listPath: '/enterprises',
  listName: '返回企业名录',
};

export function EnterpriseDetailPage() {
  const { enterpriseId = '' } = useParams();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [raising, setRaising] = useState(false);
  const { message } = App.useApp();

  const confirmDeletion = useConfirmDeletion(enterpriseDeletion);
  const enterprise = useLiveQuery(async () => (await getEnterprise(enterpriseId)) ?? null, [enterpriseId]);
  const visits = useLiveQuery(() => enterpriseVisitsNewestFirst(enterpriseId).toArray(), [enterpriseId]);
  const attachmentCounts = useLiveQuery(() => attachmentCountsOf((visits ?? []).map((v) => v.id)), [visits]);
  const problems = useLiveQuery(() => liveProblemsOfEnterprise(enterpriseId), [enterpriseId]);
  const activities = useLiveQuery(() => activitiesOfEnterprise(enterpriseId), [enterpriseId]);

  if (enterprise === undefined) return null;
  if (enterprise === null || !isLive(enterprise)) {
    return <RecordGone {...enterpriseDeletion} deleted={enterprise !== null} />;
  }

  const entries = timelineOf(visits ?? [], activities ?? [], problems ?? []);
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {enterprise.name}
        </Typography.Title>
        <Space wrap>
          <Button type="primary" icon={<FormOutlined />} onClick={() => navigate(`/visits/new/${enterprise.id}`)}>
            记录走访
          </Button>
          {/* The dialog, with this enterprise filled in (it used to only filter the problem list). */}
          <Button icon={<PlusCircleOutlined />} onClick={() => setRaising(true)}>
            登记问题
          </Button>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑企业
          </Button>
          <Button
            danger
            icon={<DeleteOutlined />}
            onClick={async () => {
              // Open problems stay in 问题诉求 after the enterprise goes: the officer is told how many first.
              const open = (await openProblemCounts([enterprise.id])).get(enterprise.id) ?? 0;
              confirmDeletion(
                enterprise.name,
                async () => deleteEnterprise(enterprise.id),
                open > 0 ? `该企业还有 ${open} 个未办结的问题；删除企业后这些问题仍在“问题诉求”中，需继续办理。` : undefined,
              );
            }}
          >
            删除企业
          </Button>
        </Space>
      </Space>

      <ProfileDescriptions enterprise={enterprise} />

      {/* 经营数据: the month's figures and their trend (seed 004: 每月跟踪企业生产经营情况). */}
      <OperationsCard enterpriseId={enterprise.id} enterpriseName={enterprise.name} />

      {/* 一企一策: the needs found and the actions agreed for this enterprise (seed 004). */}
      <ServicePlanPanel enterpriseId={enterprise.id} />
      <EnterpriseProjectsCard enterpriseId={enterprise.id} />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        走访、活动与问题（{visits?.length ?? 0} 次走访，{problems?.length ?? 0} 个问题{activities?.length ? `，参加集体活动 ${activities.length} 次` : ''}）
      </Typography.Title>
      {entries.length === 0 ? (
        <Empty description="还没有走访或活动记录" />
      ) : (
        <Timeline
          aria-label="走访与问题时间线"
          titleSpan="110px"
          items={entries.map((entry) =>
            entry.kind === 'activity'
              ? {
                  key: `a-${entry.activity.id}`,
                  color: 'purple',
                  title: entry.date,
                  content: (
                    <div>
                      <Link to={`/activities/${entry.activity.id}`}>
                        集体活动：{entry.activity.type}「{entry.activity.topic}」
                      </Link>
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                        {entry.activity.attendeePeople[enterpriseId] ? `参加：${entry.activity.attendeePeople[enterpriseId]}；` : ''}共 {entry.activity.attendeeEnterpriseIds.length} 家企业参加
                      </Typography.Text>
                    </div>
                  ),
                }
              : entry.kind === 'visit'
              ? {
                  key: `v-${entry.visit.id}`,
                  color: 'blue',
                  title: entry.date,
                  content: (
                    <div>
                      <Link to={`/visits/${entry.visit.id}`}>
                        走访：{entry.visit.type}
                        {entry.visit.officers.length ? `（${entry.visit.officers.join('、')}）` : ''}
                      </Link>
                      {(attachmentCounts?.get(entry.visit.id) ?? 0) > 0 ? (
                        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                          <PaperClipOutlined /> 附件 {attachmentCounts?.get(entry.visit.id)} 个
                        </Typography.Text>
                      ) : null}
                      {entry.visit.summary ? (
                        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                          {entry.visit.summary}
                        </Typography.Paragraph>
                      ) : null}
                    </div>
                  ),
                }
              : {
                  key: `p-${entry.problem.id}`,
                  color: entry.problem.status === '已办结' ? 'green' : 'red',
                  title: entry.date,
                  content: (
                    <div>
                      <Tag color={statusColors[entry.problem.status]} style={{ marginInlineEnd: 8 }}>
                        {entry.problem.status}
                      </Tag>
                      {entry.problem.isComplaint ? (
                        <Tag color="magenta" style={{ marginInlineEnd: 8 }}>
                          投诉
                        </Tag>
                      ) : null}
                      <Link to={`/problems/${entry.problem.id}`}>
                        问题（{entry.problem.category}）：{entry.problem.description}
                      </Link>
                      <div>
                        <Typography.Text type="secondary">
                          {entry.problem.department ? `责任部门：${entry.problem.department}；` : ''}
                          {entry.problem.replyDeadline ? `答复期限：${deadlineText(entry.problem)}` : ''}
                        </Typography.Text>
                      </div>
                    </div>
                  ),
                },
          )}
        />
      )}

      <RaiseProblemModal
        open={raising}
        enterpriseId={enterprise.id}
        onClose={() => setRaising(false)}
        onSaved={() => message.success('问题已登记')}
      />
      <EnterpriseFormModal
        open={editing}
        enterprise={enterprise}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </div>
  );
}
