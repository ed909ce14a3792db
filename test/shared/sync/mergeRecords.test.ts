// The merge of two laptops' copies, case by case as an officer would meet them: whose edit stays,
// what is kept for 冲突处理, and what answering a conflict does on this laptop and the others.
import { describe, expect, it } from 'vitest';
import type { Enterprise, Problem } from '../../../shared/domain/records';
import { fieldDifferences, markResolved, resolveConflict } from '../../../shared/sync/conflictResolution';
import {
  conflictSchema,
  isConflictOpen,
  isConflictSuperseded,
  mergeBatch,
  mergeRecord,
  revisionInstant,
  unionById,
} from '../../../shared/sync/mergeRecords';
import { tombstonedRecord } from '../../../shared/sync/recordStamp';
import { compareVersions } from '../../../shared/sync/versionVector';
import { byId, edited, historyEntry, liOnB, newEnterprise, newProblem, wangOnC, zhangOnA } from './mergeFixtures';

const detectedAt = new Date('2026-03-04T00:00:00.000Z');
// The problem both laptops received on 2 March, before either officer touched it again.
const shared = newProblem(wangOnC, '2026-03-02T01:00:00.000Z');

/** Both officers edited the description since the version they share, Li an hour after Zhang. */
function bothEdited() {
  const zhangs = edited(shared, zhangOnA, '2026-03-03T09:00:00.000Z', { description: '招工难，缺焊工' });
  const lis = edited(shared, liOnB, '2026-03-03T10:00:00.000Z', { description: '招工难，缺电工' });
  return { zhangs, lis };
}

describe('one side edited since the shared version', () => {
  it('wins even when its laptop clock reads earlier', () => {
    // Li's laptop is a day behind: his edit is stamped before the version it replaced.
    const lis = edited(shared, liOnB, '2026-03-01T08:00:00.000Z', { department: '区人社局' });
    const onA = mergeRecord('problems', shared, lis);
    expect(onA.outcome).toBe('updated');
    expect(onA.record).toEqual(lis);
    expect(onA.loser).toBeUndefined();
  });

  it('leaves the local copy when the incoming one is older or the same', () => {
    const zhangs = edited(shared, zhangOnA, '2026-03-03T09:00:00.000Z', { department: '区人社局' });
    expect(mergeRecord('problems', zhangs, shared)).toEqual({ outcome: 'unchanged', record: zhangs });
    expect(mergeRecord('problems', zhangs, { ...zhangs })).toEqual({ outcome: 'unchanged', record: zhangs });
  });

  it('adds a record this laptop never had', () => {
    const result = mergeBatch('problems', [shared], new Map<string, Problem>(), detectedAt);
    expect(result.counts).toEqual({ added: 1, updated: 0, deleted: 0, unchanged: 0, conflict: 0 });
    expect(result.writes).toEqual([shared]);
  });
});

