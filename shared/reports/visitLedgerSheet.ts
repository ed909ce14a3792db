// Layout of sheet 2, 走访台账: one row per visit, 序号 first, every field of the visit with the
// enterprise's name, credit code and town.
import type { Visit } from '../domain/records';
import type { ReportEnterprise, ReportPeriod } from './reportScope';
import { periodLabel } from './reportScope';
import type { SheetRow, SheetSpec } from './sheetSpec';

export const VISIT_LEDGER_SHEET_NAME = '走访台账';

export function visitLedgerSheetSpec(period: ReportPeriod, unit: string): SheetSpec {
  return {
    name: VISIT_LEDGER_SHEET_NAME,
    title: `${periodLabel(period)}企业走访台账${unit ? `（${unit}）` : ''}`,
    infoLines: [],
    columns: [
      { header: '序号', width: 7, type: 'integer' },
      { header: '走访日期', width: 12, type: 'date' },
      { header: '企业名称', width: 26, type: 'text' },
      { header: '统一社会信用代码', width: 21, type: 'text' },
      { header: '所属区镇', width: 14, type: 'text' },
      { header: '走访类型', width: 12, type: 'text' },
      { header: '走访人员', width: 14, type: 'text' },
      { header: '接待人员', width: 14, type: 'text' },
      { header: '走访情况', width: 40, type: 'text' },
      { header: '用工', width: 16, type: 'text' },
      { header: '订单', width: 16, type: 'text' },
      { header: '产业链配套', width: 16, type: 'text' },
      { header: '产值', width: 14, type: 'text' },
      { header: '新增投资', width: 14, type: 'text' },
      { header: '宣讲政策', width: 24, type: 'text' },
      { header: '附件数', width: 8, type: 'integer', sum: true },
    ],
    columnHeader: true,
    totalLabel: '合计',
  };
}

/** One ledger row; `policyTitles` names the policy ids (unknown ids are left out). */
export function visitLedgerRow(
  seq: number,
  v: Visit,
  e: ReportEnterprise | undefined,
  policyTitles: ReadonlyMap<string, string>,
): SheetRow {
  const policies = v.policyIds.map((id) => policyTitles.get(id)).filter((t): t is string => t !== undefined);
  return {
    kind: 'data',
    cells: [
      seq,
      v.date,
      e?.name ?? '（企业已删除）',
      e?.creditCode ?? '',
      e?.town ?? '',
      v.type,
      v.officers.join('、'),
      v.peopleMet,
      v.summary,
      v.operations.employment,
      v.operations.orders,
      v.operations.supplyChain,
      v.operations.outputValue,
      v.operations.newInvestment,
      policies.join('；'),
      v.attachmentIds.length,
    ],
  };
}
