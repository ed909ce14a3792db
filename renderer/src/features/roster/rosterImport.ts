// The database side of a roster import: look up the enterprises a file names (by credit code) to
// build the preview, then write the previewed rows in ONE transaction — all of them or none.
import { blankEnterpriseFields } from '../../../../shared/domain/enterpriseFields';
import type { Enterprise, Settings } from '../../../../shared/domain/records';
import type { ColumnMapping } from '../../../../shared/roster/rosterColumns';
import type { RosterSheet } from '../../../../shared/roster/readRosterFile';
import {
  checkRosterRows,
  classifyRosterRows,
  type RosterClassified,
  type RosterReject,
  type RosterSkippedRow,
  type RosterValues,
} from '../../../../shared/roster/rosterRows';
import { townAliasesOf } from '../../../../shared/reference/towns';
import { enterpriseSearchTokens } from '../../../../shared/search/searchTokens';
import { ledgerDb } from '../../db/db';
import type { LedgerDatabase } from '../../db/schema';
import { isLive, type Stamper } from '../../../../shared/sync/recordStamp';
import { versionKey } from '../../../../shared/sync/versionVector';
import { writeTransaction } from '../../db/ledgerWrites';

export interface RosterPreview extends RosterClassified {
  rejects: RosterReject[];
  /** Rows under the table that are no enterprise (合计, 填表人, 备注…): neither imported nor rejected. */
  skipped: RosterSkippedRow[];
  /** Enterprise rows: good and rejected, not the skipped ones. */
  dataRows: number;
}

/** The reference lists a row is checked against: the 区镇 and the other names they go by. */
export type RosterReference = readonly string[] | Pick<Settings, 'towns'> & { townAliases?: Readonly<Record<string, string>> };

/** Values applied to every good row (batch assignment), over what the file says; '' = keep the file's. */
export interface RosterBatchAssignment {
  assignedOfficer: string;
  linkedLeader: string;
}

const isTownList = (reference: RosterReference): reference is readonly string[] => Array.isArray(reference);

export async function buildRosterPreview(
  sheet: RosterSheet,
  headerIndex: number,
  mapping: ColumnMapping,
  reference: RosterReference,
  batch: RosterBatchAssignment = { assignedOfficer: '', linkedLeader: '' },
  database: LedgerDatabase = ledgerDb(),
): Promise<RosterPreview> {
  const { towns, townAliases } = isTownList(reference)
    ? { towns: reference, townAliases: {} }
    : { towns: reference.towns, townAliases: townAliasesOf(reference) };
  const checked = checkRosterRows(sheet, headerIndex, mapping, towns, townAliases);
  const rejects = checked.rejects;
  const officer = batch.assignedOfficer.trim();
  const leader = batch.linkedLeader.trim();
  const good =
    officer || leader
      ? checked.good.map((row) => ({
          ...row,
          values: { ...row.values, ...(officer ? { assignedOfficer: officer } : {}), ...(leader ? { linkedLeader: leader } : {}) },
        }))
      : checked.good;
  const existingByCode = await liveEnterprisesByCode(database, good.map((row) => row.values.creditCode));
  return { ...classifyRosterRows(good, existingByCode), rejects, skipped: checked.skipped, dataRows: good.length + rejects.length };
}

async function liveEnterprisesByCode(database: LedgerDatabase, codes: string[]): Promise<Map<string, Enterprise>> {
  const found = new Map<string, Enterprise>();
  if (codes.length === 0) return found;
  const rows = await database.enterprises.where('creditCode').anyOf(codes).toArray();
  for (const row of rows) if (isLive(row)) found.set(row.creditCode, row);
  return found;
}

function withValues(base: Enterprise, values: RosterValues): Enterprise {
  const next: Enterprise = { ...base, ...values };
  next.searchTokens = enterpriseSearchTokens(next);
  return next;
}

/**
 * Writes the preview's new and changed enterprises. Inside the transaction each update is re-read:
 * when another window changed or deleted it since the preview, the whole import is refused.
 */
export async function importRosterPreview(
  preview: RosterClassified,
  actor?: Stamper,
  now: Date = new Date(),
  /** The app's database; the import benchmark passes a fresh one per run. */
  database: LedgerDatabase = ledgerDb(),
): Promise<{ added: number; updated: number }> {
  await writeTransaction(['enterprises'], async (w) => {
    const updates: Enterprise[] = [];
    if (preview.updates.length > 0) {
      const current = await database.enterprises.bulkGet(preview.updates.map((u) => u.existing.id));
      preview.updates.forEach((update, i) => {
        const stored = current[i];
        // The version, not the clock, tells whether it changed since the preview (a merge may have brought an edit).
        if (!stored || !isLive(stored) || versionKey(stored.versionVector) !== versionKey(update.existing.versionVector)) {
          throw new Error(`第 ${update.row} 行对应的企业「${update.existing.name}」在预览后被修改或删除，请重新选择文件生成预览`);
        }
        updates.push(withValues(stored, update.values));
      });
    }
    if (preview.adds.length > 0) {
      const clash = await database.enterprises.where('creditCode').anyOf(preview.adds.map((a) => a.values.creditCode)).filter(isLive).first();
      if (clash) throw new Error(`企业「${clash.name}」（${clash.creditCode}）在预览后已被录入，请重新选择文件生成预览`);
    }
    await w.saveAll('enterprises', updates);
    await w.createAll<Enterprise>(
      'enterprises',
      preview.adds.map((row) => {
        const fields = { ...blankEnterpriseFields(), ...row.values };
        return { ...fields, searchTokens: enterpriseSearchTokens(fields) };
      }),
    );
  }, { actor, now }, database);
  return { added: preview.adds.length, updated: preview.updates.length };
}

/** Sets 服务专员 and/or 挂钩领导 on many enterprises at once (undefined = leave as is), in one transaction. */
export async function assignEnterprises(
  ids: readonly string[],
  assignment: { assignedOfficer?: string; linkedLeader?: string },
  actor?: Stamper,
  now: Date = new Date(),
): Promise<number> {
  return writeTransaction(['enterprises'], async (w) => {
    const rows = (await ledgerDb().enterprises.bulkGet([...ids])).filter((row): row is Enterprise => !!row && isLive(row));
    const next = rows.map((row) => ({
      ...row,
      ...(assignment.assignedOfficer !== undefined ? { assignedOfficer: assignment.assignedOfficer.trim() } : {}),
      ...(assignment.linkedLeader !== undefined ? { linkedLeader: assignment.linkedLeader.trim() } : {}),
    }));
    await w.saveAll('enterprises', next);
    return next.length;
  }, { actor, now });
}