describe('both sides edited since the shared version', () => {
  it('keeps the later edit and the other one as a conflict, the same on both laptops', () => {
    const { zhangs, lis } = bothEdited();
    const onA = mergeBatch('problems', [lis], byId(zhangs), detectedAt);
    const onB = mergeBatch('problems', [zhangs], byId(lis), detectedAt);

    expect(onA.counts.conflict).toBe(1);
    const [merged] = onA.writes;
    expect(merged?.description).toBe('招工难，缺电工');
    expect(merged?.versionVector).toEqual({ 'laptop-a': 1, 'laptop-b': 1, 'laptop-c': 1 });
    expect(merged?.rev).toBe(2);
    expect(onB.writes).toEqual(onA.writes);

    expect(onA.conflicts).toEqual([
      {
        id: 'problems:problem-0001:laptop-a:1,laptop-c:1',
        table: 'problems',
        recordId: 'problem-0001',
        winner: merged,
        loser: zhangs,
        detectedAt: detectedAt.toISOString(),
      },
    ]);
    expect(onB.conflicts).toEqual(onA.conflicts);
    expect(conflictSchema.parse(onA.conflicts[0])).toEqual(onA.conflicts[0]);
  });

  it('takes the greater revision count of the two, whichever side wins', () => {
    // Zhang saved twice before Li's one later save: Li wins, the record has been through 3 revisions.
    const zhangs = edited(edited(shared, zhangOnA, '2026-03-03T08:00:00.000Z', { department: '区人社局' }), zhangOnA, '2026-03-03T09:00:00.000Z', { request: '协调招工' });
    const { lis } = bothEdited();
    const merge = mergeRecord('problems', zhangs, lis);
    expect(merge.record.description).toBe('招工难，缺电工');
    expect(merge.record.rev).toBe(3);
  });

  it('breaks a tie of clocks by the greater device id, whichever laptop merges', () => {
    const at = '2026-03-03T09:00:00.000Z';
    const zhangs = edited(shared, zhangOnA, at, { description: '招工难，缺焊工' });
    const lis = edited(shared, liOnB, at, { description: '招工难，缺电工' });
    expect(mergeRecord('problems', zhangs, lis).record.description).toBe('招工难，缺电工');
    expect(mergeRecord('problems', lis, zhangs).record.description).toBe('招工难，缺电工');
    expect(mergeRecord('problems', lis, zhangs).loser).toEqual(zhangs);
  });

  it('picks the same winner from two copies alike in stamp and version but not in content', () => {
    // No stamp makes these (one edit, two contents): a damaged or hand-edited copy. Keeping each
    // laptop's own would leave them different for ever; the serialisation decides instead.
    const zhangs = edited(shared, zhangOnA, '2026-03-03T09:00:00.000Z', { description: '招工难，缺焊工' });
    const damaged = { ...zhangs, description: '招工难，缺钳工' };
    const one = mergeRecord('problems', zhangs, damaged);
    const other = mergeRecord('problems', damaged, zhangs);
    expect(one.outcome).toBe('conflict');
    expect(other.outcome).toBe('conflict');
    expect(one.record).toEqual(other.record);
  });

  it('joins copies that differ only in history entries, keeping every entry in one order', () => {
    const zhangs = edited(shared, zhangOnA, '2026-03-03T09:00:00.000Z', {
      history: [...shared.history, historyEntry('entry-zhang', '2026-03-03T09:00:00.000Z', '待处理')],
    });
    const lis = edited(shared, liOnB, '2026-03-03T08:00:00.000Z', {
      history: [...shared.history, historyEntry('entry-li', '2026-03-03T08:00:00.000Z', '待处理', '李强')],
    });
    const onA = mergeRecord('problems', zhangs, lis);
    const onB = mergeRecord('problems', lis, zhangs);
    expect(onA.outcome).toBe('updated');
    expect(onA.record.history.map((entry) => entry.id)).toEqual(['problem-0001:created', 'entry-li', 'entry-zhang']);
    expect(onB.record).toEqual(onA.record);
  });

  it('keeps both sides’ history entries when the fields conflict too', () => {
    const zhangs = edited(shared, zhangOnA, '2026-03-03T09:00:00.000Z', {
      status: '已转办',
      history: [...shared.history, historyEntry('entry-zhang', '2026-03-03T09:00:00.000Z', '已转办')],
    });
    const lis = edited(shared, liOnB, '2026-03-03T10:00:00.000Z', {
      status: '已答复',
      history: [...shared.history, historyEntry('entry-li', '2026-03-03T10:00:00.000Z', '已答复', '李强')],
    });
    const merge = mergeRecord('problems', zhangs, lis);
    expect(merge.outcome).toBe('conflict');
    expect(merge.record.status).toBe('已答复');
    expect(merge.record.history.map((entry) => entry.id)).toEqual(['problem-0001:created', 'entry-zhang', 'entry-li']);
  });
});

describe('unionById', () => {
  it('keeps one copy of an entry whatever the order, should two copies of it differ', () => {
    const entry = historyEntry('entry-x', '2026-03-03T09:00:00.000Z', '已转办');
    const edited = { ...entry, comment: '补记' };
    expect(unionById([entry], [edited])).toEqual(unionById([edited], [entry]));
    expect(unionById([entry], [edited])).toHaveLength(1);
    expect(unionById(undefined, undefined)).toBeUndefined();
  });
});

