// 冲突处理: what a kept conflict differs in, and the officer's answer to it. The answer is a new
// revision whose version dominates both the winner and the loser, so it travels to every laptop like
// any edit and closes the same conflict wherever it was kept (isConflictSuperseded). Pure.
import { actorName } from '../domain/actor';
import type { RecordMeta } from '../domain/records';
import { sameValue } from './recordFields';
import { editedRecord, type Stamper } from './recordStamp';
import {
  comparedFieldsOf,
  isComparedField,
  revisionInstant,
  unionById,
  unionFields,
  type Conflict,
} from './mergeRecords';
import type { SyncedTableName } from './syncedTables';
import { joinVersions } from './versionVector';

/** One field the two versions disagree on, with each side's value (undefined: the side has none). */
export interface FieldDifference {
  field: string;
  winner: unknown;
  loser: unknown;
}

export type ConflictSide = 'winner' | 'loser';
/** Per field, which version's value the officer keeps; a field left out keeps the stored value. */
export type ConflictChoice = Readonly<Record<string, ConflictSide>>;

/**
 * The officer's fields on which `winner` and `loser` differ, in the winner's field order. Stamps,
 * derived caches, `changeSeq` and the history (joined, never chosen) are left out; the tombstone is
 * in — a deletion against an edit is a choice between keeping the record and not.
 */
export function fieldDifferences(winner: RecordMeta, loser: RecordMeta, table: SyncedTableName): FieldDifference[] {
  const ours = comparedFieldsOf(table, winner);
  const theirs = comparedFieldsOf(table, loser);
  const fields = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])];
  return fields
    .filter((field) => !sameValue(ours[field], theirs[field]))
    .map((field) => ({ field, winner: valueOf(winner, field), loser: valueOf(loser, field) }));
}

/**
 * The officer's answer to `conflict`: a new revision of `current` (the record as stored now) with
 * each field chosen as 'loser' taken from the losing version, every other field as stored, and the
 * history of both. Its version is one edit by the actor on top of both sides, so it dominates the
 * winner and the loser on every laptop; its stamp is never earlier than either side's.
 */
export function resolveConflict<R extends RecordMeta>(
  conflict: Conflict<R>,
  current: R,
  choice: ConflictChoice,
  actor: Stamper,
  now: Date,
): R {
  if (current.id !== conflict.recordId) {
    throw new Error(`冲突属于记录 ${conflict.recordId}，不能用记录 ${current.id} 处理`);
  }
  const { table, loser } = conflict;
  const next = { ...current } as Row;
  delete next.changeSeq;
  for (const [field, side] of Object.entries(choice)) {
    if (!isComparedField(table, field)) throw new Error(`${field} 不是冲突处理可以选择的字段`);
    if (side !== 'loser') continue;
    const value = valueOf(loser, field);
    if (value === undefined) delete next[field];
    else next[field] = value;
  }
  for (const field of unionFields[table] ?? []) {
    const union = unionById(valueOf(current, field), valueOf(loser, field));
    if (union !== undefined) next[field] = union;
  }
  // The edit is stamped on top of the join of both sides: rev and version then exceed each of them.
  const seenBoth = {
    ...current,
    versionVector: joinVersions(current.versionVector, loser.versionVector),
    rev: Math.max(current.rev, loser.rev),
  };
  const latest = Date.parse(loser.updatedAt) > Date.parse(current.updatedAt) ? loser.updatedAt : current.updatedAt;
  return editedRecord(seenBoth, next as unknown as R, actor, revisionInstant(latest, now));
}

/** The conflict row marked as answered by `actor` (the stored record's new revision closes it too). */
export function markResolved<C extends Conflict>(conflict: C, actor: Pick<Stamper, 'officerName'>, now: Date): C {
  return { ...conflict, resolvedAt: now.toISOString(), resolvedBy: actorName(actor) };
}

type Row = RecordMeta & Record<string, unknown>;

function valueOf(record: RecordMeta, field: string): unknown {
  return (record as Row)[field];
}
