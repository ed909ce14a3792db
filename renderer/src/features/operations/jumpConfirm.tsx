// A figure that moved much more than a month moves (shared/operations/operationJumps.ts) is usually a
// zero typed too many or too few: before saving, the officer sees each such figure with last month's
// value and this one, and confirms them or goes back to correct. The save then carries `confirmJumps`
// (the entry rules refuse a jump without it).
import type { useAppProps } from 'antd/es/app/context';
import { formatFigure } from '../../../../shared/operations/operationFigures';
import { formatShare, type FigureJump } from '../../../../shared/operations/operationJumps';

type ModalApi = useAppProps['modal'];

export const jumpConfirmTitle = '以下数据较上月变动较大，请核对';

/** True when there is nothing to confirm or the officer confirmed; false when they went back to correct. */
export function confirmFigureJumps(modal: ModalApi, month: string, jumps: readonly FigureJump[]): Promise<boolean> {
  if (jumps.length === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    modal.confirm({
      title: jumpConfirmTitle,
      width: 520,
      content: (
        <div>
          <p style={{ marginBottom: 8 }}>{month} 的下列数据与上月相比变动较大，常见原因是多输或少输了一个 0：</p>
          <ul aria-label="变动较大的数据" style={{ paddingInlineStart: 20, margin: 0 }}>
            {jumps.map((j) => (
              <li key={j.spec.key}>
                {j.spec.label}：上月 {formatFigure(j.spec, j.previous)} → 本月 {formatFigure(j.spec, j.current)}（{formatShare(j.share)}）
              </li>
            ))}
          </ul>
          <p style={{ marginTop: 8, marginBottom: 0 }}>确认数字无误并保存吗？</p>
        </div>
      ),
      okText: '确认无误，保存',
      cancelText: '返回修改',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
