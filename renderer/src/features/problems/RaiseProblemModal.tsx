// 登记问题: a problem raised on its own (an enterprise's phone call) or from a key project page.
// The enterprise is picked by typing its name, pinyin initials or credit code (searchTokens index);
// the reply deadline is shown live as the dates and the handling change. Each opening starts empty
// (but for the enterprise or project it was opened from); Esc, × and 取消 ask before dropping typing.
import { TabSafeSelect } from '../visits/TabSafeSelect';
import { Alert, Checkbox, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { handlingModes, type HandlingMode, type Problem } from '../../../../shared/domain/records';
import { confirmedYears } from '../../../../shared/calendar/yearSchedule';
import { replyDeadlineChecked, uncertainDeadlineMessage } from '../../../../shared/problems/problemDeadline';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { useConfirmDiscard, useOpeningKey, valuesDiffer } from '../../components/unsavedChanges';
import { DateInput } from '../../components/DateInput';
import { projectsOfEnterprise } from '../projects/projectRepo';
import { saveNewProblem } from './problemRepo';
import { today } from '../../../../shared/calendar/shanghaiDate';
import { useRuleFormSave } from '../../components/useRuleFormSave';
import { useSettings } from '../../db/settingsStore';

export interface RaiseProblemModalProps {
  open: boolean;
  onClose: () => void;
  onSaved?: (problem: Problem) => void;
  /** Preset when raised from an enterprise or project page. */
  enterpriseId?: string;
  projectId?: string;
  /** Raised at a group activity (issue 17): the problem carries it, dated the activity's day by default. */
  activityId?: string;
  raisedDate?: string;
}

interface RaiseForm {
  enterpriseId?: string;
  projectId?: string;
  raisedDate?: string;
  category?: string;
  description?: string;
  request?: string;
  isComplaint?: boolean;
  handling: HandlingMode;
  department?: string;
  transferDate?: string;
}


export function RaiseProblemModal(props: RaiseProblemModalProps) {
  // A new dialog (so a new form store) per opening: antd keeps a closed form's values otherwise.
  const opening = useOpeningKey(props.open);
  return <RaiseProblemDialog key={opening} {...props} />;
}

function RaiseProblemDialog({ open, onClose, onSaved, enterpriseId, projectId, activityId, raisedDate: presetDate }: RaiseProblemModalProps) {
  const settings = useSettings();
  const [form] = Form.useForm<RaiseForm>();
  const { saving, save, errorAlert, clearErrors } = useRuleFormSave(form);
  const confirmDiscard = useConfirmDiscard();
  // What the form opened with: the yardstick for "unsaved typing".
  const [initialValues] = useState<RaiseForm>(() => ({
    enterpriseId,
    projectId,
    raisedDate: presetDate ?? today(),
    handling: '本部门办理',
    department: settings?.officerDepartment || undefined,
    isComplaint: false,
  }));

  const chosenEnterprise = Form.useWatch('enterpriseId', form);
  const raisedDate = Form.useWatch('raisedDate', form);
  const handling = Form.useWatch('handling', form);
  const transferDate = Form.useWatch('transferDate', form);

  const projects = useLiveQuery(
    () => (chosenEnterprise ? projectsOfEnterprise(chosenEnterprise) : Promise.resolve([])),
    [chosenEnterprise],
  );

  function close() {
    clearErrors();
    onClose();
  }

  function requestClose() {
    confirmDiscard(valuesDiffer(initialValues, form.getFieldsValue(true) as RaiseForm), close);
  }


  const preview =
    raisedDate && settings
      ? replyDeadlineChecked(
          { raisedDate, handling: handling ?? '本部门办理', transferDate: handling === '转办' ? transferDate : undefined },
          settings.calendarOverrides,
          confirmedYears(settings.calendarYears),
        )
      : undefined;

  async function submit() {
    if (!settings) return;
    await save(async (values) => {
      const saved = await saveNewProblem(
        {
          enterpriseId: values.enterpriseId ?? '',
          projectId: values.projectId,
          activityId,
          raisedDate: values.raisedDate ?? '',
          category: values.category ?? '',
          description: values.description ?? '',
          request: values.request,
          isComplaint: values.isComplaint ?? false,
          handling: values.handling,
          department: values.department ?? '',
          transferDate: values.handling === '转办' ? values.transferDate : undefined,
        },
        settings,
      );
      onSaved?.(saved);
      close();
    });
  }

  return (
    <Modal
      title="登记问题"
      open={open}
      onCancel={requestClose}
      onOk={() => void submit()}
      okText="登记"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      {errorAlert}
      <Form
        form={form}
        layout="vertical"
        name="raise-problem"
        // A project belongs to one enterprise: choosing another enterprise drops the project chosen.
        onValuesChange={(changed: Partial<RaiseForm>) => {
          if ('enterpriseId' in changed) form.setFieldValue('projectId', undefined);
        }}
        // A new form on every opening (the dialog is keyed per opening), so these fill each one.
        initialValues={initialValues}
      >
        <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
          <EnterpriseSelect />
        </Form.Item>
        <Form.Item name="projectId" label="重点项目（可选）">
          <Select
            allowClear
            placeholder={projects && projects.length > 0 ? '选择该企业的重点项目' : '该企业暂无重点项目'}
            options={(projects ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="raisedDate" label="提出日期" rules={[{ required: true, message: '请填写提出日期' }]}>
          <DateInput allowClear={false} />
        </Form.Item>
        <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
          {/* Searchable as in the visit form: typing 用工 finds it without scrolling the whole list. */}
          <TabSafeSelect placeholder="选择类别" showSearch={{ optionFilterProp: 'label' }} options={(settings?.categories ?? []).map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item
          name="description"
          label="问题描述"
          rules={[{ required: true, whitespace: true, message: '问题描述不能为空' }]}
        >
          <Input.TextArea rows={3} placeholder="企业反映的问题" />
        </Form.Item>
        <Form.Item name="request" label="企业诉求">
          <Input.TextArea rows={2} placeholder="企业希望如何解决" />
        </Form.Item>
        <Form.Item name="isComplaint" valuePropName="checked">
          <Checkbox>属于投诉（计入投诉结案率）</Checkbox>
        </Form.Item>
        <Form.Item name="handling" label="办理方式">
          <Radio.Group
            options={handlingModes.map((h) => ({ value: h, label: h }))}
            onChange={(e) => {
              if (e.target.value === '转办') {
                form.setFieldsValue({ department: undefined, transferDate: form.getFieldValue('raisedDate') });
              } else {
                form.setFieldsValue({ department: settings?.officerDepartment || undefined, transferDate: undefined });
              }
            }}
          />
        </Form.Item>
        <Form.Item
          name="department"
          label={handling === '转办' ? '责任部门（转办至）' : '责任部门'}
          rules={handling === '转办' ? [{ required: true, message: '转办须选择责任部门' }] : []}
        >
          <Select
            allowClear
            showSearch
            placeholder="选择部门"
            options={(settings?.departments ?? []).map((d) => ({ value: d, label: d }))}
          />
        </Form.Item>
        {handling === '转办' && (
          <Form.Item name="transferDate" label="转办日期" required extra="首问负责制：涉及其他部门的问题应在当日转交">
            <DateInput />
          </Form.Item>
        )}
        {preview && (
          <Typography.Paragraph>
            答复期限：<Typography.Text strong>{preview.date}</Typography.Text>
            <Typography.Text type="secondary">
              （{handling === '转办' ? '转办后 5 个工作日' : '提出后 3 个工作日'}）
            </Typography.Text>
          </Typography.Paragraph>
        )}
        {preview?.uncertain && <Alert type="warning" showIcon title={uncertainDeadlineMessage(preview.date)} />}
      </Form>
    </Modal>
  );
}
