// 登记活动 / 编辑活动: a group activity (政策宣讲, 对话沙龙, 现场联合办公) with the enterprises that came.
// Enterprises are added one at a time from the roster (the same search as everywhere: name, pinyin
// initials, credit code) or many at once from the sign-in sheet (导入签到表: read and matched like a
// roster, previewed before anything joins the list). Who came for each is typed beside it. Nothing is
// stored until 保存活动; what is typed is kept as a draft (offered back on the next opening), and
// leaving with unsaved typing asks first.
import { LeaveDraftedFormModal, useUnsavedFormGuard } from '../visits/LeaveDraftedFormModal';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { activityTextLimits, activityTypes } from '../../../../shared/domain/activityRecords';
import type { Draft, Policy } from '../../../../shared/domain/records';
import type { SignInResult } from '../../../../shared/activities/signInSheet';
import { today } from '../../../../shared/calendar/shanghaiDate';
import { RosterFileError } from '../../../../shared/roster/readRosterFile';
import { describeError } from '../../../../shared/errors/describeError';
import { DateInput } from '../../components/DateInput';
import { useRuleFormSave } from '../../components/useRuleFormSave';
import { useSettings } from '../../db/settingsStore';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { ensureDefaultPolicies, livePolicies } from '../visits/policyRepo';
import { deleteDraft, loadDraft } from '../visits/draftStore';
import { useDraftAutosave } from '../visits/useDraftAutosave';
import { loadActivityForEdit, saveActivity } from './activityRepo';
import { readSignInSheet } from './signInImport';

interface AttendeeRow {
  enterpriseId: string;
  name: string;
  town: string;
  people: string;
}

interface ActivityFormValues {
  type?: string;
  date?: string;
  topic?: string;
  place?: string;
  organiser?: string;
  speakers: string[];
  policyIds: string[];
  attendees: AttendeeRow[];
  summary?: string;
}

const textLimit = (label: string, max: number) => ({ max, message: `${label}最多 ${max} 字` });

/** A stored draft of this form: its values as the form held them. */
function isActivityDraft(data: unknown): data is { values: ActivityFormValues } {
  const values = (data as { values?: unknown } | null)?.values as Partial<ActivityFormValues> | undefined;
  return typeof values === 'object' && values !== null && Array.isArray(values.attendees);
}

