// 填报本月进展: one entry per project and month. Choosing a month that already has an entry loads it,
// and saving edits it (seed 001 asks for one report a month, not several); an entry at a later stage
// moves the project on. What is typed is kept as a draft until saved (a reload brings it back), and
// Esc, × and 取消 ask before dropping it.
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { projectStages, type KeyProject, type ProgressEntry } from '../../../../shared/domain/records';
import { shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { isLaterStage } from '../../../../shared/projects/projectStageOrder';
import { useConfirmDiscard, valuesDiffer } from '../../components/unsavedChanges';
import { useSettings } from '../../db/settingsStore';
import { dialogDraftKey, useDialogDraft } from '../problems/useDialogDraft';
import { saveProgressEntry, type SavedProgress } from './projectRepo';
import { useRuleFormSave } from '../../components/useRuleFormSave';
import { RuleError } from '../../../../shared/errors/ruleError';
import { firstLibraryMonth } from '../../../../shared/projects/monthlyProgress';
import { confirmInvestmentOverTotal } from './overTotalConfirm';

export interface ProgressEntryModalProps {
  project: KeyProject;
  /** The project's live entries: the one of the chosen month is edited rather than doubled. */
  entries: readonly ProgressEntry[];
  /** The month to open on; default the current Shanghai month. */
  month?: string;
  onClose: () => void;
  onSaved: (saved: SavedProgress) => void;
}

interface FormValues {
  month: string;
  stage: string;
  progress?: string;
  investmentToDate?: number | null;
  blockers?: string;
}

const formFields = ['month', 'stage', 'progress', 'investmentToDate', 'blockers'];

/** A month picker whose value is the `YYYY-MM` string the entries store. */
function MonthInput({ id, value, onChange, from }: { id?: string; value?: string; onChange?: (value: string) => void; from?: string }) {
  return (
    <DatePicker
      id={id}
      picker="month"
      format="YYYY-MM"
      allowClear={false}
      value={value ? dayjs(`${value}-01`) : null}
      disabledDate={(d) => d.format('YYYY-MM') > shanghaiMonth() || (from !== undefined && d.format('YYYY-MM') < from)}
      style={{ width: '100%' }}
      onChange={(d) => {
        if (d) onChange?.(d.format('YYYY-MM'));
      }}
    />
  );
}

function valuesFor(project: KeyProject, entries: readonly ProgressEntry[], month: string): FormValues {
  const entry = entries.find((e) => e.month === month);
  return entry
    ? { month, stage: entry.stage, progress: entry.progress, investmentToDate: entry.investmentToDate ?? null, blockers: entry.blockers }
    : { month, stage: project.stage, progress: '', investmentToDate: null, blockers: '' };
}

export function ProgressEntryModal({ project, entries, month, onClose, onSaved }: ProgressEntryModalProps) {
  const settings = useSettings();
  const { modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { saving, save, errorAlert } = useRuleFormSave(form);
  const chosenMonth = Form.useWatch('month', form) ?? month ?? shanghaiMonth();
  const chosenStage = Form.useWatch('stage', form);
  const existing = entries.find((e) => e.month === chosenMonth);
  // Mounted per opening by the project page: what the dialog opened with is the yardstick for typing.
  const [initial] = useState(() => valuesFor(project, entries, month ?? shanghaiMonth()));
  const draft = useDialogDraft(form, dialogDraftKey.projectProgress(project.id), formFields, () => form.resetFields());
  const confirmDiscard = useConfirmDiscard();

  function requestClose() {
    const dirty = draft.restored || valuesDiffer(initial, form.getFieldsValue(true) as FormValues);
    confirmDiscard(dirty, () => {
      void draft.discard();
      onClose();
    });
  }

  async function submit() {
    if (!settings) return;
    await save(async (values) => {
      if (!(await confirmInvestmentOverTotal(modal, project, values.investmentToDate))) {
        throw new RuleError([{ field: 'investmentToDate', message: '累计完成投资超过总投资，请核对后再保存' }]);
      }
      const saved = await saveProgressEntry(project.id, { ...values, confirmOverTotal: true }, settings);
      await draft.discard();
      onSaved(saved);
    });
  }

  return (
    <Modal
      title={`填报进展：${project.name}`}
      open
      onCancel={requestClose}
      onOk={() => void submit()}
      okText="保存进展"
      cancelText="取消"
      confirmLoading={saving}
      width={640}
    >
      {draft.notice}
      {errorAlert}
      <Form<FormValues>
        form={form}
        layout="vertical"
        aria-label="填报进展"
        initialValues={initial}
        onValuesChange={(changed: Partial<FormValues>) => {
          if (changed.month) form.setFieldsValue(valuesFor(project, entries, changed.month));
          draft.changed();
        }}
      >
        <Form.Item label="填报月份" name="month" required>
          <MonthInput from={firstLibraryMonth(project)} />
        </Form.Item>
        {existing ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${chosenMonth} 已由${existing.updatedBy}填报过进展：保存将替换该月原有的进展（每个项目每月只保留一条）`}
          />
        ) : null}
        <Form.Item
          label="项目阶段"
          name="stage"
          required
          extra={
            chosenStage && isLaterStage(chosenStage as KeyProject['stage'], project.stage)
              ? `保存后项目阶段将由“${project.stage}”更新为“${chosenStage}”`
              : undefined
          }
        >
          <Select options={projectStages.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item label="本月进展" name="progress" required>
          <Input.TextArea rows={3} maxLength={500} placeholder="本月推进情况" />
        </Form.Item>
        <Form.Item label="累计完成投资（万美元）" name="investmentToDate">
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="存在问题" name="blockers">
          <Input.TextArea rows={2} maxLength={300} placeholder="需要协调解决的问题（可在项目页登记为问题诉求）" />
        </Form.Item>
        {draft.status}
      </Form>
    </Modal>
  );
}
