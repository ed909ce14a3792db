// The merge's promises over random histories: three or four laptops whose clocks disagree by hours
// create, edit, delete and restore records, add history entries, refresh their derived caches,
// answer conflicts and exchange packages (whole, or "changed since the last one to you") between
// random pairs. Whatever happened, merging packages is idempotent, commutative and associative, and
// after everyone has exchanged everything all laptops hold the same records, none lost, every
// deletion carried, and every officer's version either kept, knowingly replaced or kept as a conflict.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordMeta } from '../../../shared/domain/records';
import { fieldDifferences, markResolved, resolveConflict } from '../../../shared/sync/conflictResolution';
import {
  comparedFieldsOf,
  derivedFields,
  isConflictOpen,
  isConflictSuperseded,
  mergeBatch,
  mergeRecord,
  revisionInstant,
  stableSerialization,
  type Conflict,
} from '../../../shared/sync/mergeRecords';
import { sameUserFields, sameValue } from '../../../shared/sync/recordFields';
import { createdRecord, editedRecord, restoredRecord, tombstonedRecord, type Stamper } from '../../../shared/sync/recordStamp';
import { compareVersions } from '../../../shared/sync/versionVector';
import { edited, liOnB, newProblem, wangOnC, zhangOnA } from './mergeFixtures';

type SimTable = 'enterprises' | 'problems';
const simTables: readonly SimTable[] = ['enterprises', 'problems'];
type Stored = RecordMeta & Record<string, unknown>;
type Store = Record<SimTable, Map<string, Stored>>;

interface Laptop {
  index: number;
  who: Stamper;
  /** How far this laptop's clock is off the true time. */
  skewMs: number;
  store: Store;
  conflicts: Map<string, Conflict<Stored>>;
  changeSeq: number;
  /** Per destination laptop, the last change number already sent there. */
  sentUpTo: Map<number, number>;
}

/** A version an officer made, with the versions they had in front of them when they made it. */
interface Produced {
  table: SimTable;
  record: Stored;
  seen: Record<string, unknown>[];
}

interface World {
  laptops: Laptop[];
  trueTime: number;
  produced: Produced[];
  /** Every conflict any laptop ever detected. */
  conflictsEver: Conflict<Stored>[];
  answeredConflictIds: Set<string>;
  nextNumber: number;
}

// Small value sets, so that concurrent edits sometimes agree (a silent join) and often do not.
const editableFields: Record<SimTable, Record<string, readonly unknown[]>> = {
  enterprises: {
    name: ['精密机械', '华创电子', '东方纺织'],
    town: ['城东', '城西'],
    contactPhone: ['0512-1111', '0512-2222'],
    isKeyEnterprise: [true, false],
    serviceTier: ['A', 'B', undefined],
  },
  problems: {
    description: ['招工难', '融资难', '用地紧'],
    department: ['区商务局', '区人社局'],
    status: ['待处理', '已转办', '已答复'],
    replyContent: ['', '已对接'],
    satisfaction: [undefined, '满意'],
  },
};

const officers = ['张敏', '李强', '王芳', '赵磊'];
const startOfWorld = Date.parse('2026-03-02T00:00:00.000Z');

const index = fc.nat({ max: 1000 });
const table = fc.constantFrom(...simTables);
const actionArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), laptop: index, table }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), laptop: index, table, record: index, field: index, value: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), laptop: index, table, record: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), laptop: index, table, record: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('addHistory' as const), laptop: index, record: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refreshDerived' as const), laptop: index, record: index, value: index }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('exchange' as const), from: index, to: index, sinceLast: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('answer' as const), laptop: index, conflict: index, choice: fc.nat() }) },
);
type Action = typeof actionArb extends fc.Arbitrary<infer A> ? A : never;