export function ActivityFormPage() {
  const { activityId } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const settings = useSettings();
  const [form] = Form.useForm<ActivityFormValues>();
  const { saving, save, errorAlert } = useRuleFormSave(form);
  const [policies, setPolicies] = useState<Policy[]>([]);
  const [loaded, setLoaded] = useState(!activityId);
  const [missing, setMissing] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [preview, setPreview] = useState<{ fileName: string; result: SignInResult }>();
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string>();
  const savedRef = useRef(false);
  const draftKey = activityId ? `activity:${activityId}` : 'activity:new';
  const autosave = useDraftAutosave(draftKey, () => ({ values: form.getFieldsValue(true) as ActivityFormValues }), loaded && !missing);
  const [offeredDraft, setOfferedDraft] = useState<Draft>();
  // `preserve`: the whole rows, not only their registered field (参加人员).
  const attendees = (Form.useWatch('attendees', { form, preserve: true }) ?? []) as AttendeeRow[];

  useEffect(() => {
    // The 30 measures of seed 003 fill an empty policy list, as on the visit form.
    void ensureDefaultPolicies().then(livePolicies).then(setPolicies);
  }, []);

  // Read once: a live re-read would reset what is typed.
  useEffect(() => {
    if (!activityId) return;
    void loadActivityForEdit(activityId).then((found) => {
      if (!found) {
        setMissing(true);
        return;
      }
      const { activity, enterprises } = found;
      form.setFieldsValue({
        type: activity.type,
        date: activity.date,
        topic: activity.topic,
        place: activity.place,
        organiser: activity.organiser,
        speakers: activity.speakers,
        policyIds: activity.policyIds,
        summary: activity.summary,
        attendees: activity.attendeeEnterpriseIds.map((id) => ({
          enterpriseId: id,
          name: enterprises.get(id)?.name ?? '（已删除的企业）',
          town: enterprises.get(id)?.town ?? '',
          people: activity.attendeePeople[id] ?? '',
        })),
      });
      setLoaded(true);
    });
  }, [activityId, form]);

  // A draft left by an earlier opening is offered, never applied unasked.
  useEffect(() => {
    if (!loaded) return;
    void loadDraft(draftKey).then((draft) => {
      if (draft && isActivityDraft(draft.data)) setOfferedDraft(draft);
    });
  }, [loaded, draftKey]);

  const edited = () => {
    setDirty(true);
    autosave.changed();
  };

  const blocker = useUnsavedFormGuard(dirty, savedRef);

  function addAttendees(rows: AttendeeRow[]): { added: number; merged: number } {
    const current = [...((form.getFieldValue('attendees') ?? []) as AttendeeRow[])];
    let added = 0;
    let merged = 0;
    for (const row of rows) {
      const at = current.findIndex((a) => a.enterpriseId === row.enterpriseId);
      if (at < 0) {
        current.push(row);
        added += 1;
      } else if (row.people && !current[at]!.people.includes(row.people)) {
        current[at] = { ...current[at]!, people: current[at]!.people ? `${current[at]!.people}、${row.people}` : row.people };
        merged += 1;
      }
    }
    form.setFieldValue('attendees', current);
    form.setFields([{ name: 'attendees', errors: [] }]);
    edited();
    return { added, merged };
  }

  async function openSignInSheet(file: File) {
    setReadError(undefined);
    setReading(true);
    try {
      setPreview({ fileName: file.name, result: await readSignInSheet(file) });
    } catch (error) {
      setReadError(error instanceof RosterFileError ? error.message : `无法读取文件「${file.name}」：${describeError(error)}`);
    } finally {
      setReading(false);
    }
  }

  async function submit() {
    await save(async (values) => {
      const saved = await saveActivity({
        type: values.type,
        date: values.date,
        topic: values.topic,
        place: values.place,
        organiser: values.organiser,
        speakers: values.speakers,
        policyIds: values.policyIds,
        summary: values.summary,
        // The whole rows (validateFields gives only their registered 参加人员).
        attendees: ((form.getFieldValue('attendees') ?? []) as AttendeeRow[]).map((a) => ({ enterpriseId: a.enterpriseId, name: a.name, people: a.people })),
      }, activityId);
      savedRef.current = true;
      await autosave.discard();
      message.success(activityId ? '活动已保存' : `活动已登记（${saved.attendeeEnterpriseIds.length} 家企业）`);
      navigate(`/activities/${saved.id}`);
    });
  }

  if (missing) {
    return <Empty description={<>该活动不存在或已被删除。<Link to="/activities">返回活动列表</Link></>} />;
  }
  if (!loaded) return null;

  return (
    <div style={{ maxWidth: 1100 }}>
      <Typography.Title level={4}>{activityId ? '编辑活动' : '登记活动'}</Typography.Title>
      {errorAlert}
      {offeredDraft ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有一份未保存的活动草稿（${new Date(offeredDraft.updatedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}）`}
          action={
            <Space>
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  if (isActivityDraft(offeredDraft.data)) form.setFieldsValue(offeredDraft.data.values);
                  setOfferedDraft(undefined);
                  setDirty(true);
                  message.success('已恢复草稿');
                }}
              >
                恢复草稿
              </Button>
              <Button
                size="small"
                onClick={() => {
                  void deleteDraft(draftKey);
                  setOfferedDraft(undefined);
                }}
              >
                丢弃草稿
              </Button>
            </Space>
          }
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        name="activity"
        initialValues={{ type: '政策宣讲', date: today(), speakers: [], policyIds: [], attendees: [], organiser: settings?.officerUnit || undefined }}
        onValuesChange={edited}
      >
        <Card size="small" title="活动信息" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label="活动类型" name="type" rules={[{ required: true, message: '请选择活动类型' }]}>
                <Select options={activityTypes.map((t) => ({ value: t, label: t }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="活动日期" name="date" rules={[{ required: true, message: '请填写活动日期' }]}>
                <DateInput allowClear={false} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="主办单位" name="organiser" rules={[textLimit('主办单位', activityTextLimits.organiser)]}>
                <Input placeholder="如：区商务局" />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item label="活动主题" name="topic" rules={[{ required: true, whitespace: true, message: '请填写活动主题' }, textLimit('活动主题', activityTextLimits.topic)]}>
                <Input placeholder="如：开放再出发政策集中宣讲会" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="活动地点" name="place" rules={[textLimit('活动地点', activityTextLimits.place)]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="主讲人 / 出席领导" name="speakers" extra="输入姓名（可含职务）后按回车，可填多位">
                <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',', '、']} placeholder="如：李强（区商务局副局长）" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="宣讲的政策措施" name="policyIds">
                <Select
                  mode="multiple"
                  placeholder={policies.length ? '输入编号或关键词搜索' : '政策库为空'}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={policies.map((p) => ({ value: p.id, label: `${p.code} ${p.title}` }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card
          size="small"
          title={`参加企业（${attendees.length} 家）`}
          style={{ marginBottom: 16 }}
          extra={
            <Upload
              accept=".xlsx,.csv"
              showUploadList={false}
              beforeUpload={(file) => {
                void openSignInSheet(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={reading}>
                导入签到表
              </Button>
            </Upload>
          }
        >
          {readError ? <Alert type="error" showIcon title={readError} closable onClose={() => setReadError(undefined)} style={{ marginBottom: 12 }} /> : null}
          <div style={{ marginBottom: 12, maxWidth: 560 }}>
            <EnterpriseSelect
              aria-label="添加参加企业"
              placeholder="添加参加企业：输入企业名称、拼音首字母或信用代码"
              value={undefined}
              onChange={(id, enterprise) => {
                if (id && enterprise) addAttendees([{ enterpriseId: id, name: enterprise.name, town: enterprise.town, people: '' }]);
              }}
            />
          </div>
          <Form.List name="attendees">
            {(fields, { remove }, { errors }) => (
              <>
                {errors.length ? <Alert type="error" showIcon title={<Form.ErrorList errors={errors} />} style={{ marginBottom: 12 }} /> : null}
                {fields.length === 0 ? (
                <Empty description="还没有参加企业：从上方搜索添加，或导入签到表" />
              ) : (
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  aria-label="参加企业"
                  dataSource={fields}
                  columns={[
                    { title: '序号', width: 60, render: (_, __, index) => index + 1 },
                    { title: '企业名称', render: (_, field) => attendees[field.name]?.name },
                    { title: '所属区镇', width: 120, render: (_, field) => attendees[field.name]?.town },
                    {
                      title: '参加人员',
                      render: (_, field) => (
                        <Form.Item name={[field.name, 'people']} style={{ margin: 0 }} rules={[textLimit('参加人员', activityTextLimits.people)]}>
                          <Input aria-label={`${attendees[field.name]?.name ?? ''} 参加人员`} placeholder="姓名（职务），多人用顿号分隔" />
                        </Form.Item>
                      ),
                    },
                    {
                      title: '操作',
                      width: 90,
                      render: (_, field) => (
                        <Button type="link" danger icon={<DeleteOutlined />} aria-label={`移除 ${attendees[field.name]?.name ?? ''}`} onClick={() => { remove(field.name); edited(); }}>
                          移除
                        </Button>
                      ),
                    },
                  ]}
                />
              )}
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" title="活动情况" style={{ marginBottom: 16 }}>
          <Form.Item name="summary" style={{ marginBottom: 0 }} rules={[textLimit('活动情况', activityTextLimits.summary)]}>
            <Input.TextArea aria-label="活动情况" autoSize={{ minRows: 3, maxRows: 10 }} count={{ show: true, max: activityTextLimits.summary }} placeholder="宣讲内容、企业提问与现场答复等；企业提出的问题诉求请在活动页“登记问题”，按首问负责制办理" />
          </Form.Item>
        </Card>

        <Space>
          <Button type="primary" loading={saving} onClick={() => void submit()}>
            保存活动
          </Button>
          <Button onClick={() => navigate(activityId ? `/activities/${activityId}` : '/activities')}>取消</Button>
        </Space>
      </Form>

      <SignInPreview
        preview={preview}
        onCancel={() => setPreview(undefined)}
        onAdd={(result) => {
          const { added, merged } = addAttendees(result.matched.map((m) => ({ enterpriseId: m.enterprise.id, name: m.enterprise.name, town: m.enterprise.town ?? '', people: m.people })));
          setPreview(undefined);
          message.success(`已加入 ${added} 家企业${merged ? `，${merged} 家补充了参加人员` : ''}（保存活动后生效）`);
        }}
      />

      <LeaveDraftedFormModal blocker={blocker} autosave={autosave} form="活动表单" record="活动记录" />
    </div>
  );
}

/** What the sign-in sheet gives before anything joins the list: matched, unknown, refused and skipped rows. */
function SignInPreview({ preview, onCancel, onAdd }: { preview?: { fileName: string; result: SignInResult }; onCancel: () => void; onAdd: (result: SignInResult) => void }) {
  const result = preview?.result;
  return (
    <Modal
      open={preview !== undefined}
      title={`签到表预览：${preview?.fileName ?? ''}`}
      width={880}
      onCancel={onCancel}
      cancelText="取消"
      okText={result ? `加入 ${result.matched.length} 家企业` : '加入'}
      okButtonProps={{ disabled: !result || result.matched.length === 0 }}
      onOk={() => result && onAdd(result)}
      destroyOnHidden
    >
      {result ? (
        <div>
          <Typography.Paragraph>
            表头在第 {result.headerRow} 行。识别到 <Typography.Text strong>{result.matched.length}</Typography.Text> 家名录中的企业
            {result.unknown.length ? `，${result.unknown.length} 行企业不在名录中` : ''}
            {result.rejects.length ? `，${result.rejects.length} 行无法导入` : ''}
            {result.skipped.length ? `，${result.skipped.length} 行表尾（合计、填表人等）已跳过` : ''}。只加入识别到的企业，保存活动后才会记录。
          </Typography.Paragraph>
          <Table
            size="small"
            aria-label="识别到的企业"
            pagination={false}
            rowKey={(m) => m.enterprise.id}
            dataSource={result.matched}
            scroll={{ y: 240 }}
            columns={[
              { title: '行号', width: 90, render: (_, m) => m.rows.join('、') },
              { title: '企业名称', render: (_, m) => m.enterprise.name },
              { title: '参加人员', render: (_, m) => m.people || <Typography.Text type="secondary">未填写</Typography.Text> },
              { title: '识别方式', width: 110, render: (_, m) => <Tag color={m.by === 'creditCode' ? 'blue' : 'gold'}>{m.by === 'creditCode' ? '信用代码' : '企业名称'}</Tag> },
            ]}
          />
          {result.unknown.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={`以下 ${result.unknown.length} 行的企业不在名录中，未加入`}
              description={
                <ul aria-label="不在名录中的企业" style={{ margin: 0, paddingInlineStart: 20 }}>
                  {result.unknown.map((u) => (
                    <li key={u.row}>第 {u.row} 行「{u.name || u.creditCode}」：{u.reason}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {result.rejects.length > 0 ? (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              title={`以下 ${result.rejects.length} 行无法导入`}
              description={
                <ul aria-label="无法导入的行" style={{ margin: 0, paddingInlineStart: 20 }}>
                  {result.rejects.map((r) => (
                    <li key={r.row}>第 {r.row} 行：{r.message}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
