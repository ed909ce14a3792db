// Layout of sheet 2, 走访台账: one row per visit, 序号 first, every field of the visit with the
// enterprise's name, town and credit code. Printed on A4 landscape at 8 pt or more after fitting the
// width: the five operations fields share one wrapped column (one labelled line each), and the credit
// code, which a printed ledger does not need, sits after the printed columns.
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
    // 141 character widths print at about 8.8 pt on A4 landscape in LibreOffice (wider fonts than
    // Excel's Calibri), at full size in Excel; printedSheets.test.ts measures it.
    columns: [
      { header: '序号', width: 7, type: 'integer' },
      { header: '走访日期', width: 11, type: 'date' },
      { header: '企业名称', width: 18, type: 'text' },
      { header: '所属区镇', width: 9, type: 'text' },
      { header: '走访类型', width: 8, type: 'text' },
      { header: '走访人员', width: 9, type: 'text' },
      { header: '接待人员', width: 9, type: 'text' },
      { header: '走访情况', width: 28, type: 'text' },
      { header: '生产经营情况', width: 22, type: 'text' },
      { header: '宣讲政策', width: 14, type: 'text' },
      { header: '附件数', width: 6, type: 'integer', sum: true },
      { header: '统一社会信用代码', width: 21, type: 'text' },
    ],
    columnHeader: true,
    totalLabel: '合计',
    printColumns: VISIT_LEDGER_PRINTED_COLUMNS,
  };
}

/** Columns that print; 统一社会信用代码 after them stays in the file only. */
export const VISIT_LEDGER_PRINTED_COLUMNS = 11;

/** The operations snapshot as labelled lines (用工：…), leaving out what was not recorded. */
export function operationsText(o: Visit['operations']): string {
  const lines: [string, string][] = [
    ['用工', o.employment],
    ['订单', o.orders],
    ['产业链配套', o.supplyChain],
    ['产值', o.outputValue],
    ['新增投资', o.newInvestment],
  ];
  return lines
    .filter(([, value]) => value.trim() !== '')
    .map(([label, value]) => `${label}：${value}`)
    .join('\n');
}

/**
 * One ledger row; `policyTitles` names the policy ids (unknown ids are left out); `attachmentCount`
 * is the visit's live attachments.
 */
export function visitLedgerRow(
  seq: number,
  v: Visit,
  e: ReportEnterprise | undefined,
  policyTitles: ReadonlyMap<string, string>,
  attachmentCount: number,
): SheetRow {
  const policies = v.policyIds.map((id) => policyTitles.get(id)).filter((t): t is string => t !== undefined);
  return {
    kind: 'data',
    cells: [
      seq,
      v.date,
      e?.name ?? '（企业已删除）',
      e?.town ?? '',
      v.type,
      v.officers.join('、'),
      v.peopleMet,
      v.summary,
      operationsText(v.operations),
      policies.join('；'),
      attachmentCount,
      e?.creditCode ?? '',
    ],
  };
}
