// One meeting (issue 16): its particulars; "上次会议决定" — the decided items of the last meeting of the
// same type with how each stands now (done on time, done late, or still open with its light); the
// agenda, grouped as it was proposed, to reorder, drop from and add to; and per item the decision
// (department, task, working days, 挂牌整改 with owner) recorded in a dialog the keyboard drives: Tab to
// 记录决定, Enter opens it, the department has the cursor, Enter saves. 导出交办单 writes one A4 sheet
// per department to sign by hand, 导出会议纪要 the minutes. 删除会议 (to 回收站) only while nothing is decided.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Checkbox, Descriptions, Empty, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { addWorkingDaysChecked } from '../../../../shared/calendar/workingDays';
import { confirmedYears } from '../../../../shared/calendar/yearSchedule';
import { meetingName, meetingTypes, type AgendaItem, type MeetingType } from '../../../../shared/domain/meetingRecords';
import type { Problem } from '../../../../shared/domain/records';
import { describeError } from '../../../../shared/errors/describeError';
import { agendaGroupOf, attendeeNames } from '../../../../shared/meetings/meetingAgenda';
import { DateInput } from '../../components/DateInput';
import { useConfirmDeletion } from '../../components/recordDeletion';
import { useConfirmDiscard, valuesDiffer } from '../../components/unsavedChanges';
import { decisionState, lightLateDaysOf } from '../../../../shared/meetings/supervisionLight';
import { api } from '../../bridge/api';
import { useLiveData } from '../../components/useLiveData';
import { useRuleFormSave } from '../../components/useRuleFormSave';
import { ExportProgressBar, useWorkbookExport } from '../../export/useWorkbookExport';
import { useSettings } from '../../db/settingsStore';
import { LightTag, ProblemLightTag } from './SupervisionLightTag';
import { exportAssignments, exportMinutes, minutesItems } from './meetingExport';
import { addToAgenda, deleteMeeting, dropFromAgenda, loadMeetingView, moveOnAgenda, recordDecision, updateMeetingHead } from './meetingsRepo';

/** Named as the workflow names the fields, so a refused rule shows at its field. */
interface HeadValues {
  type: MeetingType;
  date: string;
  title: string;
  chair: string;
  attendees: string;
}

const meetingDeletion = {
  noun: '会议',
  consequence: '议程中的问题仍为已升级，可在下次会议再议。',
  listPath: '/meetings',
  listName: '返回会议列表',
};

interface DecisionValues {
  decisionDepartment: string;
  decisionTask: string;
  decisionWorkingDays: number;
  rectify: boolean;
  decisionOwner: string;
}