describe('derived caches and the local change counter', () => {
  const enterprise = newEnterprise(wangOnC, '2026-03-02T01:00:00.000Z');

  it('never make a conflict: copies equal but for them are joined silently', () => {
    // Both officers corrected the same phone number; each laptop computed its own caches.
    const zhangs = {
      ...edited(enterprise, zhangOnA, '2026-03-03T09:00:00.000Z', { contactPhone: '0512-6666' }),
      lastVisitDate: '2026-03-01',
      searchTokens: ['精密'],
    };
    const lis = {
      ...edited(enterprise, liOnB, '2026-03-03T10:00:00.000Z', { contactPhone: '0512-6666' }),
      lastVisitDate: '2026-02-20',
    };
    const result = mergeBatch('enterprises', [lis], byId(zhangs), detectedAt);
    expect(result.counts).toEqual({ added: 0, updated: 1, deleted: 0, unchanged: 0, conflict: 0 });
    expect(result.conflicts).toEqual([]);
    expect(result.writes[0]?.versionVector).toEqual({ 'laptop-a': 1, 'laptop-b': 1, 'laptop-c': 1 });
  });

  it('never make a version newer: the same version with other caches and counter is unchanged', () => {
    const here: Enterprise = { ...enterprise, lastVisitDate: '2026-03-01', searchTokens: ['精密'], changeSeq: 41 };
    const there: Enterprise = { ...enterprise, changeSeq: 7 };
    const result = mergeBatch('enterprises', [there], byId(here), detectedAt);
    expect(result.counts.unchanged).toBe(1);
    expect(result.writes).toEqual([]);
  });

  it('never leaves a counter on what is written: the store numbers it afresh', () => {
    const there = { ...edited(shared, liOnB, '2026-03-03T10:00:00.000Z', { department: '区人社局' }), changeSeq: 12 };
    const [written] = mergeBatch('problems', [there], byId({ ...shared, changeSeq: 3 }), detectedAt).writes;
    expect(written).toBeDefined();
    expect('changeSeq' in written!).toBe(false);
  });
});

describe('deletions', () => {
  it('travel: a tombstone made since the shared version deletes the live copy', () => {
    const deleted = tombstonedRecord(shared, liOnB, new Date('2026-03-03T10:00:00.000Z'));
    const result = mergeBatch('problems', [deleted], byId(shared), detectedAt);
    expect(result.counts.deleted).toBe(1);
    expect(result.writes[0]?.deletedAt).toBe('2026-03-03T10:00:00.000Z');
  });

  it('against a concurrent edit are a conflict, with the deletion among the differences', () => {
    const zhangs = edited(shared, zhangOnA, '2026-03-03T09:00:00.000Z', { description: '招工难，缺焊工' });
    const deleted = tombstonedRecord(shared, liOnB, new Date('2026-03-03T10:00:00.000Z'));
    const result = mergeBatch('problems', [deleted], byId(zhangs), detectedAt);
    expect(result.counts.conflict).toBe(1);
    const [conflict] = result.conflicts;
    expect(conflict?.winner.deletedAt).toBeDefined();
    expect(fieldDifferences(conflict!.winner, conflict!.loser, 'problems')).toEqual([
      { field: 'description', winner: '招工难', loser: '招工难，缺焊工' },
      { field: 'deletedAt', winner: '2026-03-03T10:00:00.000Z', loser: undefined },
    ]);
  });

  it('made on both laptops agree, whenever each was made', () => {
    const zhangs = tombstonedRecord(shared, zhangOnA, new Date('2026-03-03T09:00:00.000Z'));
    const lis = tombstonedRecord(shared, liOnB, new Date('2026-03-03T10:00:00.000Z'));
    expect(mergeRecord('problems', zhangs, lis).outcome).toBe('updated');
  });
});

