// The problems raised during a visit (Form.List): any number, each with its category,
// description, what the enterprise asks for, the responsible department and the handling.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { confirmedYears } from '../../../../shared/calendar/yearSchedule';
import { handlingModes, type HandlingMode, type Settings } from '../../../../shared/domain/records';
import { replyDeadlineChecked, uncertainDeadlineMessage } from '../../../../shared/problems/problemDeadline';
import { visitTextLimits } from '../../../../shared/visits/visitLimits';
import { useState } from 'react';
import { blankProblem, lengthRule } from './visitFormModel';
import { TabSafeSelect } from './TabSafeSelect';

export function VisitProblemsField({ settings }: { settings: Settings | undefined }) {
  // The problem just added by 添加问题 gets the focus in its first field: from the keyboard, the new
  // card (above the button) would otherwise be reached only by going backwards.
  const [added, setAdded] = useState<number>();
  const categories = (settings?.categories ?? []).map((c) => ({ value: c, label: c }));
  const departments = (settings?.departments ?? []).map((d) => ({ value: d, label: d }));
  return (
    <Form.List name="problems">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <section key={field.key} aria-label={`问题 ${index + 1}`}>
              <Card
                size="small"
                title={`问题 ${index + 1}`}
                style={{ marginBottom: 12 }}
                extra={
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    删除问题 {index + 1}
                  </Button>
                }
              >
                <Row gutter={16}>
                  <Col span={8}>
                    <Form.Item label="问题类别" name={[field.name, 'category']} rules={[{ required: true, message: '请选择问题类别' }]}>
                      <TabSafeSelect
                        autoFocus={field.name === added}
                        options={categories}
                        placeholder="选择类别"
                        showSearch={{ optionFilterProp: 'label' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item label="办理方式" name={[field.name, 'handling']} rules={[{ required: true, message: '请选择办理方式' }]}>
                      <Radio.Group options={handlingModes.map((h) => ({ value: h, label: h }))} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item
                      label="责任部门"
                      name={[field.name, 'department']}
                      rules={[{ required: true, message: '请选择责任部门' }]}
                    >
                      <TabSafeSelect options={departments} placeholder="选择部门" showSearch={{ optionFilterProp: 'label' }} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item
                      label="问题描述"
                      name={[field.name, 'description']}
                      rules={[
                        { required: true, whitespace: true, message: '请填写问题描述' },
                        lengthRule('问题描述', visitTextLimits.problemDescription),
                      ]}
                    >
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} count={{ show: true, max: visitTextLimits.problemDescription }} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item label="企业诉求" name={[field.name, 'request']} rules={[lengthRule('企业诉求', visitTextLimits.problemRequest)]}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} count={{ show: true, max: visitTextLimits.problemRequest }} />
                    </Form.Item>
                  </Col>
                  <Form.Item noStyle dependencies={[['problems', field.name, 'handling']]}>
                    {({ getFieldValue }) =>
                      getFieldValue(['problems', field.name, 'handling']) === '转办' ? (
                        <Col span={8}>
                          <Form.Item
                            label="转办日期"
                            name={[field.name, 'transferDate']}
                            initialValue={getFieldValue('date')}
                            tooltip="首问负责制：转办应在提出当日完成；不填表示尚待转办"
                          >
                            {/* No disabledDate: a typed future date would be dropped silently; the save names it instead. */}
                            <DatePicker style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                      ) : null
                    }
                  </Form.Item>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'isComplaint']} valuePropName="checked" label=" " colon={false}>
                      <Checkbox>属于投诉</Checkbox>
                    </Form.Item>
                  </Col>
                  <Form.Item
                    noStyle
                    dependencies={['date', ['problems', field.name, 'handling'], ['problems', field.name, 'transferDate']]}
                  >
                    {({ getFieldValue }) => (
                      <Col span={24}>
                        <ProblemDeadlineNote
                          settings={settings}
                          raisedDate={getFieldValue('date') as Dayjs | undefined}
                          handling={getFieldValue(['problems', field.name, 'handling']) as HandlingMode | undefined}
                          transferDate={getFieldValue(['problems', field.name, 'transferDate']) as Dayjs | undefined}
                        />
                      </Col>
                    )}
                  </Form.Item>
                </Row>
              </Card>
            </section>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => {
              setAdded(fields.length);
              add(blankProblem(settings));
            }} block>
            添加问题
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * The reply deadline this problem will get, shown at the problem itself; a deadline in a year the
 * calendar does not know is said here (待确认) and never stops the save.
 */
function ProblemDeadlineNote({
  settings,
  raisedDate,
  handling,
  transferDate,
}: {
  settings: Settings | undefined;
  raisedDate: Dayjs | undefined;
  handling: HandlingMode | undefined;
  transferDate: Dayjs | undefined;
}) {
  if (!settings || !raisedDate?.isValid()) return null;
  const transferred = handling === '转办';
  const deadline = replyDeadlineChecked(
    {
      raisedDate: raisedDate.format('YYYY-MM-DD'),
      handling: transferred ? '转办' : '本部门办理',
      transferDate: transferred && transferDate?.isValid() ? transferDate.format('YYYY-MM-DD') : undefined,
    },
    settings.calendarOverrides,
    confirmedYears(settings.calendarYears),
  );
  if (deadline.uncertain) return <Alert type="warning" showIcon title={uncertainDeadlineMessage(deadline.date)} style={{ marginBottom: 8 }} />;
  return (
    <Typography.Text type="secondary">
      答复期限：{deadline.date}
      {transferred && !transferDate ? '（尚未转办，按提出日期估算）' : ''}
    </Typography.Text>
  );
}