export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const { message } = AntApp.useApp();
  const settings = useSettings();
  const today = shanghaiDate();
  const view = useLiveData(() => loadMeetingView(meetingId), ['meeting', meetingId]);
  const [deciding, setDeciding] = useState<AgendaItem | null>(null);
  const [adding, setAdding] = useState<string[]>([]);
  const [form] = Form.useForm<DecisionValues>();
  const { save, saving, errorAlert, clearErrors } = useRuleFormSave(form);
  const workbookExport = useWorkbookExport();
  const confirmDeletion = useConfirmDeletion(meetingDeletion);
  // What the two dialogs opened with: Esc, × and 取消 ask before dropping anything typed since.
  const openedWith = useRef<object>({});
  const confirmDiscard = useConfirmDiscard();
  const [editingHead, setEditingHead] = useState(false);
  const [headForm] = Form.useForm<HeadValues>();
  const head = useRuleFormSave(headForm);
  const rectify = Form.useWatch('rectify', form);
  const workingDays = Form.useWatch('decisionWorkingDays', form);

  if (view.value === undefined) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin />
      </Flex>
    );
  }
  if (view.value === null) {
    return <Empty description={<span>该会议不存在或已删除。<Link to="/meetings">返回会议列表</Link></span>} />;
  }
  const { meeting, problems, enterprises, previous, candidates } = view.value;
  const at = settings ? { today, lateDays: lightLateDaysOf(settings), overrides: settings.calendarOverrides } : undefined;
  const enterpriseName = (p: Problem | undefined) => (p && enterprises.get(p.enterpriseId)?.name) ?? '（企业已删除）';
  const groupOf = (p: Problem | undefined) => (p ? agendaGroupOf(p, meeting.agendaGrouping ?? 'department', (id) => enterprises.get(id)?.town) : '—');

  async function run(task: () => Promise<unknown>) {
    try {
      await task();
    } catch (e) {
      message.error(describeError(e));
    }
  }

  function openDecision(item: AgendaItem) {
    const problem = problems.get(item.problemId);
    clearErrors();
    form.resetFields();
    const opening = {
      decisionDepartment: item.decision?.department ?? problem?.department ?? '',
      decisionTask: item.decision?.task ?? '',
      decisionWorkingDays: item.decision?.workingDays ?? 5,
      rectify: item.decision?.rectificationOwner !== undefined,
      decisionOwner: item.decision?.rectificationOwner ?? '',
    };
    form.setFieldsValue(opening);
    openedWith.current = opening;
    setDeciding(item);
  }

  async function submitDecision() {
    if (!settings || !deciding) return;
    const saved = await save(async (values) => {
      await recordDecision(
        meeting.id,
        deciding.id,
        {
          department: values.decisionDepartment ?? '',
          task: values.decisionTask ?? '',
          workingDays: Number(values.decisionWorkingDays),
          ...(values.rectify ? { rectificationOwner: values.decisionOwner ?? '' } : {}),
        },
        settings,
      );
    });
    if (saved) {
      setDeciding(null);
      message.success('已记录会议决定');
    }
  }

  const deadlinePreview = (() => {
    if (!settings || !Number.isInteger(workingDays) || workingDays < 1 || workingDays > 60) return '';
    const checked = addWorkingDaysChecked(meeting.date, workingDays, settings.calendarOverrides, confirmedYears(settings.calendarYears));
    return `办理期限：${checked.date}${checked.uncertain ? '（待确认：该年节假日安排尚未录入）' : ''}`;
  })();

  function openHead() {
    head.clearErrors();
    headForm.resetFields();
    const opening = { type: meeting.type, date: meeting.date, title: meeting.title, chair: meeting.chair, attendees: meeting.attendees.join('、') };
    headForm.setFieldsValue(opening);
    openedWith.current = opening;
    setEditingHead(true);
  }

  async function submitHead() {
    const saved = await head.save(async (v) => {
      await updateMeetingHead(meeting.id, { type: v.type, date: v.date, title: v.title, chair: v.chair, attendees: attendeeNames(v.attendees ?? '') });
    });
    if (saved) {
      setEditingHead(false);
      message.success('已保存会议信息');
    }
  }

  const items = minutesItems(meeting, problems, enterprises);
  const decidedCount = meeting.agenda.filter((i) => i.decision).length;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space direction="vertical" size={0}>
          <Link to="/meetings">← 会议督办</Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {meetingName(meeting)}
          </Typography.Title>
        </Space>
        <Space wrap>
          <Button icon={<EditOutlined />} onClick={openHead}>
            编辑会议信息
          </Button>
          {/* Disabled until a decision assigns something: the tooltip says why (a disabled button alone does not). */}
          <Tooltip title={decidedCount === 0 ? '交办单列出会议对各部门的交办事项：请先为议题记录决定' : undefined}>
            <Button
              icon={<FileExcelOutlined />}
              disabled={decidedCount === 0 || workbookExport.exporting}
              onClick={() => void workbookExport.run((o) => exportAssignments(api, meeting, items, o), (f) => `已导出交办单：${f}`)}
            >
              导出交办单
            </Button>
          </Tooltip>
          <Button
            icon={<FileExcelOutlined />}
            disabled={workbookExport.exporting}
            onClick={() => void workbookExport.run((o) => exportMinutes(api, meeting, items, o), (f) => `已导出会议纪要：${f}`)}
          >
            导出会议纪要
          </Button>
          <Tooltip title={decidedCount > 0 ? '已记录会议决定的会议不能删除：决定已写入问题办理记录，并据此督办' : undefined}>
            <Button danger icon={<DeleteOutlined />} disabled={decidedCount > 0} onClick={() => confirmDeletion(meetingName(meeting), () => deleteMeeting(meeting.id))}>
              删除会议
            </Button>
          </Tooltip>
        </Space>
      </Flex>
      <ExportProgressBar control={workbookExport} />

      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 4 }}>
        <Descriptions.Item label="会议类型">{meeting.type}</Descriptions.Item>
        <Descriptions.Item label="会议日期">{meeting.date}</Descriptions.Item>
        <Descriptions.Item label="主持人">{meeting.chair || '—'}</Descriptions.Item>
        <Descriptions.Item label="议题">
          {meeting.agenda.length} 项，已决定 {decidedCount} 项
        </Descriptions.Item>
        <Descriptions.Item label="参会人员" span={4}>
          {meeting.attendees.length > 0 ? meeting.attendees.join('、') : '—'}
        </Descriptions.Item>
      </Descriptions>

      {previous && (
        <Card size="small" title={`上次会议决定（${meetingName(previous.meeting)}）`} aria-label="上次会议决定">
          <Table<AgendaItem>
            size="small"
            rowKey="id"
            aria-label="上次会议决定"
            pagination={false}
            dataSource={previous.items}
            locale={{ emptyText: '上次会议没有作出决定' }}
            columns={[
              { title: '企业', key: 'enterprise', render: (_, i) => <Link to={`/problems/${i.problemId}`}>{enterpriseName(problems.get(i.problemId))}</Link> },
              { title: '交办事项', key: 'task', render: (_, i) => i.decision?.task },
              { title: '责任部门', key: 'department', width: 130, render: (_, i) => i.decision?.department },
              { title: '办理期限', key: 'deadline', width: 110, render: (_, i) => i.decision?.deadline },
              {
                title: '办理情况',
                key: 'state',
                width: 180,
                render: (_, i) => {
                  const p = problems.get(i.problemId);
                  if (!p || !i.decision || !at) return '—';
                  const s = decisionState(p, previous.meeting.date, i.decision.deadline, at);
                  if (s.state === '办理中') return <Space size={4}><LightTag light={s.light} />办理中</Space>;
                  return <Tag color={s.state === '按期完成' ? 'green' : 'volcano'}>{`${s.state} ${s.doneDate}`}</Tag>;
                },
              },
            ]}
          />
        </Card>
      )}

      <Card
        size="small"
        title="议程"
        extra={
          <Space wrap>
            <Select
              mode="multiple"
              aria-label="添加议题"
              placeholder={candidates.length > 0 ? '添加议题：选择已升级或会后未办结的问题' : '没有可添加的问题'}
              style={{ minWidth: 360 }}
              value={adding}
              onChange={setAdding}
              optionFilterProp="label"
              options={candidates.map((p) => ({
                value: p.id,
                label: `${enterpriseName(p)}：${p.description.slice(0, 30)}${p.escalation ? `（${p.escalation.meeting}）` : ''}`,
              }))}
            />
            <Button
              disabled={adding.length === 0}
              onClick={() =>
                void run(async () => {
                  await addToAgenda(meeting.id, adding);
                  setAdding([]);
                })
              }
            >
              添加
            </Button>
          </Space>
        }
      >
        <Table<AgendaItem>
          size="small"
          rowKey="id"
          aria-label="议程"
          pagination={false}
          dataSource={meeting.agenda}
          locale={{ emptyText: <Empty description="议程为空：没有升级到该类会议且尚未决定的问题，可从右上方添加" /> }}
          columns={[
            { title: '序号', key: 'seq', width: 56, render: (_, _i, n) => n + 1 },
            { title: meeting.agendaGrouping === 'town' ? '区镇' : '责任部门', key: 'group', width: 120, render: (_, i) => groupOf(problems.get(i.problemId)) },
            { title: '企业', key: 'enterprise', width: 170, render: (_, i) => <Link to={`/problems/${i.problemId}`}>{enterpriseName(problems.get(i.problemId))}</Link> },
            { title: '问题诉求', key: 'problem', render: (_, i) => problems.get(i.problemId)?.description ?? '（问题已删除）' },
            {
              title: '督办',
              key: 'light',
              width: 72,
              render: (_, i) => {
                const p = problems.get(i.problemId);
                return p ? <ProblemLightTag problem={p} settings={settings} today={today} /> : null;
              },
            },
            {
              title: '会议决定',
              key: 'decision',
              render: (_, i) =>
                i.decision ? (
                  <Space direction="vertical" size={0}>
                    <span>
                      {i.decision.department}：{i.decision.task}
                    </span>
                    <Typography.Text type="secondary">
                      {i.decision.workingDays} 个工作日，期限 {i.decision.deadline}
                      {i.decision.deadlineProvisional ? '（待确认）' : ''}
                      {i.decision.rectificationOwner ? `；挂牌整改，责任人 ${i.decision.rectificationOwner}` : ''}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">未决定</Typography.Text>
                ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 230,
              render: (_, i, n) => (
                <Space size={2} wrap>
                  <Button size="small" type={i.decision ? 'default' : 'primary'} onClick={() => openDecision(i)} disabled={!settings || !problems.has(i.problemId)}>
                    {i.decision ? '修改决定' : '记录决定'}
                  </Button>
                  <Button size="small" aria-label="上移" icon={<ArrowUpOutlined />} disabled={n === 0} onClick={() => void run(() => moveOnAgenda(meeting.id, i.id, -1))} />
                  <Button
                    size="small"
                    aria-label="下移"
                    icon={<ArrowDownOutlined />}
                    disabled={n === meeting.agenda.length - 1}
                    onClick={() => void run(() => moveOnAgenda(meeting.id, i.id, 1))}
                  />
                  {!i.decision && (
                    <Popconfirm title="移出议程？" description="该问题仍为已升级，可在下次会议再议" okText="移出" cancelText="取消" onConfirm={() => run(() => dropFromAgenda(meeting.id, i.id))}>
                      <Button size="small" type="link" danger>
                        移出
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Modal
        open={editingHead}
        title="编辑会议信息"
        okText="保存"
        cancelText="取消"
        confirmLoading={head.saving}
        onOk={() => void submitHead()}
        onCancel={() => confirmDiscard(valuesDiffer(openedWith.current, headForm.getFieldsValue(true) as object), () => setEditingHead(false))}
        destroyOnHidden
      >
        {head.errorAlert}
        <Form form={headForm} layout="vertical" onFinish={() => void submitHead()}>
          <Form.Item name="type" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
            <Select options={meetingTypes.map((t) => ({ value: t, label: t }))} />
          </Form.Item>
          <Form.Item
            name="date"
            label="会议日期"
            extra={decidedCount > 0 ? '已记录会议决定：办理期限按会议日期计算，不能再改' : undefined}
            rules={[{ required: true, message: '请填写会议日期' }]}
          >
            <DateInput allowClear={false} disabled={decidedCount > 0} />
          </Form.Item>
          <Form.Item name="title" label="会议名称">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="chair" label="主持人">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="attendees" label="参会人员" extra="多人用逗号、顿号或空格分隔">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <button type="submit" hidden aria-hidden />
        </Form>
      </Modal>

      <Modal
        open={deciding !== null}
        title="记录会议决定"
        okText="保存决定"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void submitDecision()}
        onCancel={() => confirmDiscard(valuesDiffer(openedWith.current, form.getFieldsValue(true) as object), () => setDeciding(null))}
        destroyOnHidden
      >
        {deciding && (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            message={`${enterpriseName(problems.get(deciding.problemId))}：${problems.get(deciding.problemId)?.description ?? ''}`}
          />
        )}
        {errorAlert}
        <Form form={form} layout="vertical" onFinish={() => void submitDecision()}>
          <Form.Item name="decisionDepartment" label="责任部门" rules={[{ required: true, message: '请选择责任部门' }]}>
            <Select autoFocus showSearch options={(settings?.departments ?? []).map((d) => ({ value: d, label: d }))} />
          </Form.Item>
          <Form.Item name="decisionTask" label="交办事项" rules={[{ required: true, whitespace: true, message: '请填写交办事项' }]}>
            <Input maxLength={500} placeholder="责任部门要做什么" />
          </Form.Item>
          <Form.Item
            name="decisionWorkingDays"
            label="办理时限（工作日）"
            extra={deadlinePreview || '从会议日期起按工作日计算（与首问负责制同一工作日历）'}
            rules={[{ required: true, message: '请填写办理时限' }]}
          >
            <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="rectify" valuePropName="checked">
            <Checkbox>挂牌整改</Checkbox>
          </Form.Item>
          {rectify && (
            <Form.Item name="decisionOwner" label="整改责任人" rules={[{ required: true, whitespace: true, message: '挂牌整改须填写整改责任人' }]}>
              <Input maxLength={50} />
            </Form.Item>
          )}
          <button type="submit" hidden aria-hidden />
        </Form>
      </Modal>
    </Flex>
  );
}
