// 累计完成投资 above the project's total investment happens (the total grows, a figure is in another
// unit) but is usually a typing slip: the officer confirms it before it is saved, and the save then
// carries `confirmOverTotal` (shared/projects/monthlyProgress refuses it without).
import type { useAppProps } from 'antd/es/app/context';
import type { KeyProject } from '../../../../shared/domain/records';
import { investmentAboveTotal } from '../../../../shared/projects/monthlyProgress';
import { formatWanUsd } from './projectDisplay';

type ModalApi = useAppProps['modal'];

/**
 * True when the investment is not above the total, or the officer confirmed it is right; false when
 * they went back to correct it.
 */
export function confirmInvestmentOverTotal(
  modal: ModalApi,
  project: Pick<KeyProject, 'name' | 'totalInvestment'>,
  investmentToDate: number | null | undefined,
): Promise<boolean> {
  if (!investmentAboveTotal(investmentToDate, project)) return Promise.resolve(true);
  return new Promise((resolve) => {
    modal.confirm({
      title: '累计完成投资超过总投资',
      content: `${project.name}：累计完成投资 ${formatWanUsd(investmentToDate ?? undefined)} 万美元，超过总投资 ${formatWanUsd(project.totalInvestment)} 万美元。确认数字无误并保存吗？`,
      okText: '确认无误，保存',
      cancelText: '返回修改',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
