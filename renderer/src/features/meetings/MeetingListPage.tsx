// 会议督办 (issue 16): the meetings (督办会, 点评会, 专题协调会), newest first, and 新建会议 — whose agenda
// is proposed from the problems escalated to that kind of meeting and not yet decided — with the
// 亮灯督办 of every meeting decision still open above them (red first). Every meeting and every item is
// a link (keyboard: Tab to it, Enter opens it).
import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Empty, Flex, Form, Input, Modal, Radio, Select, Space, Statistic, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { meetingName, meetingTypes, type Meeting, type MeetingType } from '../../../../shared/domain/meetingRecords';
import { agendaGroupingLabels, agendaGroupings, attendeeNames, type AgendaGrouping } from '../../../../shared/meetings/meetingAgenda';
import { lightLateDaysOf, lightOf, type SupervisionLight } from '../../../../shared/meetings/supervisionLight';
import { DateInput } from '../../components/DateInput';
import { useConfirmDiscard, valuesDiffer } from '../../components/unsavedChanges';
import { useLiveData } from '../../components/useLiveData';
import { useRuleFormSave } from '../../components/useRuleFormSave';
import { useSettings } from '../../db/settingsStore';
import { LightTag } from './SupervisionLightTag';
import { createMeeting, listMeetings, openDecisionRows } from './meetingsRepo';

interface NewMeetingValues {
  type: MeetingType;
  date: string;
  title: string;
  chair: string;
  attendees: string;
  grouping: AgendaGrouping;
}

const lightOrder: Record<SupervisionLight, number> = { red: 0, yellow: 1, green: 2 };

