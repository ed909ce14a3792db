// Add or edit one key project. The fields are checked by shared/projects (the same rules as 移出项目库),
// and each refusal is shown at its field: money must be a number ≥ 0, an exit needs a date not before
// the entry date and a reason. Each opening starts from the stored project; Esc, × and 取消 ask
// before dropping what was typed.
import { Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import {
  foreignSources,
  projectEntrySources,
  projectExitReasons,
  projectStages,
  type Enterprise,
  type KeyProject,
} from '../../../../shared/domain/records';
import { projectInputOf } from '../../../../shared/projects/projectInput';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { useConfirmDiscard, useOpeningKey, valuesDiffer } from '../../components/unsavedChanges';
import { useSettings } from '../../db/settingsStore';
import { DateInput } from '../../components/DateInput';
import { today } from '../../../../shared/calendar/shanghaiDate';
import { saveProject } from './projectRepo';
import { useRuleFormSave } from '../../components/useRuleFormSave';

export interface ProjectFormModalProps {
  open: boolean;
  /** The project being edited; absent when adding one. */
  project?: KeyProject;
  onClose: () => void;
  onSaved: (saved: KeyProject) => void;
}

type FormValues = Record<string, unknown> & { inLibrary: boolean };


export function ProjectFormModal(props: ProjectFormModalProps) {
  // A new dialog (so a new form store) per opening: antd keeps a closed form's values otherwise.
  const opening = useOpeningKey(props.open);
  return <ProjectFormDialog key={opening} {...props} />;
}

function ProjectFormDialog({ open, project, onClose, onSaved }: ProjectFormModalProps) {
  const settings = useSettings();
  const [form] = Form.useForm<FormValues>();
  const { saving, save, errorAlert } = useRuleFormSave(form);
  const confirmDiscard = useConfirmDiscard();
  const inLibrary = Form.useWatch('inLibrary', form) ?? project?.inLibrary ?? true;
  const exitKind = Form.useWatch('libraryExitReasonKind', form) as string | undefined;
  const title = project ? '编辑重点项目' : '新增重点项目';
  const initialValues: Record<string, unknown> | undefined =
    settings === undefined
      ? undefined
      : project
        ? projectInputOf(project)
        : { stage: projectStages[0], inLibrary: true, libraryEntryDate: today(), leadOfficer: settings.officerName };

  function requestClose() {
    // The form is only there once the settings are: before that nothing can have been typed.
    const dirty = initialValues !== undefined && valuesDiffer(initialValues, form.getFieldsValue(true) as FormValues);
    confirmDiscard(dirty, onClose);
  }

  function enterpriseChosen(enterprise: Enterprise | undefined) {
    // A project usually lies where its enterprise is; fill what is still empty, never overwrite.
    if (!enterprise) return;
    if (!form.getFieldValue('town')) form.setFieldValue('town', enterprise.town || undefined);
    if (!form.getFieldValue('investorRegion')) form.setFieldValue('investorRegion', enterprise.foreignSource);
  }

  async function submit() {
    if (!settings) return;
    await save(async (values) => {
      onSaved(await saveProject(values, settings, project?.id));
    });
  }

  return (
    <Modal
      title={title}
      open={open}
      onCancel={requestClose}
      onOk={() => void submit()}
      okText="保存项目"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      width={760}
    >
      {errorAlert}
      {settings === undefined ? null : (
        <Form<FormValues>
          form={form}
          layout="vertical"
          aria-label={title}
          initialValues={initialValues}
        >
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item label="项目名称" name="name" required>
                <Input maxLength={100} autoFocus />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="关联企业" name="enterpriseId" extra="项目尚未设立企业的可以不选">
                <EnterpriseSelect onChange={(_id, enterprise) => enterpriseChosen(enterprise)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="所属区镇" name="town">
                <Select allowClear placeholder="选择区镇" options={settings.towns.map((t) => ({ value: t, label: t }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="投资方来源" name="investorRegion">
                <Select allowClear placeholder="选择来源地" options={foreignSources.map((s) => ({ value: s, label: s }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="项目阶段" name="stage" required>
                <Select options={projectStages.map((s) => ({ value: s, label: s }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="总投资（万美元）" name="totalInvestment">
                <InputNumber style={{ width: '100%' }} placeholder="例如 12000" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="注册外资（万美元）" name="registeredForeignCapital">
                <InputNumber style={{ width: '100%' }} placeholder="例如 5000" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="牵头人" name="leadOfficer">
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="在项目库中" name="inLibrary" valuePropName="checked">
                <Switch checkedChildren="在库" unCheckedChildren="已出库" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="入库日期" name="libraryEntryDate" required={inLibrary}>
                <DateInput />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="入库来源" name="libraryEntrySource" required={inLibrary}>
                <Select allowClear placeholder="签约项目、区镇推送或其他" options={projectEntrySources.map((s) => ({ value: s, label: s }))} />
              </Form.Item>
            </Col>
            {inLibrary ? null : (
              <>
                <Col span={12}>
                  <Form.Item label="移出日期" name="libraryExitDate" required>
                    <DateInput />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="移出原因" name="libraryExitReasonKind" required>
                    <Select placeholder="选择移出原因" options={projectExitReasons.map((s) => ({ value: s, label: s }))} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item label="原因说明" name="libraryExitReason" required={exitKind === '其他'}>
                    <Input.TextArea rows={2} maxLength={200} placeholder="例如：项目竣工投产满一年，按规则移出项目库" />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
        </Form>
      )}
    </Modal>
  );
}
