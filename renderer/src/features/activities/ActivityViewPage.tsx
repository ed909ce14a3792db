// One activity: what it was, who came for each enterprise (each name a link to its page), the policy
// measures presented, and the problems raised there. 登记问题 beside an enterprise records a problem
// of that enterprise at this activity — the same dialog and deadlines (首问负责制) as any problem.
import { DeleteOutlined, EditOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { deadlineText } from '../../../../shared/problems/problemDeadline';
import { RecordGone, useConfirmDeletion } from '../../components/recordDeletion';
import { useLiveData } from '../../components/useLiveData';
import { RaiseProblemModal } from '../problems/RaiseProblemModal';
import { deleteActivity, loadActivityForView } from './activityRepo';
import { activityTypeColors } from './ActivityListPage';

const activityDeletion = {
  noun: '活动',
  consequence: '删除后该活动不再计入企业的服务覆盖；在活动中登记的问题仍保留在各企业名下，继续办理。',
  listPath: '/activities',
  listName: '返回活动列表',
};

export function ActivityViewPage() {
  const { activityId = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [raisingFor, setRaisingFor] = useState<string>();
  const confirmDeletion = useConfirmDeletion(activityDeletion);
  const { value: view } = useLiveData(() => loadActivityForView(activityId), [activityId]);

  if (view === undefined) return null;
  if (!view.found) return <RecordGone {...activityDeletion} deleted={view.deleted} />;
  const { activity, enterprises, policies, problems } = view;
  const rows = activity.attendeeEnterpriseIds.map((id, index) => ({
    index,
    id,
    name: enterprises.get(id)?.name ?? '（未知企业）',
    town: enterprises.get(id)?.town ?? '',
    deleted: enterprises.get(id)?.deletedAt !== undefined,
    people: activity.attendeePeople[id] ?? '',
    problems: problems.filter((p) => p.enterpriseId === id).length,
  }));

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          <Tag color={activityTypeColors[activity.type]}>{activity.type}</Tag>
          {activity.topic}
        </Typography.Title>
        <Space wrap>
          <Button icon={<EditOutlined />} onClick={() => navigate(`/activities/${activity.id}/edit`)}>
            编辑活动
          </Button>
          <Button danger icon={<DeleteOutlined />} onClick={() => confirmDeletion(activity.topic, () => deleteActivity(activity.id))}>
            删除活动
          </Button>
        </Space>
      </Space>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'date', label: '活动日期', children: activity.date },
          { key: 'type', label: '活动类型', children: activity.type },
          { key: 'place', label: '活动地点', children: activity.place },
          { key: 'organiser', label: '主办单位', children: activity.organiser },
          { key: 'speakers', label: '主讲人 / 出席领导', children: activity.speakers.join('、'), span: 2 },
          {
            key: 'policies',
            label: '宣讲的政策措施',
            span: 2,
            children: policies.length ? policies.map((p) => <Tag key={p.id}>{`${p.code} ${p.title}`}</Tag>) : '未记录',
          },
          { key: 'summary', label: '活动情况', span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{activity.summary}</Typography.Paragraph> },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        参加企业（{rows.length} 家）
      </Typography.Title>
      <Table
        aria-label="参加企业"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '序号', width: 60, render: (_, r) => r.index + 1 },
          {
            title: '企业名称',
            render: (_, r) => (
              <>
                <Link to={`/enterprises/${r.id}`}>{r.name}</Link>
                {r.deleted ? <Tag style={{ marginInlineStart: 8 }}>已删除</Tag> : null}
              </>
            ),
          },
          { title: '所属区镇', dataIndex: 'town', width: 140 },
          { title: '参加人员', dataIndex: 'people' },
          { title: '问题', width: 70, align: 'right', render: (_, r) => (r.problems ? `${r.problems} 个` : '') },
          {
            title: '操作',
            width: 120,
            render: (_, r) =>
              r.deleted ? null : (
                <Button type="link" icon={<PlusCircleOutlined />} aria-label={`为 ${r.name} 登记问题`} onClick={() => setRaisingFor(r.id)}>
                  登记问题
                </Button>
              ),
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        活动中提出的问题（{problems.length} 个）
      </Typography.Title>
      <section aria-label="活动中提出的问题">
      {problems.length === 0 ? (
        <Empty description="没有登记问题" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={problems}
          renderItem={(p) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Link to={`/problems/${p.id}`}>
                  {enterprises.get(p.enterpriseId)?.name ?? ''}：{p.category}——{p.description}
                </Link>
                <Typography.Text type="secondary">
                  {p.status}；{p.department ? `责任部门：${p.department}；` : ''}
                  {p.replyDeadline ? `答复期限：${deadlineText(p)}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      </section>

      <RaiseProblemModal
        open={raisingFor !== undefined}
        enterpriseId={raisingFor}
        activityId={activity.id}
        raisedDate={activity.date}
        onClose={() => setRaisingFor(undefined)}
        onSaved={() => message.success('问题已登记，按首问负责制办理')}
      />
    </div>
  );
}
