// 填报经营数据: one enterprise's operations for a month (seed 004: 每月跟踪企业生产经营情况). The month
// defaults to this one; choosing a month that has a report loads it, and saving edits it (one report
// per enterprise and month). Last month's figure is shown under each field; a refused figure is said
// at its field; figures that jumped against last month are listed for confirmation before saving. What
// is typed is kept as a draft until saved (a reload brings it back), and Esc, × and 取消 ask before
// dropping it. Opened from a figure offered out of an old visit's text (采用), it opens on that visit's
// month with the figure filled in, to be checked and saved by the officer; the month's other offers
// show under their fields with 采用.
import { Alert, App, Button, DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { OperationReport } from '../../../../shared/domain/records';
import { RuleError } from '../../../../shared/errors/ruleError';
import type { FigureOffer } from '../../../../shared/operations/figureOffers';
import { formatFigure, operationFigureSpec, operationFigureSpecs, type OperationFigureKey } from '../../../../shared/operations/operationFigures';
import { shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { useConfirmDiscard, valuesDiffer } from '../../components/unsavedChanges';
import { useRuleFormSave } from '../../components/useRuleFormSave';
import { useSettings } from '../../db/settingsStore';
import { dialogDraftKey, useDialogDraft } from '../problems/useDialogDraft';
import { confirmFigureJumps } from './jumpConfirm';
import { OperationFigureFields } from './OperationFigureFields';
import { operationJumpsOf, operationMonthOf, saveOperationReport, type OperationMonth, type SavedOperationReport } from './operationsRepo';

type FormValues = { month: string; supplyChainIssues: string } & Record<OperationFigureKey, string>;

const formFields = ['month', ...operationFigureSpecs.map((spec) => spec.key), 'supplyChainIssues'];

/** The form's values for a month: its report's figures as text, or empty. */
function valuesOf(month: string, entry?: OperationReport): FormValues {
  const figures = Object.fromEntries(
    operationFigureSpecs.map((spec) => [spec.key, entry?.[spec.key] === undefined ? '' : String(entry[spec.key])]),
  ) as Record<OperationFigureKey, string>;
  return { month, supplyChainIssues: entry?.supplyChainIssues ?? '', ...figures };
}

/** A month picker whose value is the `YYYY-MM` the reports store; months not yet begun are not offered. */
function MonthInput({ id, value, onChange }: { id?: string; value?: string; onChange?: (value: string) => void }) {
  return (
    <DatePicker
      id={id}
      picker="month"
      format="YYYY-MM"
      allowClear={false}
      value={value ? dayjs(`${value}-01`) : null}
      disabledDate={(d) => d.format('YYYY-MM') > shanghaiMonth()}
      style={{ width: '100%' }}
      onChange={(d) => {
        if (d) onChange?.(d.format('YYYY-MM'));
      }}
    />
  );
}

export interface OperationEntryModalProps {
  enterpriseId: string;
  enterpriseName: string;
  onClose: () => void;
  onSaved: (saved: SavedOperationReport) => void;
  /** 采用 on a figure offered from a visit: open on its month with the figure filled in. */
  adopt?: FigureOffer;
  /** Figures offered from visits (any month): the chosen month's show under their fields. */
  offers?: readonly FigureOffer[];
}

/** An offer as the officer reads it: 用工人数 320 人（2026-11-12 走访「用工 320 人」）. */
export function describeOffer(offer: FigureOffer): string {
  const spec = operationFigureSpec(offer.figure.key);
  return `${spec.label} ${formatFigure(spec, offer.figure.value)}${offer.figure.approximate ? '（约数）' : ''}（${offer.visitDate} 走访：「${offer.text}」）`;
}

export function OperationEntryModal({ enterpriseId, enterpriseName, onClose, onSaved, adopt, offers = [] }: OperationEntryModalProps) {
  const settings = useSettings();
  const { modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { saving, save, errorAlert } = useRuleFormSave(form);
  const month = (Form.useWatch('month', form) as string | undefined) ?? adopt?.month ?? shanghaiMonth();
  const [loaded, setLoaded] = useState<OperationMonth & { month: string }>();
  // What the month opened with: the yardstick for "typed something".
  const [initial, setInitial] = useState<FormValues>(() => valuesOf(adopt?.month ?? shanghaiMonth()));
  const confirmDiscard = useConfirmDiscard();
  const draft = useDialogDraft(form, dialogDraftKey.operations(enterpriseId), formFields, () => form.resetFields());
  // A draft put back holds what was typed: the stored figures of its month must not replace it, until
  // the officer chooses another month.
  const [choseMonth, setChoseMonth] = useState(false);
  const keepTyped = draft.restored && !choseMonth;
  // Figures typed (or adopted) since the month was chosen: a read of the month's stored figures that
  // answers after them (a busy laptop, a quick officer) shows its 上月 and 已填报 notes but leaves the
  // fields as typed.
  const typedSinceMonth = useRef(false);

  // Read once per month chosen (a live re-read would reset what is typed).
  useEffect(() => {
    let current = true;
    void operationMonthOf(enterpriseId, month).then((read) => {
      // Another month chosen while this one was read (the box changes before this effect is
      // cleaned up): its figures must not put the month back.
      if (!current || (form.getFieldValue('month') ?? month) !== month) return;
      const values = valuesOf(month, read.entry);
      setLoaded({ ...read, month });
      setInitial(values);
      if (keepTyped || typedSinceMonth.current) return;
      // The adopted figure is typing of the officer's (their click), not the month's stored figures.
      const adopted = adopt && adopt.month === month && !choseMonth ? { [adopt.figure.key]: String(adopt.figure.value) } : {};
      form.setFieldsValue({ ...values, ...adopted });
    });
    return () => {
      current = false;
    };
  }, [enterpriseId, month, form, keepTyped, adopt, choseMonth]);

  const previous = loaded?.month === month ? loaded.previous : undefined;
  const existing = loaded?.month === month ? loaded.entry : undefined;
  const hints = Object.fromEntries(
    offers
      .filter((offer) => offer.month === month)
      .map((offer) => [
        offer.figure.key,
        <span key={offer.visitId}>
          走访记录中识别到：{describeOffer(offer)}
          {/* Out of the Tab order: an officer typing the figures field by field with Tab must land in the
              next field, not on 采用 (the next figure typed would be lost and the rest shift by one). */}
          <Button
            type="link"
            size="small"
            tabIndex={-1}
            onClick={() => {
              form.setFieldValue(offer.figure.key, String(offer.figure.value));
              form.setFields([{ name: offer.figure.key, errors: [] }]);
              typedSinceMonth.current = true;
              draft.changed();
            }}
          >
            采用
          </Button>
        </span>,
      ]),
  );

  function requestClose() {
    confirmDiscard(draft.restored || valuesDiffer(initial, form.getFieldsValue(true) as FormValues), () => {
      void draft.discard();
      onClose();
    });
  }

  async function submit() {
    if (!settings) return;
    await save(async (values) => {
      const jumps = await operationJumpsOf(enterpriseId, values);
      if (!(await confirmFigureJumps(modal, values.month, jumps))) {
        throw new RuleError(jumps.map((j) => ({ field: j.spec.key, message: `${j.spec.label}较上月变动较大，请核对后再保存` })));
      }
      const saved = await saveOperationReport(enterpriseId, { ...values, confirmJumps: true }, settings);
      await draft.discard();
      onSaved(saved);
    });
  }

  return (
    <Modal
      title={`填报经营数据：${enterpriseName}`}
      open
      onCancel={requestClose}
      onOk={() => void submit()}
      okText="保存经营数据"
      cancelText="取消"
      confirmLoading={saving}
      width={680}
    >
      {draft.notice}
      {errorAlert}
      <Form<FormValues>
        form={form}
        layout="vertical"
        aria-label="填报经营数据"
        initialValues={initial}
        onValuesChange={(changed: Partial<FormValues>) => {
          // A refusal said at a field goes once that field is typed in again (no rule re-checks it).
          form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof FormValues, errors: [] })));
          // Choosing another month opens that month's figures, as on a fresh opening.
          if (changed.month) setChoseMonth(true);
          typedSinceMonth.current = !changed.month;
          draft.changed();
        }}
      >
        <Form.Item label="填报月份" name="month" required extra={`数据均为该月情况；“本年累计”“本年新增”为当年 1 月至该月合计`}>
          <MonthInput />
        </Form.Item>
        {existing ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${month} 已由${existing.updatedBy}填报过：保存将替换该月原有的数据（每家企业每月只保留一份）`}
          />
        ) : null}
        <OperationFigureFields month={month} previous={previous} autoFocusFirst hints={hints} />
        <Form.Item
          label="产业链配套问题"
          name="supplyChainIssues"
          extra={previous?.supplyChainIssues ? `上月：${previous.supplyChainIssues}` : undefined}
        >
          <Input.TextArea rows={2} maxLength={300} showCount placeholder="如：上游芯片交期 16 周；本地缺少表面处理配套" />
        </Form.Item>
        {draft.status}
      </Form>
    </Modal>
  );
}