describe('fieldDifferences', () => {
  it('lists the officer’s fields only: no stamps, caches, counter or history', () => {
    const enterprise = newEnterprise(wangOnC, '2026-03-02T01:00:00.000Z');
    const zhangs = { ...edited(enterprise, zhangOnA, '2026-03-03T09:00:00.000Z', { town: '城西' }), changeSeq: 5 };
    const lis = { ...edited(enterprise, liOnB, '2026-03-03T10:00:00.000Z', { serviceTier: 'A' as const }), searchTokens: ['机械'] };
    expect(fieldDifferences(lis, zhangs, 'enterprises')).toEqual([
      { field: 'town', winner: '城东', loser: '城西' },
      { field: 'serviceTier', winner: 'A', loser: undefined },
    ]);
    const { zhangs: p1, lis: p2 } = bothEdited();
    const withEntry = { ...p1, history: [...p1.history, historyEntry('entry-x', '2026-03-03T09:00:00.000Z', '待处理')] };
    expect(fieldDifferences(p2, withEntry, 'problems').map((d) => d.field)).toEqual(['description']);
  });
});

describe('answering a conflict', () => {
  function conflictOnA() {
    const { zhangs, lis } = bothEdited();
    const result = mergeBatch('problems', [lis], byId(zhangs), detectedAt);
    return { zhangs, lis, current: result.writes[0]!, conflict: result.conflicts[0]! };
  }

  it('makes a revision that dominates both sides, with the chosen fields and the actor’s stamp', () => {
    const { zhangs, lis, current, conflict } = conflictOnA();
    expect(isConflictOpen(conflict, current)).toBe(true);
    const answer = resolveConflict(conflict, current, { description: 'loser' }, zhangOnA, new Date('2026-03-04T08:00:00.000Z'));

    expect(answer.description).toBe('招工难，缺焊工');
    expect(answer.versionVector).toEqual({ 'laptop-a': 2, 'laptop-b': 1, 'laptop-c': 1 });
    expect(answer.rev).toBe(3);
    expect(answer).toMatchObject({ updatedBy: '张敏', deviceId: 'laptop-a', updatedAt: '2026-03-04T08:00:00.000Z' });
    for (const side of [zhangs, lis, current]) expect(compareVersions(answer.versionVector, side.versionVector)).toBe('after');
    expect(isConflictSuperseded(conflict, answer)).toBe(true);
    expect(isConflictOpen(conflict, answer)).toBe(false);
  });

  it('keeps the winner’s value of a field chosen as winner or not chosen, and both histories', () => {
    const { current, conflict } = conflictOnA();
    const withEntries = {
      ...conflict,
      loser: { ...conflict.loser, history: [...conflict.loser.history, historyEntry('entry-x', '2026-03-03T09:00:00.000Z', '待处理')] },
    };
    const answer = resolveConflict(withEntries, current, { description: 'winner' }, zhangOnA, new Date('2026-03-04T08:00:00.000Z'));
    expect(answer.description).toBe('招工难，缺电工');
    expect(answer.history.map((entry) => entry.id)).toEqual(['problem-0001:created', 'entry-x']);
  });

  it('dominates the loser even when answered against a copy that never merged it', () => {
    const { zhangs, lis, conflict } = conflictOnA();
    const answer = resolveConflict(conflict, lis, {}, liOnB, new Date('2026-03-04T08:00:00.000Z'));
    expect(compareVersions(answer.versionVector, zhangs.versionVector)).toBe('after');
    expect(compareVersions(answer.versionVector, lis.versionVector)).toBe('after');
  });

  it('counts one revision more than either side went through', () => {
    const { current, conflict } = conflictOnA();
    const busyLoser = { ...conflict, loser: { ...conflict.loser, rev: 7 } };
    expect(resolveConflict(busyLoser, current, {}, zhangOnA, new Date('2026-03-04T08:00:00.000Z')).rev).toBe(8);
  });

  it('is stamped after both sides even when the answering laptop’s clock is behind', () => {
    const { current, conflict } = conflictOnA();
    const answer = resolveConflict(conflict, current, {}, zhangOnA, new Date('2026-03-01T00:00:00.000Z'));
    expect(answer.updatedAt).toBe('2026-03-03T10:00:00.001Z');
  });

  it('closes the same conflict on the other laptop once the answer arrives there', () => {
    const { zhangs, lis, current, conflict } = conflictOnA();
    const onB = mergeBatch('problems', [zhangs], byId(lis), detectedAt);
    const answer = resolveConflict(conflict, current, { description: 'loser' }, zhangOnA, new Date('2026-03-04T08:00:00.000Z'));

    const arriving = mergeBatch('problems', [answer], byId(onB.writes[0]!), detectedAt);
    expect(arriving.counts.updated).toBe(1);
    expect(arriving.conflicts).toEqual([]);
    expect(onB.conflicts[0]?.id).toBe(conflict.id);
    expect(isConflictSuperseded(onB.conflicts[0]!, arriving.writes[0])).toBe(true);
    // And the answer's sides arriving again later never reopen it.
    expect(mergeBatch('problems', [zhangs, lis], byId(answer), detectedAt).writes).toEqual([]);
  });

  it('marks the row answered, and refuses to choose a stamp or the history', () => {
    const { current, conflict } = conflictOnA();
    expect(markResolved(conflict, zhangOnA, new Date('2026-03-04T08:00:00.000Z'))).toMatchObject({
      resolvedAt: '2026-03-04T08:00:00.000Z',
      resolvedBy: '张敏',
    });
    const now = new Date('2026-03-04T08:00:00.000Z');
    expect(() => resolveConflict(conflict, current, { versionVector: 'loser' }, zhangOnA, now)).toThrow('versionVector');
    expect(() => resolveConflict(conflict, current, { history: 'loser' }, zhangOnA, now)).toThrow('history');
    expect(() => resolveConflict(conflict, { ...current, id: 'problem-0002' }, {}, zhangOnA, now)).toThrow();
  });
});

