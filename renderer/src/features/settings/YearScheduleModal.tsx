// 录入某年放假安排: the State Council notice of a year the calendar package does not know, entered in
// one step — pasted as text, read from a file the bureau sent round (.json or .ics), or typed row by
// row — checked month by month on a preview, confirmed complete, and saved at once. Saving makes the
// year known and computes every provisional deadline (待确认) again (calendarRepo.saveYearSchedule).
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Col, Flex, Form, Input, InputNumber, Modal, Row, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import {
  checkYearSchedule,
  MAX_SCHEDULE_FILE_CHARS,
  missingStatutoryHolidays,
  parseNoticeText,
  readYearScheduleFile,
  statutoryHolidayNames,
  type HolidayRange,
  type YearSchedule,
} from '../../../../shared/calendar/yearSchedule';
import { describeError } from '../../../../shared/errors/describeError';
import { DateInput } from '../../components/DateInput';
import { saveYearSchedule } from './calendarRepo';
import { YearCalendarPreview } from './YearCalendarPreview';
import { RuleError } from '../../../../shared/errors/ruleError';

interface Values {
  year: number;
  holidays: HolidayRange[];
  workdays: { date: string }[];
  confirmed: boolean;
}

export interface YearScheduleModalProps {
  open: boolean;
  /** The year to enter; an existing schedule of that year is shown for correction. */
  year: number;
  existing?: YearSchedule;
  onClose: () => void;
}

function blankHolidays(): HolidayRange[] {
  return statutoryHolidayNames.map((name) => ({ name, from: '', to: '' }));
}

function initialValues(year: number, existing?: YearSchedule): Values {
  return {
    year,
    holidays: existing?.holidays.map((h) => ({ ...h })) ?? blankHolidays(),
    workdays: (existing?.workdays ?? []).map((date) => ({ date })),
    confirmed: false,
  };
}

export function YearScheduleModal({ open, year, existing, onClose }: YearScheduleModalProps) {
  return (
    <Modal
      open={open}
      title={`录入 ${year} 年节假日安排`}
      width={1100}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      {open && <YearScheduleForm key={year} year={year} existing={existing} onClose={onClose} />}
    </Modal>
  );
}

