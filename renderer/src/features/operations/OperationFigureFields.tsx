// The figures of a month's 经营数据 as form fields — name and unit, last month's value beside each —
// shared by 填报经营数据 and the visit form, so both ask for the same figures the same way. The
// fields hold text; the entry rules (shared/operations/operationEntry.ts) read it at the save.
import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { formatFigure, operationFigureSpecs, type OperationFigureKey, type OperationFigures } from '../../../../shared/operations/operationFigures';
import { previousMonth } from '../../../../shared/projects/monthlyProgress';

export interface OperationFigureFieldsProps {
  /** The month the figures are for. */
  month: string;
  /** Last month's report, shown under each field. */
  previous?: OperationFigures;
  /** Where the fields sit in the form's values (the visit form keeps them under `figures`). */
  namePrefix?: readonly string[];
  autoFocusFirst?: boolean;
  /** A line under a field besides last month's value (a figure offered from a visit). */
  hints?: Partial<Record<OperationFigureKey, ReactNode>>;
}

export function OperationFigureFields({ month, previous, namePrefix = [], autoFocusFirst = false, hints = {} }: OperationFigureFieldsProps) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
      {operationFigureSpecs.map((spec, index) => (
        <Form.Item
          key={spec.key}
          label={`${spec.label}（${spec.unit}）`}
          name={[...namePrefix, spec.key]}
          extra={
            <>
              上月（{previousMonth(month)}）：{previous?.[spec.key] === undefined ? '未填' : formatFigure(spec, previous[spec.key])}
              {hints[spec.key] ? <div>{hints[spec.key]}</div> : null}
            </>
          }
        >
          <Input
            inputMode={spec.integer ? 'numeric' : 'decimal'}
            autoComplete="off"
            autoFocus={autoFocusFirst && index === 0}
            placeholder={spec.key === 'exports' ? '无出口可不填' : undefined}
          />
        </Form.Item>
      ))}
    </div>
  );
}