describe('mergeBatch', () => {
  it('changes nothing when the same package is merged again', () => {
    const { zhangs, lis } = bothEdited();
    const fresh = newProblem(liOnB, '2026-03-03T11:00:00.000Z', 'problem-0002');
    const deleted = tombstonedRecord(newProblem(wangOnC, '2026-03-02T01:00:00.000Z', 'problem-0003'), liOnB, new Date('2026-03-03T12:00:00.000Z'));
    const store = byId<Problem>(zhangs, newProblem(wangOnC, '2026-03-02T01:00:00.000Z', 'problem-0003'));
    const packageFromB = [lis, fresh, deleted];

    const first = mergeBatch('problems', packageFromB, store, detectedAt);
    expect(first.counts).toEqual({ added: 1, updated: 0, deleted: 1, unchanged: 0, conflict: 1 });
    for (const record of first.writes) store.set(record.id, record);

    const second = mergeBatch('problems', packageFromB, store, detectedAt);
    expect(second).toEqual({ writes: [], conflicts: [], counts: { added: 0, updated: 0, deleted: 0, unchanged: 3, conflict: 0 } });
  });

  it('reads the stored records by id only, never the whole table', () => {
    const stored = byId(shared);
    let reads = 0;
    const byIdOnly = {
      get: (id: string) => {
        reads += 1;
        return stored.get(id);
      },
    } as unknown as ReadonlyMap<string, Problem>; // no iteration, no size: using them throws
    const incoming = [edited(shared, liOnB, '2026-03-03T10:00:00.000Z', { department: '区人社局' }), newProblem(liOnB, '2026-03-03T11:00:00.000Z', 'problem-0002')];
    expect(mergeBatch('problems', incoming, byIdOnly, detectedAt).counts).toMatchObject({ updated: 1, added: 1 });
    expect(reads).toBe(2);
  });
});

describe('revisionInstant', () => {
  it('is now, or just after the stamp being replaced when this clock is behind it', () => {
    expect(revisionInstant('2026-03-03T10:00:00.000Z', new Date('2026-03-04T00:00:00.000Z')).toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(revisionInstant('2026-03-03T10:00:00.000Z', new Date('2026-03-01T00:00:00.000Z')).toISOString()).toBe('2026-03-03T10:00:00.001Z');
    expect(revisionInstant('2026-03-03T10:00:00.000Z', new Date('2026-03-03T10:00:00.000Z')).toISOString()).toBe('2026-03-03T10:00:00.001Z');
  });
});