export function MeetingListPage() {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const settings = useSettings();
  const today = shanghaiDate();
  const meetings = useLiveData(() => listMeetings(), ['meetings']);
  const open = useLiveData(() => openDecisionRows(), ['open-decisions']);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewMeetingValues>();
  const { save, saving, errorAlert, clearErrors } = useRuleFormSave(form);
  // What 新建会议 opened with: Esc, × and 取消 ask before dropping anything typed since.
  const openedWith = useRef<object>({});
  const confirmDiscard = useConfirmDiscard();

  const at = settings ? { today, lateDays: lightLateDaysOf(settings), overrides: settings.calendarOverrides } : undefined;
  const lit = (open.value ?? [])
    .map((row) => ({ ...row, light: at ? lightOf(row.deadline, at) : ('green' as const) }))
    .sort((a, b) => lightOrder[a.light] - lightOrder[b.light] || a.deadline.localeCompare(b.deadline));
  const count = (light: SupervisionLight) => lit.filter((r) => r.light === light).length;

  function startCreating() {
    clearErrors();
    form.resetFields();
    const opening = { type: '督办会', date: today, title: '', chair: '', attendees: '', grouping: 'department' } as const;
    form.setFieldsValue(opening);
    openedWith.current = opening;
    setCreating(true);
  }

  async function submit() {
    if (!settings) return;
    await save(async (values) => {
      const meeting = await createMeeting(
        { type: values.type, date: values.date, title: values.title, chair: values.chair, attendees: attendeeNames(values.attendees ?? '') },
        values.grouping,
        settings,
      );
      setCreating(false);
      message.success(`已新建${meeting.type}，议程拟列 ${meeting.agenda.length} 项`);
      navigate(`/meetings/${meeting.id}`);
    });
  }

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          会议督办
        </Typography.Title>
        <Space wrap>
          <Link to="/meetings/league">
            <Button icon={<TrophyOutlined />}>部门红黄榜</Button>
          </Link>
          <Button type="primary" icon={<PlusOutlined />} onClick={startCreating} disabled={!settings}>
            新建会议
          </Button>
        </Space>
      </Flex>

      <Card size="small" title="亮灯督办：会议交办事项" aria-label="亮灯督办">
        <Flex gap={32} wrap style={{ marginBottom: 12 }}>
          <Statistic title="红灯" value={count('red')} valueStyle={{ color: '#cf1322' }} />
          <Statistic title="黄灯" value={count('yellow')} valueStyle={{ color: '#d48806' }} />
          <Statistic title="绿灯" value={count('green')} valueStyle={{ color: '#389e0d' }} />
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            临近期限两个工作日内或逾期不超过 {settings ? lightLateDaysOf(settings) : '—'} 个工作日为黄灯，逾期更久为红灯（可在设置中调整）
          </Typography.Text>
        </Flex>
        <Table
          size="small"
          rowKey="problemId"
          aria-label="未办结的会议交办事项"
          loading={open.value === undefined}
          dataSource={lit}
          pagination={lit.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: '没有未办结的会议交办事项' }}
          columns={[
            { title: '督办', key: 'light', width: 80, render: (_, r) => <LightTag light={r.light} /> },
            { title: '企业', key: 'enterprise', render: (_, r) => <Link to={`/problems/${r.problemId}`}>{r.enterpriseName}</Link> },
            { title: '交办事项', key: 'task', render: (_, r) => r.task },
            { title: '责任部门', key: 'department', width: 140, render: (_, r) => r.department },
            { title: '办理期限', key: 'deadline', width: 130, render: (_, r) => `${r.deadline}${r.deadlineProvisional ? '（待确认）' : ''}` },
            { title: '会议', key: 'meeting', width: 180, render: (_, r) => `${r.meetingDate} ${r.meetingType}` },
          ]}
        />
      </Card>

      <Card size="small" title="会议">
        <Table<Meeting>
          size="small"
          rowKey="id"
          aria-label="会议列表"
          loading={meetings.value === undefined}
          dataSource={meetings.value ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description="还没有会议：点击“新建会议”，议程将从已升级协调的问题中拟定" /> }}
          columns={[
            { title: '会议日期', key: 'date', width: 120, render: (_, m) => m.date },
            { title: '类型', key: 'type', width: 110, render: (_, m) => m.type },
            { title: '会议名称', key: 'name', render: (_, m) => <Link to={`/meetings/${m.id}`}>{meetingName(m)}</Link> },
            { title: '主持人', key: 'chair', width: 120, render: (_, m) => m.chair || '—' },
            { title: '议题', key: 'items', width: 80, align: 'right', render: (_, m) => m.agenda.length },
            { title: '已决定', key: 'decided', width: 80, align: 'right', render: (_, m) => m.agenda.filter((i) => i.decision).length },
          ]}
        />
      </Card>

      <Modal
        open={creating}
        title="新建会议"
        okText="新建并拟定议程"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void submit()}
        onCancel={() => confirmDiscard(valuesDiffer(openedWith.current, form.getFieldsValue(true) as object), () => setCreating(false))}
        destroyOnHidden
      >
        {errorAlert}
        <Form form={form} layout="vertical" onFinish={() => void submit()}>
          <Form.Item name="type" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
            <Select options={meetingTypes.map((t) => ({ value: t, label: t }))} />
          </Form.Item>
          <Form.Item name="date" label="会议日期" rules={[{ required: true, message: '请填写会议日期' }]}>
            <DateInput allowClear={false} />
          </Form.Item>
          <Form.Item name="title" label="会议名称" extra="可不填：默认为“日期 + 会议类型”">
            <Input maxLength={100} placeholder="如：11月份外资企业问题督办会" />
          </Form.Item>
          <Form.Item name="chair" label="主持人">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="attendees" label="参会人员" extra="多人用逗号、顿号或空格分隔">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Form.Item name="grouping" label="议程分组">
            <Radio.Group options={agendaGroupings.map((g) => ({ value: g, label: agendaGroupingLabels[g] }))} />
          </Form.Item>
          <button type="submit" hidden aria-hidden />
        </Form>
      </Modal>
    </Flex>
  );
}
