// Add or edit one enterprise. The credit code is checked at the field as the user leaves it;
// a duplicate among live enterprises is reported there too when the save is refused. Each opening
// starts from the stored record; Esc, × and 取消 ask before dropping what was typed.
import { showErrorOnForm } from '../../components/useRuleFormSave';
import { App, Button, Checkbox, Col, Form, Input, Modal, Row, Select, Space, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { checkCreditCode } from '../../../../shared/creditCode';
import { blankEnterpriseFields } from '../../../../shared/domain/enterpriseFields';
import { foreignSources, serviceTiers, type Enterprise } from '../../../../shared/domain/records';
import { useConfirmDiscard, useOpeningKey, valuesDiffer } from '../../components/unsavedChanges';
import {  useSettings } from '../../db/settingsStore';
import { saveEnterprise, type EnterpriseInput } from './enterpriseRepo';

export interface EnterpriseFormModalProps {
  open: boolean;
  /** The enterprise being edited; absent when adding a new one. */
  enterprise?: Enterprise;
  onClose: () => void;
  onSaved: (saved: Enterprise) => void;
}

type FormValues = EnterpriseInput;

// The optional fields are named too: valuesOf picks an edited enterprise's values by these keys.
const emptyValues: FormValues = { ...blankEnterpriseFields(), foreignSource: undefined, serviceTier: undefined };

function valuesOf(enterprise: Enterprise | undefined): FormValues {
  if (!enterprise) return emptyValues;
  const picked = {} as Record<string, unknown>;
  for (const key of Object.keys(emptyValues)) picked[key] = enterprise[key as keyof Enterprise];
  return { ...emptyValues, ...(picked as Partial<FormValues>) };
}

export function EnterpriseFormModal(props: EnterpriseFormModalProps) {
  // A new dialog (so a new form store) per opening: antd keeps a closed form's values otherwise.
  const opening = useOpeningKey(props.open);
  return <EnterpriseFormDialog key={opening} {...props} />;
}

function EnterpriseFormDialog({ open, enterprise, onClose, onSaved }: EnterpriseFormModalProps) {
  const [form] = Form.useForm<FormValues>();
  const settings = useSettings();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const nameInput = useRef<InputRef>(null);
  const confirmDiscard = useConfirmDiscard();
  const towns = settings?.towns ?? [];
  const initialValues: FormValues = {
    ...valuesOf(enterprise),
    assignedOfficer: enterprise ? enterprise.assignedOfficer : (settings?.officerName ?? ''),
  };

  function requestClose() {
    // The form is only there once the settings are: before that nothing can have been typed.
    const dirty = settings !== undefined && valuesDiffer(initialValues, form.getFieldsValue(true) as FormValues);
    confirmDiscard(dirty, onClose);
  }

  async function submit(values: FormValues) {
    setSaving(true);
    try {
      const saved = await saveEnterprise({ ...emptyValues, ...values, assignedOfficer: values.assignedOfficer ?? '' }, undefined, enterprise?.id);
      message.success(enterprise ? '企业信息已保存' : `已新增企业：${saved.name}`);
      onSaved(saved);
    } catch (error) {
      const elsewhere = showErrorOnForm(form, error);
      if (elsewhere.length > 0) message.error(elsewhere.join('；'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={enterprise ? '编辑企业' : '新增企业'}
      onCancel={requestClose}
      footer={null}
      width={760}
      destroyOnHidden
      afterOpenChange={(visible) => {
        // The dialog takes the focus as it opens; the cursor goes to 企业名称 once it has — unless the
        // officer has already clicked into a field while it zoomed in (typing must stay where it is).
        const typingIn = document.activeElement?.closest('.ant-form-item');
        if (visible && !typingIn) nameInput.current?.focus();
      }}
    >
      {/* Wait for the settings: the town list and the default 服务专员 come from them. */}
      {settings === undefined ? null : (
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(values) => void submit(values)}
          aria-label={enterprise ? '编辑企业' : '新增企业'}
        >
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label="企业名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写企业名称' }]}>
                <Input ref={nameInput} autoFocus maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                label="统一社会信用代码"
                name="creditCode"
                validateTrigger="onBlur"
                rules={[
                  { required: true, whitespace: true, message: '请填写统一社会信用代码' },
                  {
                    validator: async (_rule, value: string | undefined) => {
                      if (!value || !value.trim()) return;
                      const checked = checkCreditCode(value);
                      if (!checked.ok) throw new Error(checked.message);
                    },
                  },
                ]}
              >
                <Input maxLength={24} placeholder="18 位，例如 91320509XXXXXXXXXX" style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="所属区镇" name="town" rules={[{ required: true, message: '请选择所属区镇' }]}>
                <Select options={towns.map((t) => ({ value: t, label: t }))} placeholder="选择区镇" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="行业" name="industry">
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label="地址" name="address">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="外资来源地" name="foreignSource">
                <Select allowClear options={foreignSources.map((s) => ({ value: s, label: s }))} placeholder="选择来源地" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="服务分级" name="serviceTier">
                <Select allowClear options={serviceTiers.map((s) => ({ value: s, label: `${s} 级` }))} placeholder="选择分级" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="联系人" name="contactPerson">
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="联系电话" name="contactPhone">
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="服务专员" name="assignedOfficer">
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="挂钩领导" name="linkedLeader">
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="isKeyEnterprise" valuePropName="checked">
                <Checkbox>重点企业</Checkbox>
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="isAboveScale" valuePropName="checked">
                <Checkbox>规上企业</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Button onClick={requestClose}>取消</Button>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存企业
            </Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}