const scenarioArb = fc.record({
  // Clocks hours apart, while actions come minutes apart: clock order and true order disagree.
  skewsMinutes: fc.array(fc.integer({ min: -240, max: 240 }), { minLength: 3, maxLength: 4 }),
  steps: fc.array(fc.record({ minutesLater: fc.integer({ min: 0, max: 20 }), action: actionArb }), { minLength: 20, maxLength: 80, size: 'max' }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

const numRuns = 250;

function emptyStore(): Store {
  return { enterprises: new Map(), problems: new Map() };
}

function newWorld(skewsMinutes: number[]): World {
  return {
    laptops: skewsMinutes.map((skew, i) => ({
      index: i,
      who: { officerName: officers[i]!, deviceId: `laptop-${i}` },
      skewMs: skew * 60_000,
      store: emptyStore(),
      conflicts: new Map(),
      changeSeq: 0,
      sentUpTo: new Map(),
    })),
    trueTime: startOfWorld,
    produced: [],
    conflictsEver: [],
    answeredConflictIds: new Set(),
    nextNumber: 1,
  };
}

const clockOf = (world: World, laptop: Laptop): Date => new Date(world.trueTime + laptop.skewMs);
const choose = <T>(items: readonly T[], n: number): T | undefined => (items.length > 0 ? items[n % items.length] : undefined);
const laptopAt = (world: World, n: number): Laptop => world.laptops[n % world.laptops.length]!;

function recordsOf(laptop: Laptop, table: SimTable, which: 'live' | 'deleted' | 'any'): Stored[] {
  return [...laptop.store[table].values()]
    .filter((r) => which === 'any' || (which === 'live') === (r.deletedAt === undefined))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The local store's write: every stored record takes this laptop's next change number. */
function put(laptop: Laptop, table: SimTable, record: Stored): void {
  laptop.changeSeq += 1;
  laptop.store[table].set(record.id, { ...record, changeSeq: laptop.changeSeq });
}

/** An officer's save, as the write path makes it: none for a save that changes nothing of theirs. */
function officerSaves(world: World, laptop: Laptop, table: SimTable, previous: Stored, next: Stored): void {
  if (sameUserFields(table, previous, next)) return;
  // Stamped as the merge requires: never before the version it replaces, whatever this clock says.
  const at = revisionInstant(previous.updatedAt, clockOf(world, laptop));
  const record = editedRecord(previous, next, laptop.who, at);
  put(laptop, table, record);
  world.produced.push({ table, record, seen: [comparedFieldsOf(table, previous)] });
}

function create(world: World, laptop: Laptop, table: SimTable): void {
  const n = world.nextNumber++;
  const now = clockOf(world, laptop);
  const fields =
    table === 'enterprises'
      ? { id: `enterprise-${n}`, name: '精密机械', creditCode: '', town: '城东', address: '', industry: '', isKeyEnterprise: false, isAboveScale: false, contactPerson: '', contactPhone: '', assignedOfficer: '', linkedLeader: '', searchTokens: [] }
      : {
          id: `problem-${n}`, enterpriseId: 'enterprise-1', raisedDate: '2026-03-02', category: '用工', description: '招工难', request: '', isComplaint: false, handling: '本部门办理', department: '区商务局', replyContent: '', status: '待处理', officer: laptop.who.officerName,
          history: [{ id: `entry-${n}`, at: now.toISOString(), by: laptop.who.officerName, to: '待处理', comment: '登记' }],
        };
  const record = createdRecord<Stored>(fields as never, laptop.who, now);
  put(laptop, table, record);
  world.produced.push({ table, record, seen: [] });
}

function apply(world: World, action: Action): void {
  switch (action.kind) {
    case 'create':
      return create(world, laptopAt(world, action.laptop), action.table);
    case 'edit': {
      const laptop = laptopAt(world, action.laptop);
      const previous = choose(recordsOf(laptop, action.table, 'live'), action.record);
      if (!previous) return;
      const fields = Object.entries(editableFields[action.table]);
      const [field, values] = choose(fields, action.field)!;
      const next: Stored = { ...previous };
      const value = choose(values, action.value);
      if (value === undefined) delete next[field];
      else next[field] = value;
      return officerSaves(world, laptop, action.table, previous, next);
    }
    case 'delete':
    case 'restore': {
      const laptop = laptopAt(world, action.laptop);
      const previous = choose(recordsOf(laptop, action.table, action.kind === 'delete' ? 'live' : 'deleted'), action.record);
      if (!previous) return;
      const at = revisionInstant(previous.updatedAt, clockOf(world, laptop));
      const record = action.kind === 'delete' ? tombstonedRecord(previous, laptop.who, at) : restoredRecord(previous, laptop.who, at);
      put(laptop, action.table, record);
      world.produced.push({ table: action.table, record, seen: [comparedFieldsOf(action.table, previous)] });
      return;
    }
    case 'addHistory': {
      const laptop = laptopAt(world, action.laptop);
      const previous = choose(recordsOf(laptop, 'problems', 'live'), action.record);
      if (!previous) return;
      const entry = { id: `entry-${world.nextNumber++}`, at: clockOf(world, laptop).toISOString(), by: laptop.who.officerName, to: previous.status, comment: '跟进' };
      return officerSaves(world, laptop, 'problems', previous, { ...previous, history: [...(previous.history as unknown[]), entry] });
    }
    case 'refreshDerived': {
      // A cache rewritten in place, without a version (ledgerWrites.putDerived), differently per laptop.
      const laptop = laptopAt(world, action.laptop);
      const previous = choose(recordsOf(laptop, 'enterprises', 'any'), action.record);
      if (!previous) return;
      laptop.store.enterprises.set(previous.id, { ...previous, lastVisitDate: `2026-02-${10 + (action.value % 18)}`, searchTokens: [`${laptop.index}`] });
      return;
    }
    case 'exchange': {
      const from = laptopAt(world, action.from);
      const to = laptopAt(world, action.to);
      if (from !== to) sendPackage(world, from, to, action.sinceLast);
      return;
    }
    case 'answer': {
      const laptop = laptopAt(world, action.laptop);
      const open = [...laptop.conflicts.values()].filter((c) => isConflictOpen(c, laptop.store[c.table as SimTable].get(c.recordId)));
      const conflict = choose(open, action.conflict);
      if (!conflict) return;
      const table = conflict.table as SimTable;
      const current = laptop.store[table].get(conflict.recordId)!;
      const choice = Object.fromEntries(
        fieldDifferences(conflict.winner, conflict.loser, table).map((d, i) => [d.field, (action.choice >> i) & 1 ? ('loser' as const) : ('winner' as const)]),
      );
      const now = clockOf(world, laptop);
      const record = resolveConflict(conflict, current, choice, laptop.who, now);
      put(laptop, table, record);
      world.produced.push({ table, record, seen: [comparedFieldsOf(table, current), comparedFieldsOf(table, conflict.loser)] });
      laptop.conflicts.set(conflict.id, markResolved(conflict, laptop.who, now));
      world.answeredConflictIds.add(conflict.id);
      return;
    }
  }
}

/** A package from one laptop to another: everything, or what changed since the last one sent there. */
function sendPackage(world: World, from: Laptop, to: Laptop, sinceLast: boolean): void {
  const since = sinceLast ? (from.sentUpTo.get(to.index) ?? 0) : 0;
  for (const table of simTables) {
    const records = [...from.store[table].values()]
      .filter((r) => (r.changeSeq ?? 0) > since)
      .map(({ changeSeq: _local, ...travelling }) => travelling as Stored);
    const result = mergeBatch(table, records, to.store[table], clockOf(world, to));
    for (const record of result.writes) put(to, table, record);
    for (const conflict of result.conflicts) {
      if (!to.conflicts.has(conflict.id)) to.conflicts.set(conflict.id, conflict);
      world.conflictsEver.push(conflict);
    }
  }
  from.sentUpTo.set(to.index, from.changeSeq);
}

function run(scenario: Scenario): World {
  const world = newWorld(scenario.skewsMinutes);
  for (const step of scenario.steps) {
    world.trueTime += step.minutesLater * 60_000;
    apply(world, step.action);
  }
  return world;
}

/** Everyone's records to the first laptop, then the first laptop's to everyone. */
function exchangeEverything(world: World): void {
  const [hub, ...others] = world.laptops;
  for (const laptop of others) sendPackage(world, laptop, hub!, false);
  for (const laptop of others) sendPackage(world, hub!, laptop, false);
}

/** A whole store merged into another, as the database layer would apply one package. */
function merged(local: Store, incoming: Store): Store {
  const out = emptyStore();
  for (const table of simTables) {
    out[table] = new Map(local[table]);
    const result = mergeBatch(table, [...incoming[table].values()], out[table], new Date(startOfWorld));
    for (const record of result.writes) out[table].set(record.id, record);
  }
  return out;
}

/** What laptops must agree on: every record, but the local counter and the caches each recomputes. */
function contents(store: Store): Record<SimTable, Record<string, string>> {
  const shape = (table: SimTable, record: Stored): string => {
    const { changeSeq: _local, ...rest } = record;
    for (const field of derivedFields[table] ?? []) delete (rest as Record<string, unknown>)[field];
    return stableSerialization(rest);
  };
  const out = { enterprises: {}, problems: {} } as Record<SimTable, Record<string, string>>;
  for (const table of simTables) for (const [id, record] of store[table]) out[table][id] = shape(table, record);
  return out;
}

const storesOf = (world: World): Store[] => world.laptops.map((l) => l.store);

describe('merging packages', () => {
  it('is idempotent: a package merged again changes nothing', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const [a, b] = storesOf(run(scenario)) as [Store, Store];
        const once = merged(a, b);
        for (const table of simTables) {
          expect(mergeBatch(table, [...b[table].values()], once[table]).writes).toEqual([]);
        }
        expect(contents(merged(a, a))).toEqual(contents(a));
      }),
      { numRuns },
    );
  });

  it('is commutative: A then B leaves the same records as B then A', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const [a, b, c] = storesOf(run(scenario)) as [Store, Store, Store];
        expect(contents(merged(a, b))).toEqual(contents(merged(b, a)));
        expect(contents(merged(merged(c, a), b))).toEqual(contents(merged(merged(c, b), a)));
      }),
      { numRuns },
    );
  });

  it('is associative: (A·B)·C leaves the same records as A·(B·C)', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const [a, b, c] = storesOf(run(scenario)) as [Store, Store, Store];
        expect(contents(merged(merged(a, b), c))).toEqual(contents(merged(a, merged(b, c))));
      }),
      { numRuns },
    );
  });
});

