// 本月经营数据 on the visit form: the month's figures (the same fields, units and last month's values as
// 填报经营数据), for the visit's month or the month before (the month before by default while the
// visit's month is not over). When the month already has figures — entered on the enterprise page or
// on another visit — they are shown and filled in, and saving the visit asks before it updates them
// (visitFiguresSave.tsx). Figures typed are part of the form, so the visit's draft keeps them.
import { Alert, Form, Radio, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { formatFigure, operationFigureSpecs } from '../../../../shared/operations/operationFigures';
import { figuresAsText, hasTypedFigures, visitFigureMonths } from '../../../../shared/operations/visitFigures';
import { shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { OperationFigureFields } from '../operations/OperationFigureFields';
import { operationMonthOf, type OperationMonth } from '../operations/operationsRepo';
import type { VisitFigureFormValues, VisitFormValues } from './visitFormModel';

/** True when the typed figures are the ones last filled in from the store (the officer changed none). */
function sameFigures(a: Partial<VisitFigureFormValues> | undefined, b: Record<string, string> | undefined): boolean {
  return b !== undefined && operationFigureSpecs.every((spec) => (a?.[spec.key] ?? '').trim() === (b[spec.key] ?? ''));
}

export function VisitFiguresFields({ enterpriseId, form, today }: { enterpriseId: string; form: FormInstance<VisitFormValues>; today: string }) {
  const date = Form.useWatch('date', form) as Dayjs | undefined;
  const month = Form.useWatch(['figures', 'month'], form) as string | undefined;
  const visitDate = date?.isValid() ? date.format('YYYY-MM-DD') : today;
  const [visitMonth, monthBefore] = visitFigureMonths(visitDate);
  const [loaded, setLoaded] = useState<OperationMonth & { month: string }>();
  // The stored figures last filled in: replaced when another month is chosen, unless the officer typed.
  const filled = useRef<Record<string, string>>(undefined);

  useEffect(() => {
    if (!month) return;
    let current = true;
    void operationMonthOf(enterpriseId, month).then((read) => {
      // Another month chosen while this one was read: its figures must not put the month back.
      if (!current || form.getFieldValue(['figures', 'month']) !== month) return;
      setLoaded({ ...read, month });
      const typed = form.getFieldValue('figures') as Partial<VisitFigureFormValues> | undefined;
      if (hasTypedFigures(typed) && !sameFigures(typed, filled.current)) return;
      const stored = figuresAsText(read.entry);
      filled.current = stored;
      form.setFieldsValue({ figures: { ...stored, month } });
    });
    return () => {
      current = false;
    };
  }, [enterpriseId, month, form]);

  const shown = loaded?.month === month ? loaded : undefined;
  const entry = shown?.entry;
  const typed = Form.useWatch('figures', form) as Partial<VisitFigureFormValues> | undefined;
  const showingStored = entry !== undefined && sameFigures(typed, figuresAsText(entry));

  return (
    <div role="group" aria-label="本月经营数据">
      <Form.Item
        label="经营数据所属月份"
        name={['figures', 'month']}
        extra={
          visitMonth >= shanghaiMonth()
            ? `走访当月（${visitMonth}）尚未结束，默认填报上月；数字填写后随走访一起保存为该月经营数据，不填则不保存`
            : '数字填写后随走访一起保存为该月经营数据，不填则不保存'
        }
      >
        <Radio.Group
          options={[
            { value: visitMonth, label: `${visitMonth}（走访当月）` },
            { value: monthBefore, label: `${monthBefore}（上月）` },
          ]}
        />
      </Form.Item>
      {entry ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${entry.month} 已有经营数据（${entry.updatedBy}填报）`}
          description={
            <>
              {operationFigureSpecs
                .filter((spec) => entry[spec.key] !== undefined)
                .map((spec) => `${spec.label} ${formatFigure(spec, entry[spec.key])}`)
                .join('，')}
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {showingStored
                  ? '已填入下方；不改动则保存走访时不会更改；如有修改，保存前会列出改动请您确认。'
                  : '下方为本次填写的数据；保存走访前会列出与已有数据的不同之处，确认后才更新。'}
              </Typography.Text>
            </>
          }
        />
      ) : null}
      {month ? <OperationFigureFields month={month} previous={shown?.previous} namePrefix={['figures']} /> : null}
    </div>
  );
}
