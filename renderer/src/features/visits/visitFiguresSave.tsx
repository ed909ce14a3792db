// Before a visit with figures is saved: the figures are checked as 填报经营数据 checks them (a refused
// figure is said at its field, nothing is saved), a month that already has figures is updated only
// once the officer confirmed the list of changes, and figures that jumped against last month are
// confirmed as in the entry dialog. The save then carries the month's report the officer saw, so a
// report entered meanwhile is never replaced unseen.
import type { useAppProps } from 'antd/es/app/context';
import { RuleError } from '../../../../shared/errors/ruleError';
import { figureChanges, formatFigureChange, hasTypedFigures, underVisitFigures } from '../../../../shared/operations/visitFigures';
import { confirmFigureJumps } from '../operations/jumpConfirm';
import { operationJumpsOf, operationMonthOf } from '../operations/operationsRepo';
import type { VisitFigureFormValues } from './visitFormModel';
import type { VisitFiguresRequest } from './visitRepo';

type ModalApi = useAppProps['modal'];

export const replaceFiguresTitle = (month: string) => `更新 ${month} 的经营数据？`;

function confirmReplace(modal: ModalApi, month: string, by: string, changes: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: replaceFiguresTitle(month),
      width: 520,
      content: (
        <div>
          <p style={{ marginBottom: 8 }}>{month} 的经营数据已由{by}填报。保存走访将按本次填写更新：</p>
          <ul aria-label="将更新的经营数据" style={{ paddingInlineStart: 20, margin: 0 }}>
            {changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </div>
      ),
      okText: '更新并保存走访',
      cancelText: '返回核对',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

/**
 * What the save request carries for the typed figures: nothing when none is typed or they are the
 * month's stored figures unchanged; 'cancelled' when the officer went back to check; a RuleError
 * (under `figures.`) when a figure is refused.
 */
export async function prepareVisitFigures(modal: ModalApi, enterpriseId: string, typed: VisitFigureFormValues | undefined): Promise<VisitFiguresRequest | undefined | 'cancelled'> {
  if (!typed || !hasTypedFigures(typed)) return undefined;
  const { entry } = await operationMonthOf(enterpriseId, typed.month);
  const changes = entry ? figureChanges(typed, entry) : undefined;
  if (changes && changes.length === 0) return undefined;
  let jumps;
  try {
    jumps = await operationJumpsOf(enterpriseId, typed);
  } catch (error) {
    throw underVisitFigures(error);
  }
  if (entry && !(await confirmReplace(modal, typed.month, entry.updatedBy, changes!.map(formatFigureChange)))) return 'cancelled';
  if (!(await confirmFigureJumps(modal, typed.month, jumps))) {
    throw new RuleError(jumps.map((j) => ({ field: `figures.${j.spec.key}`, message: `${j.spec.label}较上月变动较大，请核对后再保存` })));
  }
  return { input: { ...typed, confirmJumps: true }, seen: { rev: entry?.rev ?? null } };
}
