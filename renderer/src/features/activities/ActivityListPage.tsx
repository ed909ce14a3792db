// 活动: the group activities (政策宣讲, 对话沙龙, 现场联合办公) of a month or of all time, newest first,
// with how many enterprises came; 登记活动 opens the form. A row opens the activity (click or Enter).
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { activityTypes, type Activity } from '../../../../shared/domain/activityRecords';
import { monthPeriod } from '../../../../shared/reports/reportScope';
import { useLiveData } from '../../components/useLiveData';
import { activitiesBetween } from './activityRepo';

export const activityTypeColors: Record<Activity['type'], string> = { 政策宣讲: 'blue', 对话沙龙: 'purple', 现场联合办公: 'cyan' };

export function ActivityListPage() {
  const navigate = useNavigate();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [type, setType] = useState<string>('全部');
  const period = month ? monthPeriod(month.format('YYYY-MM')) : undefined;
  const { value: activities, stale } = useLiveData(() => activitiesBetween(period?.from, period?.to), [period?.from ?? '', period?.to ?? '']);
  const shown = (activities ?? []).filter((a) => type === '全部' || a.type === type);
  const open = (a: Activity) => navigate(`/activities/${a.id}`);

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          集体活动
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/activities/new')}>
          登记活动
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        政策宣讲、对话沙龙、现场联合办公等一次服务多家企业的活动。参加活动计入每家企业的服务覆盖（与一对一走访分开统计），企业在活动中提出的问题按首问负责制办理。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <DatePicker picker="month" aria-label="月份" placeholder="全部月份" value={month} onChange={setMonth} allowClear maxDate={dayjs()} />
        <Segmented aria-label="活动类型" options={['全部', ...activityTypes]} value={type} onChange={(v) => setType(String(v))} />
        <Typography.Text type="secondary">
          共 {shown.length} 场，{new Set(shown.flatMap((a) => a.attendeeEnterpriseIds)).size} 家企业参加
        </Typography.Text>
      </Space>
      <Table<Activity>
        aria-label="活动列表"
        size="middle"
        rowKey="id"
        loading={stale && activities === undefined}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={month ? '该月没有登记活动' : '还没有登记活动'} /> }}
        onRow={(a) => ({
          onClick: () => open(a),
          onKeyDown: (event) => {
            if (event.key === 'Enter') open(a);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: '日期', dataIndex: 'date', width: 120 },
          { title: '类型', dataIndex: 'type', width: 130, render: (t: Activity['type']) => <Tag color={activityTypeColors[t]}>{t}</Tag> },
          { title: '主题', dataIndex: 'topic' },
          { title: '地点', dataIndex: 'place', width: 200 },
          { title: '主办单位', dataIndex: 'organiser', width: 140 },
          { title: '参加企业', width: 100, align: 'right', render: (_, a) => `${a.attendeeEnterpriseIds.length} 家` },
          { title: '宣讲政策', width: 100, align: 'right', render: (_, a) => (a.policyIds.length ? `${a.policyIds.length} 项` : '—') },
        ]}
      />
    </div>
  );
}
