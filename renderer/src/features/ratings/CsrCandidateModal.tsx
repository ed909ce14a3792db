// 添加 / 编辑 a 社会责任先进企业 candidate: the enterprise (typed), 纳税 and 公益捐助 in 万元, 安排就业 in
// people, the grades of 环境保护 and 劳动关系和谐, and why it is put forward. One entry per enterprise
// and year: choosing an enterprise already on the year's list says so and opens its entry.
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { csrGrades, type CsrCandidate } from '../../../../shared/domain/ratingRecords';
import { useConfirmDiscard, valuesDiffer } from '../../components/unsavedChanges';
import { useRuleFormSave } from '../../components/useRuleFormSave';
import { useSettings } from '../../db/settingsStore';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { existingCsrCandidate, saveCsrCandidate } from './ratingsRepo';

interface Values {
  enterpriseId?: string;
  taxPaid: string;
  jobs: string;
  welfare: string;
  environment?: string;
  labour?: string;
  note: string;
}

const valuesOf = (c?: CsrCandidate): Values => ({
  enterpriseId: c?.enterpriseId,
  taxPaid: c ? String(c.taxPaid) : '',
  jobs: c ? String(c.jobs) : '',
  welfare: c ? String(c.welfare) : '',
  environment: c?.environment,
  labour: c?.labour,
  note: c?.note ?? '',
});

export function CsrCandidateModal({ year, candidate, onClose }: { year: number; candidate?: CsrCandidate; onClose: () => void }) {
  const settings = useSettings();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, save, errorAlert } = useRuleFormSave(form);
  const confirmDiscard = useConfirmDiscard();
  const [initial] = useState(() => valuesOf(candidate));
  const [onList, setOnList] = useState(false);
  const grades = csrGrades.map((g) => ({ value: g, label: g }));

  async function submit() {
    if (!settings) return;
    await save(async (values) => {
      const saved = await saveCsrCandidate({ ...values, year }, settings);
      message.success(saved.replaced ? '已更新候选企业' : '已加入候选名单');
      onClose();
    });
  }

  return (
    <Modal
      title={candidate ? `编辑 ${year} 年候选企业` : `添加 ${year} 年候选企业`}
      open
      width={640}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => confirmDiscard(valuesDiffer(initial, form.getFieldsValue(true) as Values), onClose)}
    >
      {errorAlert}
      {onList ? <Alert type="info" showIcon title="该企业已在本年候选名单中，已打开其原有内容；保存将修改它。" style={{ marginBottom: 12 }} /> : null}
      <Form<Values> name="csrCandidate" form={form} layout="vertical" aria-label="候选企业" initialValues={initial}>
        <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
          {/* An entry is one enterprise's: another enterprise is a new entry, added from 添加候选企业. */}
          {candidate ? (
            <EnterpriseSelect aria-label="企业" disabled />
          ) : (
            <EnterpriseSelect
              aria-label="企业"
              onChange={(id) => {
                form.setFieldValue('enterpriseId', id);
                // The chosen enterprise's entry opens; leaving an opened entry (another enterprise, or
                // none) empties its figures, which are not the next enterprise's.
                const show = (found: CsrCandidate | undefined) => {
                  if (found) form.setFieldsValue(valuesOf(found));
                  else if (onList) form.setFieldsValue({ ...valuesOf(), enterpriseId: id });
                  setOnList(found !== undefined);
                };
                if (!id) return show(undefined);
                void existingCsrCandidate(year, id).then((found) => {
                  // Another enterprise chosen while this one was read: the later choice decides.
                  if (form.getFieldValue('enterpriseId') === id) show(found);
                });
              }}
            />
          )}
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="taxPaid" label="纳税（万元）" style={{ flex: 1 }}>
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="jobs" label="安排就业（人）" style={{ flex: 1 }}>
            <Input inputMode="numeric" />
          </Form.Item>
          <Form.Item name="welfare" label="公益捐助（万元）" style={{ flex: 1 }}>
            <Input inputMode="decimal" />
          </Form.Item>
        </div>
        <Form.Item name="environment" label="环境保护">
          <Radio.Group options={grades} optionType="button" />
        </Form.Item>
        <Form.Item name="labour" label="劳动关系和谐">
          <Radio.Group options={grades} optionType="button" />
        </Form.Item>
        <Form.Item name="note" label="推荐理由">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