describe('after every laptop has exchanged everything', () => {
  it('all laptops hold the same records, and every record ever created is among them', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const world = run(scenario);
        exchangeEverything(world);
        const [hub, ...others] = world.laptops;
        for (const laptop of others) expect(contents(laptop.store)).toEqual(contents(hub!.store));
        for (const { table, record } of world.produced) expect(hub!.store[table].has(record.id)).toBe(true);
      }),
      { numRuns },
    );
  });

  it('a deletion or restore nobody contested is carried everywhere', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const world = run(scenario);
        exchangeEverything(world);
        for (const laptop of world.laptops) {
          for (const table of simTables) {
            for (const [id, final] of laptop.store[table]) {
              const versions = world.produced.filter((p) => p.table === table && p.record.id === id).map((p) => p.record);
              // The versions no other version has seen: the last word of each line of edits.
              const latest = versions.filter((v) => !versions.some((w) => compareVersions(w.versionVector, v.versionVector) === 'after'));
              if (latest.every((v) => v.deletedAt !== undefined)) expect(final.deletedAt).toBeDefined();
              if (latest.every((v) => v.deletedAt === undefined)) expect(final.deletedAt).toBeUndefined();
            }
          }
        }
      }),
      { numRuns },
    );
  });

  it('no version is silently dropped: each is kept, knowingly replaced, or kept as a conflict', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const world = run(scenario);
        exchangeEverything(world);
        const hub = world.laptops[0]!;
        for (const version of world.produced) {
          const { table, record } = version;
          const final = hub.store[table].get(record.id)!;
          expect(['before', 'same']).toContain(compareVersions(record.versionVector, final.versionVector));
          const fields = comparedFieldsOf(table, record);
          const sameAs = (other: RecordMeta) => sameValue(comparedFieldsOf(table, other), fields);
          const kept = sameAs(final);
          const replacedByOneWhoSawIt = world.produced.some(
            (later) =>
              later.table === table &&
              later.record.id === record.id &&
              compareVersions(later.record.versionVector, record.versionVector) === 'after' &&
              later.seen.some((seen) => sameValue(seen, fields)),
          );
          const keptAsConflict = world.conflictsEver.some(
            (c) => c.table === table && c.recordId === record.id && (sameAs(c.loser) || sameAs(c.winner)),
          );
          expect(kept || replacedByOneWhoSawIt || keptAsConflict, `${record.id} rev ${record.rev} by ${record.deviceId}`).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  it('every history entry any laptop wrote is in the record’s history', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const world = run(scenario);
        exchangeEverything(world);
        const hub = world.laptops[0]!;
        for (const { table, record } of world.produced) {
          if (table !== 'problems') continue;
          const finalIds = new Set((hub.store.problems.get(record.id)!.history as { id: string }[]).map((e) => e.id));
          for (const entry of record.history as { id: string }[]) expect(finalIds.has(entry.id)).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  it('a conflict answered on one laptop is closed on every laptop that kept it', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const world = run(scenario);
        exchangeEverything(world);
        for (const laptop of world.laptops) {
          for (const conflict of laptop.conflicts.values()) {
            if (!world.answeredConflictIds.has(conflict.id)) continue;
            expect(isConflictSuperseded(conflict, laptop.store[conflict.table as SimTable].get(conflict.recordId))).toBe(true);
          }
        }
      }),
      { numRuns },
    );
  });
});

