// 移出项目库 (a date and a reason; seed 001: projects leave the library by rule) and 重新入库 (a date
// not before the exit). The rules are those of the project form, in shared/projects/projectInput.
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { projectEntrySources, projectExitReasons, type KeyProject } from '../../../../shared/domain/records';
import { useConfirmDiscard, valuesDiffer } from '../../components/unsavedChanges';
import { useSettings } from '../../db/settingsStore';
import { DateInput } from '../../components/DateInput';
import { today } from '../../../../shared/calendar/shanghaiDate';
import { exitProjectLibrary, reenterProjectLibrary } from './projectRepo';
import { useRuleFormSave } from '../../components/useRuleFormSave';

export interface LibraryMembershipModalProps {
  project: KeyProject;
  onClose: () => void;
  onSaved: (saved: KeyProject) => void;
}

interface FormValues {
  libraryExitDate?: string;
  libraryExitReasonKind?: string;
  libraryExitReason?: string;
  libraryEntryDate?: string;
  libraryEntrySource?: string;
}


export function LibraryMembershipModal({ project, onClose, onSaved }: LibraryMembershipModalProps) {
  const settings = useSettings();
  const [form] = Form.useForm<FormValues>();
  const { saving, save, errorAlert } = useRuleFormSave(form);
  const exiting = project.inLibrary;
  const title = exiting ? '移出项目库' : '重新入库';
  // Mounted per opening by the project page; Esc, × and 取消 ask before a typed reason is dropped.
  const [initial] = useState<FormValues>(() => (exiting ? { libraryExitDate: today() } : { libraryEntryDate: today() }));
  const confirmDiscard = useConfirmDiscard();
  const exitKind = Form.useWatch('libraryExitReasonKind', form);

  async function submit() {
    if (!settings) return;
    await save(async (values) => {
      onSaved(
        exiting
          ? await exitProjectLibrary(
              project.id,
              { date: values.libraryExitDate, reasonKind: values.libraryExitReasonKind, reason: values.libraryExitReason },
              settings,
            )
          : await reenterProjectLibrary(project.id, { date: values.libraryEntryDate, source: values.libraryEntrySource }, settings),
      );
    });
  }

  return (
    <Modal
      title={title}
      open
      onCancel={() => confirmDiscard(valuesDiffer(initial, form.getFieldsValue(true) as FormValues), onClose)}
      onOk={() => void submit()}
      okText={title}
      cancelText="取消"
      okButtonProps={{ danger: exiting }}
      confirmLoading={saving}
    >
      {errorAlert}
      <Form<FormValues>
        form={form}
        layout="vertical"
        aria-label={title}
        initialValues={initial}
      >
        {exiting ? (
          <>
            <Form.Item label="移出日期" name="libraryExitDate" required extra={project.libraryEntryDate ? `入库日期：${project.libraryEntryDate}` : undefined}>
              <DateInput allowClear={false} />
            </Form.Item>
            <Form.Item label="移出原因" name="libraryExitReasonKind" required>
              <Select placeholder="选择移出原因" options={projectExitReasons.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
            <Form.Item label="原因说明" name="libraryExitReason" required={exitKind === '其他'}>
              <Input.TextArea rows={3} maxLength={200} placeholder="例如：项目竣工投产满一年，按规则移出项目库" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              label="重新入库日期"
              name="libraryEntryDate"
              required
              extra={
                project.libraryExitDate
                  ? `上次移出：${project.libraryExitDate}（${[project.libraryExitReasonKind, project.libraryExitReason].filter(Boolean).join('：')}）`
                  : undefined
              }
            >
              <DateInput allowClear={false} />
            </Form.Item>
            <Form.Item label="入库来源" name="libraryEntrySource" required>
              <Select placeholder="签约项目、区镇推送或其他" options={projectEntrySources.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
