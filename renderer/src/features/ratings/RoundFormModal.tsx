// 新建评议 / 评议设置: a round's name and period, the departments (评议机关) and towns (测评投资环境) it
// rates — chosen from 设置's lists — its questions (seed 002's five to start with) and scale, and the
// fewest forms a target needs to be ranked. Once forms are in, the scale stays and a question or target
// with answers cannot be dropped (said at the field).
import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { ratingScaleLabels, ratingScales, type RatingRound } from '../../../../shared/domain/ratingRecords';
import { newRoundInput, type RatingRoundInput } from '../../../../shared/ratings/ratingInput';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { DateInput } from '../../components/DateInput';
import { useConfirmDiscard, valuesDiffer } from '../../components/unsavedChanges';
import { useRuleFormSave } from '../../components/useRuleFormSave';
import { useSettings } from '../../db/settingsStore';
import { saveRound } from './ratingsRepo';

export function RoundFormModal({ round, onClose, onSaved }: { round?: RatingRound; onClose: () => void; onSaved: (round: RatingRound) => void }) {
  const settings = useSettings();
  const [form] = Form.useForm<RatingRoundInput>();
  const { saving, save, errorAlert } = useRuleFormSave(form);
  const confirmDiscard = useConfirmDiscard();
  const [initial] = useState<RatingRoundInput>(() => (round ? { ...round } : newRoundInput(shanghaiDate())));
  const options = (list: readonly string[] | undefined, chosen: readonly string[]) =>
    [...new Set([...(list ?? []), ...chosen])].map((name) => ({ value: name, label: name }));

  async function submit() {
    if (!settings) return;
    await save(async (values) => {
      onSaved(await saveRound(values, round?.id, settings));
    });
  }

  return (
    <Modal
      title={round ? `评议设置：${round.name}` : '新建评议'}
      open
      width={720}
      okText={round ? '保存设置' : '创建评议'}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => confirmDiscard(valuesDiffer(initial, form.getFieldsValue(true) as RatingRoundInput), onClose)}
    >
      {errorAlert}
      <Form<RatingRoundInput> name="ratingRound" form={form} layout="vertical" aria-label="评议设置" initialValues={initial}>
        <Form.Item name="name" label="评议名称" rules={[{ required: true, message: '请填写评议名称' }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="startDate" label="开始日期" style={{ flex: 1 }}>
            <DateInput />
          </Form.Item>
          <Form.Item name="endDate" label="结束日期" style={{ flex: 1 }}>
            <DateInput />
          </Form.Item>
          <Form.Item name="minResponses" label="排名最少份数" style={{ flex: 1 }} extra="少于此数的对象只列数据、不排名">
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="departments" label="评议部门（千家外商投资企业评议机关）">
          <Select mode="multiple" allowClear placeholder="选择被评议的部门" options={options(settings?.departments, initial.departments)} />
        </Form.Item>
        <Form.Item name="towns" label="测评区镇（测评投资环境）">
          <Select mode="multiple" allowClear placeholder="选择被测评的区镇" options={options(settings?.towns, initial.towns)} />
        </Form.Item>
        <Form.Item name="questions" label="评议项目" extra="可输入新的项目后回车添加；顺序即录入顺序">
          <Select mode="tags" options={initial.questions.map((q) => ({ value: q, label: q }))} tokenSeparators={['，', ',', '、']} />
        </Form.Item>
        <Form.Item name="scale" label="评分方式">
          <Radio.Group options={ratingScales.map((s) => ({ value: s, label: ratingScaleLabels[s] }))} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