describe('the stamp the merge relies on', () => {
  it('needs a revision never stamped before the version it replaces, or the order of merging decides', () => {
    // Zhang's laptop runs fast, Li's slow. Li edits Zhang's version at 09:00 by his clock; Wang,
    // who never saw either, edits at 09:30. Li's edit has seen Zhang's, so it should rank above it.
    const base = newProblem(wangOnC, '2026-03-02T01:00:00.000Z');
    const zhangs = edited(base, zhangOnA, '2026-03-03T10:00:00.000Z', { description: '融资难' });
    const wangs = edited(base, wangOnC, '2026-03-03T09:30:00.000Z', { description: '用地紧' });
    const join = (a: Stored, b: Stored): Stored => mergeRecord('problems', a, b).record;
    const descriptionsByOrder = (lis: Stored) => [
      join(join(zhangs, wangs), lis).description,
      join(zhangs, join(wangs, lis)).description,
    ];

    // Stamped by the slow clock as it reads, the order of merging would decide which edit survives…
    const lisEdit = editedRecord(zhangs, { ...zhangs, description: '招工难，缺焊工' }, liOnB, new Date('2026-03-03T09:00:00.000Z'));
    const stampedByItsClock = { ...lisEdit, updatedAt: '2026-03-03T09:00:00.000Z' };
    expect(descriptionsByOrder(stampedByItsClock)).toEqual(['融资难', '用地紧']);

    // …so the stamp (shared/sync/recordStamp.ts) never dates a revision before the version it replaces.
    const stampedAfterWhatItReplaced = lisEdit;
    expect(stampedAfterWhatItReplaced.updatedAt).toBe(revisionInstant(zhangs.updatedAt, new Date('2026-03-03T09:00:00.000Z')).toISOString());
    expect(descriptionsByOrder(stampedAfterWhatItReplaced)).toEqual(['招工难，缺焊工', '招工难，缺焊工']);
  });
});