function YearScheduleForm({ year, existing, onClose }: { year: number; existing?: YearSchedule; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const [noticeText, setNoticeText] = useState('');
  const [readNote, setReadNote] = useState<{ type: 'success' | 'warning' | 'error'; text: string }>();
  const [source, setSource] = useState(existing?.source ?? '手工录入');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string[]>([]);
  const watchedHolidays = Form.useWatch('holidays', form) as HolidayRange[] | undefined;
  const watchedWorkdays = Form.useWatch('workdays', form) as { date?: string }[] | undefined;
  const holidays = useMemo(() => watchedHolidays ?? [], [watchedHolidays]);
  const currentYear = (Form.useWatch('year', form) as number | undefined) ?? year;

  const draft = useMemo(
    () => ({
      year: currentYear,
      // A row with no dates at all (a statutory name not filled in) is left out, and said so below.
      holidays: holidays.filter((h) => h && (h.from || h.to)).map((h) => ({ name: h.name ?? '', from: h.from ?? '', to: h.to ?? '' })),
      workdays: (watchedWorkdays ?? []).map((w) => w?.date ?? '').filter(Boolean),
    }),
    [currentYear, holidays, watchedWorkdays],
  );
  const issues = useMemo(() => checkYearSchedule(draft), [draft]);
  const undatedNames = holidays.filter((h) => h && h.name?.trim() && !h.from && !h.to).map((h) => h.name.trim());
  // A notice always names all seven statutory holidays: one missing usually means a line was not pasted.
  const missing = draft.holidays.length > 0 ? missingStatutoryHolidays(draft.holidays) : [];

  function fill(read: Pick<YearSchedule, 'holidays' | 'workdays'>) {
    form.setFieldsValue({
      holidays: read.holidays.map((h) => ({ ...h })),
      workdays: read.workdays.map((date) => ({ date })),
      confirmed: false,
    });
  }

  function readNotice() {
    const read = parseNoticeText(noticeText, currentYear);
    if (read.holidays.length === 0) {
      setReadNote({ type: 'error', text: '没有识别出放假安排：请粘贴通知中“一、元旦：…放假…”这样的条目，或逐项填写。' });
      return;
    }
    fill(read);
    setSource('通知原文');
    const unread = read.unreadLines.length > 0 ? `；以下 ${read.unreadLines.length} 行未能识别，请核对后手工补充：${read.unreadLines.join(' / ')}` : '';
    setReadNote({
      type: unread ? 'warning' : 'success',
      text: `已识别 ${read.holidays.length} 个节日、${read.workdays.length} 个调休上班日，请对照下方月历核对${unread}`,
    });
  }

  async function readFile(file: File) {
    if (file.size > MAX_SCHEDULE_FILE_CHARS * 4) {
      setReadNote({ type: 'error', text: `“${file.name}”过大，不是放假安排文件` });
      return;
    }
    const result = readYearScheduleFile(await file.text(), currentYear);
    if (!result.ok) {
      setReadNote({ type: 'error', text: `“${file.name}”：${result.message}` });
      return;
    }
    fill(result.schedule);
    setSource(file.name);
    setReadNote({
      type: 'success',
      text: `已从“${file.name}”读入 ${result.schedule.holidays.length} 个节日、${result.schedule.workdays.length} 个调休上班日，请核对`,
    });
  }

  async function save() {
    setSaveError([]);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (issues.length > 0) {
      setSaveError(issues.map((i) => i.message));
      return;
    }
    setSaving(true);
    try {
      const result = await saveYearSchedule({ year: values.year, holidays: draft.holidays, workdays: draft.workdays, source });
      const recalculated =
        result.recalculated > 0 ? `；${result.recalculated} 个问题的答复期限已按新安排重新计算` : '';
      message.success(`已保存 ${values.year} 年节假日安排${recalculated}`);
      onClose();
    } catch (error) {
      setSaveError(error instanceof RuleError ? error.issues.map((i) => i.message) : [`保存失败：${describeError(error)}`]);
    } finally {
      setSaving(false);
    }
  }

  function cancel() {
    if (!form.isFieldsTouched() && noticeText === '') {
      onClose();
      return;
    }
    modal.confirm({
      title: '放弃录入的放假安排？',
      content: '尚未保存，关闭后填写的内容不会保留。',
      okText: '放弃',
      cancelText: '继续填写',
      onOk: onClose,
    });
  }

  const issueAt = (field: string) => issues.find((i) => i.field === field)?.message;

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initialValues(year, existing)} aria-label={`${year} 年节假日安排`}>
      <Row gutter={24}>
        <Col span={12}>
          <Form.Item label="年份" name="year" rules={[{ required: true, message: '请填写年份' }]}>
            <InputNumber min={2000} max={2100} disabled={existing !== undefined} style={{ width: 120 }} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            方法一：把国务院办公厅《关于{currentYear}年部分节假日安排的通知》正文粘贴到下面，点“识别”。方法二：导入区局下发的放假安排文件（.json 或 .ics）。也可以在下方逐项填写。
          </Typography.Paragraph>
          <Input.TextArea
            aria-label="通知原文"
            rows={4}
            value={noticeText}
            onChange={(e) => setNoticeText(e.target.value)}
            placeholder="一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。……"
            maxLength={20000}
            showCount
          />
          <Flex gap={8} style={{ margin: '8px 0 12px' }}>
            <Button onClick={readNotice} disabled={noticeText.trim() === ''}>
              识别
            </Button>
            <Upload
              accept=".json,.ics"
              showUploadList={false}
              beforeUpload={(file) => {
                void readFile(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />}>导入文件</Button>
            </Upload>
          </Flex>
          {readNote && <Alert type={readNote.type} showIcon title={readNote.text} style={{ marginBottom: 12 }} />}

          <Typography.Text strong>放假安排（起止日期均含当天）</Typography.Text>
          <Form.List name="holidays">
            {(fields, { add, remove }) => (
              <div role="list" aria-label="放假安排">
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="start" role="listitem">
                    <Form.Item name={[field.name, 'name']} style={{ width: 110, marginBottom: 8 }} validateStatus={issueAt(`holidays.${index}.name`) ? 'error' : undefined}>
                      <Input aria-label={`第 ${index + 1} 个节日名称`} maxLength={20} placeholder="节日" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'from']}
                      style={{ flex: 1, marginBottom: 8 }}
                      validateStatus={issueAt(`holidays.${index}.from`) ? 'error' : undefined}
                    >
                      <DateInput id={`holiday-${index}-from`} placeholder="放假起" />
                    </Form.Item>
                    <span style={{ lineHeight: '32px' }}>至</span>
                    <Form.Item
                      name={[field.name, 'to']}
                      style={{ flex: 1, marginBottom: 8 }}
                      validateStatus={issueAt(`holidays.${index}.to`) ? 'error' : undefined}
                    >
                      <DateInput id={`holiday-${index}-to`} placeholder="放假止" />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${index + 1} 个节日`} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', from: '', to: '' })} style={{ marginBottom: 12 }}>
                  添加节日
                </Button>
              </div>
            )}
          </Form.List>

          <Typography.Text strong style={{ display: 'block' }}>调休上班日（周六、周日上班的日子）</Typography.Text>
          <Form.List name="workdays">
            {(fields, { add, remove }) => (
              <div role="list" aria-label="调休上班日">
                <Flex wrap gap={8}>
                  {fields.map((field, index) => (
                    <Flex key={field.key} gap={4} align="start" role="listitem">
                      <Form.Item
                        name={[field.name, 'date']}
                        style={{ width: 150, marginBottom: 8 }}
                        validateStatus={issueAt(`workdays.${index}`) ? 'error' : undefined}
                      >
                        <DateInput id={`workday-${index}`} placeholder="上班日期" />
                      </Form.Item>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${index + 1} 个调休上班日`} onClick={() => remove(field.name)} />
                    </Flex>
                  ))}
                </Flex>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ date: '' })}>
                  添加调休上班日
                </Button>
              </div>
            )}
          </Form.List>
        </Col>
        <Col span={12}>
          <Typography.Text strong>{currentYear} 年月历（保存后按此计算工作日）</Typography.Text>
          <YearCalendarPreview year={currentYear} holidays={draft.holidays} workdays={draft.workdays} />
        </Col>
      </Row>

      {issues.length > 0 && draft.holidays.some((h) => h.from || h.to) && (
        <Alert
          type="warning"
          showIcon
          title="请核对以下问题"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {issues.map((i) => (
                <li key={`${i.field}-${i.message}`}>{i.message}</li>
              ))}
            </ul>
          }
          style={{ margin: '12px 0' }}
        />
      )}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`尚未填写：${missing.join('、')}`}
          description="国务院通知每年都安排这 7 个节日。缺少的节日保存后按工作日计算；请核对通知是否完整粘贴，确需如此再勾选确认。"
          style={{ margin: '12px 0' }}
        />
      )}
      {undatedNames.length > 0 && (
        <Alert type="info" showIcon title={`以下节日未填日期，不会保存：${undatedNames.join('、')}`} style={{ margin: '12px 0' }} />
      )}
      {saveError.length > 0 && <Alert type="error" showIcon title={saveError.join('；')} style={{ margin: '12px 0' }} />}

      <Form.Item
        name="confirmed"
        valuePropName="checked"
        style={{ marginTop: 12 }}
        rules={[
          {
            validator: async (_rule, checked: boolean) => {
              if (!checked) throw new Error('请核对月历后勾选确认');
            },
          },
        ]}
      >
        <Checkbox>
          已对照通知核对：以上是 {currentYear} 年全部放假和调休上班安排
          {missing.length > 0 ? `（通知中没有${missing.join('、')}）` : ''}
        </Checkbox>
      </Form.Item>
      <Flex justify="end" gap={8}>
        <Button onClick={cancel}>取消</Button>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          保存安排
        </Button>
      </Flex>
    </Form>
  );
}
