// A laptop that last ran an older build holds a database at an older version: opening it with the
// current build must keep every row and make the new tables usable.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LedgerDatabase, schemaVersions, type ProblemTallyRow } from '../../../renderer/src/db/schema';

// The v1 schema as it shipped, copied here on purpose: the test opens the database the way an old
// build did, not the way the current class happens to define version 1.
const shippedV1 = {
  enterprises: 'id, creditCode, name, town, assignedOfficer, lastVisitDate, updatedAt, *searchTokens',
  visits: 'id, enterpriseId, date, [enterpriseId+date], updatedAt',
  problems:
    'id, enterpriseId, visitId, projectId, status, raisedDate, replyDeadline, department, category, officer, [enterpriseId+raisedDate], updatedAt',
  projects: 'id, enterpriseId, stage, inLibrary, updatedAt',
  progressEntries: 'id, projectId, month, [projectId+month], updatedAt',
  policies: 'id, code, updatedAt',
  attachments: 'id, ownerId, updatedAt',
  drafts: 'key, updatedAt',
  settings: 'key',
};

// Version 4 as it shipped (issue 11).
const shippedV4 = {
  enterprises: 'id, creditCode, name, town, assignedOfficer, lastVisitDate, updatedAt, *searchTokens, changeSeq',
  visits: 'id, enterpriseId, date, [enterpriseId+date], updatedAt, changeSeq',
  problems:
    'id, enterpriseId, visitId, projectId, status, raisedDate, replyDeadline, department, category, officer, [enterpriseId+raisedDate], updatedAt, changeSeq',
  projects: 'id, enterpriseId, stage, inLibrary, updatedAt, changeSeq',
  progressEntries: 'id, projectId, month, [projectId+month], updatedAt, changeSeq',
  policies: 'id, code, updatedAt, changeSeq',
  attachments: 'id, ownerId, updatedAt, changeSeq',
  planActions: 'id, enterpriseId, dueDate, updatedAt, changeSeq',
  syncState: 'key',
  conflicts: 'id, recordId, detectedAt',
};

/**
 * A database as the build that shipped `version` declared it: every step up to it, as it shipped
 * (the steps after version 6 are declared further down, next to their tests).
 */
function shippedDatabase(name: string, version: number): Dexie {
  const steps: Record<string, string>[] = [
    shippedV1,
    { planActions: 'id, enterpriseId, dueDate, updatedAt' },
    {},
    shippedV4,
    shippedV5,
    shippedV6,
    shippedV7,
    shippedV8,
    shippedV9,
    shippedV10,
    shippedV11,
    shippedV12,
  ];
  const old = new Dexie(name);
  steps.slice(0, version).forEach((stores, i) => old.version(i + 1).stores(stores));
  return old;
}

const meta = (id: string) => ({
  id,
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  updatedBy: '张三',
  deviceId: 'device-old',
});

describe('upgrade from version 1 to version 2 (service plan)', () => {
  it('keeps every v1 row and adds a usable planActions table', async () => {
    const name = `upgrade-test-${Math.random()}`;
    const old = shippedDatabase(name, 1);
    await old.open();
    await old.table('enterprises').bulkPut([
      { ...meta('ent-00001'), name: '苏州甲公司', creditCode: '91320509MA1XXXXX0A', town: '平望镇', searchTokens: ['甲公司'], assignedOfficer: '张三' },
      { ...meta('ent-00002'), name: '苏州乙公司', creditCode: '91320509MA1XXXXX1B', town: '震泽镇', searchTokens: ['乙公司'], assignedOfficer: '李四', deletedAt: '2026-10-02T00:00:00.000Z' },
    ]);
    await old.table('visits').put({ ...meta('visit-0001'), enterpriseId: 'ent-00001', date: '2026-10-08', type: '调研走访' });
    await old.table('problems').put({ ...meta('prob-0001'), enterpriseId: 'ent-00001', status: '待处理', raisedDate: '2026-10-08' });
    await old.table('settings').put({ key: 'app', value: { officerName: '张三' } });
    old.close();

    const db = new LedgerDatabase(name);
    await db.open();
    try {
      expect(db.verno).toBe(schemaVersions.length);
      expect(await db.enterprises.count()).toBe(2);
      expect((await db.enterprises.get('ent-00002'))?.deletedAt).toBe('2026-10-02T00:00:00.000Z');
      expect(await db.enterprises.where('searchTokens').startsWith('甲').primaryKeys()).toEqual(['ent-00001']);
      expect(await db.visits.where('[enterpriseId+date]').between(['ent-00001', ''], ['ent-00001', '\uffff']).count()).toBe(1);
      expect(await db.problems.where('status').equals('待处理').count()).toBe(1);
      expect((await db.settings.get('app'))?.value.officerName).toBe('张三');

      await db.planActions.put({
        ...meta('plan-0001'),
        rev: 1,
        versionVector: { d: 1 },
        enterpriseId: 'ent-00001',
        need: '用工缺口 50 人',
        action: '对接人社局专场招聘',
        owner: '张三',
        dueDate: '2026-11-30',
        note: '',
      });
      expect(await db.planActions.where('enterpriseId').equals('ent-00001').count()).toBe(1);
      expect(await db.planActions.where('dueDate').belowOrEqual('2026-12-01').count()).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('upgrade from version 2 to version 3 (provisional deadlines)', () => {
  it('marks a deadline that rests on a year with only an override day as 待确认, and leaves the rest', async () => {
    const name = `upgrade-test-${Math.random()}`;
    const old = shippedDatabase(name, 2);
    await old.open();
    const problem = (id: string, raisedDate: string, replyDeadline: string) => ({
      ...meta(id),
      enterpriseId: 'ent-00001',
      raisedDate,
      category: '用工',
      description: '招工难',
      handling: '本部门办理',
      department: '区商务局',
      replyDeadline,
      replyContent: '',
      status: '待处理',
      officer: '张三',
      history: [],
    });
    await old.table('problems').bulkPut([
      // 0.1 took 2027 as known from the one override day, so this deadline is a guess about 2027.
      problem('prob-late', '2026-12-30', '2027-01-05'),
      problem('prob-firm', '2026-11-02', '2026-11-05'),
    ]);
    await old.table('planActions').put({ ...meta('plan-0001'), enterpriseId: 'ent-00001', dueDate: '2026-12-01' });
    // 0.1's tokens: name suffixes and initials, no full pinyin.
    await old.table('enterprises').put({
      ...meta('ent-00001'),
      name: '江苏亨通光电股份有限公司',
      creditCode: '91320500MA1XXXXX0A',
      town: '七都镇',
      searchTokens: ['江苏亨通光电股份有限公司', 'jshtgdgfyxgs'],
    });
    // A project of 0.1: in the library since June, in 在建 since its September progress entry.
    await old.table('projects').put({
      ...meta('proj-0001'),
      name: '亨通海洋光缆扩建项目',
      enterpriseId: 'ent-00001',
      investorRegion: '欧美',
      stage: '在建',
      inLibrary: true,
      libraryEntryDate: '2026-06-10',
      libraryExitReason: '',
      leadOfficer: '张三',
      town: '七都镇',
    });
    await old.table('progressEntries').bulkPut([
      { ...meta('prog-0001'), projectId: 'proj-0001', month: '2026-08', stage: '已设立·前期手续', progress: '办理用地', blockers: '' },
      { ...meta('prog-0002'), projectId: 'proj-0001', month: '2026-09', stage: '在建', progress: '开工', blockers: '' },
    ]);
    await old.table('settings').put({ key: 'app', value: { officerName: '张三', calendarOverrides: { '2027-01-01': false } } });
    old.close();

    const db = new LedgerDatabase(name);
    await db.open();
    try {
      expect(db.verno).toBe(schemaVersions.length);
      const late = await db.problems.get('prob-late');
      expect(late?.replyDeadline).toBe('2027-01-05');
      expect(late?.replyDeadlineProvisional).toBe(true);
      expect(late?.updatedAt).toBe('2026-10-01T00:00:00.000Z');
      const firm = await db.problems.get('prob-firm');
      expect(firm?.replyDeadlineProvisional).toBeUndefined();
      expect(await db.planActions.count()).toBe(1);
      const settings = (await db.settings.get('app'))?.value;
      expect(settings?.calendarOverrides).toEqual({ '2027-01-01': false });
      expect(Object.keys(settings?.townAliases ?? {}).length).toBeGreaterThan(0);
      // Full pinyin finds the enterprise through the index once its tokens are recomputed.
      expect(await db.enterprises.where('searchTokens').startsWith('hengtong').primaryKeys()).toEqual(['ent-00001']);
      const project = await db.projects.get('proj-0001');
      expect(project?.history?.map((h) => h.kind)).toContain('入库');
      expect(project?.history?.length).toBeGreaterThan(1);
    } finally {
      db.close();
    }
  });
});

describe('upgrade from version 3 to version 4 (records ready to merge)', () => {
  it('gives every row of every table its first version and a change number, ids to history entries, and drops attachmentIds', async () => {
    const name = `upgrade-v4-${Math.random()}`;
    const old = shippedDatabase(name, 3);
    await old.open();
    const rows: Record<string, Record<string, unknown>[]> = {
      enterprises: [{ ...meta('ent-00001'), name: '苏州甲公司', creditCode: '91320509MA1XXXXX0A', town: '平望镇', searchTokens: ['甲公司'] }],
      visits: [{ ...meta('visit-0001'), deviceId: 'device-second', enterpriseId: 'ent-00001', date: '2026-10-08', type: '调研走访', attachmentIds: ['att-00001'] }],
      problems: [
        {
          ...meta('prob-0001'),
          enterpriseId: 'ent-00001',
          status: '已转办',
          raisedDate: '2026-10-08',
          history: [
            { at: '2026-10-08T01:00:00.000Z', by: '张三', to: '待处理', comment: '登记' },
            { at: '2026-10-09T01:00:00.000Z', by: '张三', from: '待处理', to: '已转办', comment: '转办' },
          ],
        },
      ],
      projects: [{ ...meta('proj-0001'), name: '扩建项目', stage: '在建', inLibrary: true, history: [{ kind: '入库', date: '2026-06-10', reason: '', source: '', by: '张三' }] }],
      progressEntries: [{ ...meta('prog-0001'), projectId: 'proj-0001', month: '2026-09', stage: '在建' }],
      policies: [{ ...meta('policy-3-07'), code: '3-07', title: '稳岗补贴', sourceDocument: '' }],
      attachments: [{ ...meta('att-00001'), ownerId: 'visit-0001', fileName: '车间.jpg', mimeType: 'image/jpeg', size: 3, blob: new Blob([new Uint8Array([1, 2, 3])]) }],
      planActions: [{ ...meta('plan-0001'), enterpriseId: 'ent-00001', need: '融资', action: '对接', owner: '张三', dueDate: '2026-12-01' }],
    };
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkPut(list);
    await old.table('drafts').put({ key: 'visit:new:ent-00001', updatedAt: '2026-10-01T00:00:00.000Z', data: { summary: '半截' } });
    old.close();

    const db = new LedgerDatabase(name);
    await db.open();
    try {
      const numbers: number[] = [];
      for (const [table, list] of Object.entries(rows)) {
        for (const original of list) {
          const row = (await db.table(table).get(String(original.id))) as Record<string, unknown>;
          expect(row, `${table} ${String(original.id)}`).toMatchObject({ rev: 1, versionVector: { [String(original.deviceId)]: 1 } });
          expect(row.updatedAt).toBe(original.updatedAt);
          numbers.push(row.changeSeq as number);
        }
      }
      // One change number each, 1..n, and the counter stands at n: the next write takes n + 1.
      expect([...numbers].sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
      expect((await db.syncState.get('changeSeq'))?.value).toBe(numbers.length);
      expect(await db.enterprises.where('changeSeq').above(0).count()).toBe(1);

      const problem = await db.problems.get('prob-0001');
      expect(problem?.history.map((h) => h.id)).toEqual(['prob-0001:h1', 'prob-0001:h2']);
      expect(problem?.history[1]).toMatchObject({ from: '待处理', to: '已转办', comment: '转办' });
      expect((await db.projects.get('proj-0001'))?.history?.map((h) => h.id)).toEqual(['proj-0001:h1']);
      const visit = (await db.visits.get('visit-0001')) as Record<string, unknown>;
      expect('attachmentIds' in visit).toBe(false);
      expect(await db.attachments.where('ownerId').equals('visit-0001').count()).toBe(1);
      const photo = await db.attachments.get('att-00001');
      expect(photo ? [...new Uint8Array(await photo.blob.arrayBuffer())] : []).toEqual([1, 2, 3]);
      expect((await db.drafts.get('visit:new:ent-00001'))?.data).toEqual({ summary: '半截' });
      expect(await db.conflicts.count()).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('upgrade from version 4 to version 5 (indexes that screens read, problem tallies)', () => {
  it('gives unanswered and still-to-transfer problems their index fields, tallies every officer, and finds deleted records by deletedAt', async () => {
    const name = `upgrade-v5-${Math.random()}`;
    const old = shippedDatabase(name, 4);
    await old.open();
    const v4 = (id: string, seq: number) => ({ ...meta(id), rev: 1, versionVector: { 'device-old': 1 }, changeSeq: seq });
    const problem = (id: string, seq: number, fields: Record<string, unknown>) => ({
      ...v4(id, seq),
      enterpriseId: 'ent-00001',
      category: '用工',
      description: '招工难',
      request: '',
      isComplaint: false,
      handling: '本部门办理',
      department: '',
      replyContent: '',
      history: [],
      ...fields,
    });
    await old.table('problems').bulkPut([
      problem('prob-open', 1, { raisedDate: '2026-11-02', replyDeadline: '2026-11-05', status: '待处理', officer: '张三' }),
      problem('prob-pending', 2, { raisedDate: '2026-11-02', replyDeadline: '2026-11-09', status: '待处理', officer: '张三', handling: '转办', department: '区人社局', isComplaint: true }),
      problem('prob-late', 3, { raisedDate: '2026-11-02', replyDeadline: '2026-11-05', replyDate: '2026-11-06', status: '已办结', officer: '李四', isComplaint: true }),
      problem('prob-gone', 4, { raisedDate: '2026-11-02', replyDeadline: '2026-11-05', status: '待处理', officer: '李四', deletedAt: '2026-11-20T00:00:00.000Z' }),
    ]);
    await old.table('enterprises').put({ ...v4('ent-00001', 5), name: '苏州甲公司', creditCode: '91320509MA1XXXXX0A', town: '平望镇', searchTokens: ['甲公司'], deletedAt: '2026-11-21T00:00:00.000Z' });
    await old.table('settings').put({ key: 'app', value: { officerName: '张三' } });
    old.close();

    const db = new LedgerDatabase(name);
    await db.open();
    try {
      expect(await db.problems.get('prob-open')).toMatchObject({ openDeadline: '2026-11-05' });
      expect(await db.problems.get('prob-pending')).toMatchObject({ openDeadline: '2026-11-09', transferPendingSince: '2026-11-02' });
      expect(await db.problems.get('prob-late')).not.toHaveProperty('openDeadline');
      expect(await db.problems.get('prob-gone')).not.toHaveProperty('openDeadline');
      // Today's overdue problems of 张三, by key range alone.
      expect(await db.problems.where('[officer+openDeadline]').between(['张三', Dexie.minKey], ['张三', '2026-11-06']).primaryKeys()).toEqual(['prob-open']);
      const tallies = Object.fromEntries((await db.tallies.toArray()).map((row) => [row.key, 'counts' in row ? row.counts : row.count]));
      expect(tallies['problems|张三']).toMatchObject({ total: 2, unanswered: 2, complaints: 1, answeredLate: 0 });
      expect(tallies['problems|李四']).toMatchObject({ total: 1, answeredLate: 1, complaints: 1, complaintsClosed: 1 });
      expect(await db.enterprises.where('deletedAt').aboveOrEqual('2026-11-01').primaryKeys()).toEqual(['ent-00001']);
      expect(await db.problems.where('deletedAt').aboveOrEqual('2026-11-01').primaryKeys()).toEqual(['prob-gone']);
    } finally {
      db.close();
    }
  });
});

// Version 5 as it shipped (issue 13, first step).
const shippedV5 = {
  enterprises: 'id, creditCode, name, town, assignedOfficer, *searchTokens, changeSeq, deletedAt',
  visits: 'id, date, [enterpriseId+date], changeSeq, deletedAt',
  problems:
    'id, enterpriseId, visitId, projectId, status, raisedDate, department, category, officer, changeSeq, deletedAt, openDeadline, [officer+openDeadline], [officer+transferPendingSince]',
  projects: 'id, enterpriseId, changeSeq, deletedAt',
  progressEntries: 'id, projectId, month, [projectId+month], changeSeq',
  policies: 'id, code, changeSeq',
  attachments: 'id, ownerId, changeSeq',
  planActions: 'id, enterpriseId, dueDate, changeSeq',
  tallies: 'key',
};

describe('upgrade from version 5 to version 6 (工作台 by key range)', () => {
  it('counts problems per category and department in the tallies, and indexes last visits per town and overdue problems per department', async () => {
    const name = `upgrade-v6-${Math.random()}`;
    const old = shippedDatabase(name, 5);
    await old.open();
    const v5 = (id: string, seq: number) => {
      const { updatedAt: _dropped, ...rest } = meta(id);
      return { ...rest, rev: 1, versionVector: { 'device-old': 1 }, changeSeq: seq };
    };
    const problem = (id: string, seq: number, fields: Record<string, unknown>) => ({
      ...v5(id, seq),
      enterpriseId: 'ent-00001',
      raisedDate: '2026-11-02',
      replyDeadline: '2026-11-05',
      description: '招工难',
      request: '',
      isComplaint: false,
      handling: '本部门办理',
      replyContent: '',
      history: [],
      status: '待处理',
      officer: '张三',
      ...fields,
    });
    await old.table('problems').bulkPut([
      problem('prob-overdue', 1, { category: '用工', department: '区人社局', openDeadline: '2026-11-05' }),
      problem('prob-open', 2, { category: '用工', department: '区人社局', replyDeadline: '2026-12-20', openDeadline: '2026-12-20' }),
      problem('prob-answered', 3, { category: '融资', department: '', replyDate: '2026-11-04', status: '已办结' }),
      problem('prob-gone', 4, { category: '融资', department: '区人社局', deletedAt: '2026-11-20T00:00:00.000Z' }),
    ]);
    // The tally version 5 kept: no counts per category or department.
    await old.table('tallies').put({ key: 'problems|张三', counts: { total: 3, answeredOnTime: 1, answeredLate: 0, unanswered: 2, transferredLate: 0, byOutcome: {}, byStatus: {}, complaints: 0, complaintsClosed: 0 } });
    const enterprise = (id: string, seq: number, town: string, lastVisitDate?: string) => ({
      ...v5(id, seq),
      name: `苏州${id}公司`,
      creditCode: `91320509MA1XX${seq}`,
      town,
      searchTokens: [],
      ...(lastVisitDate ? { lastVisitDate } : {}),
    });
    await old.table('enterprises').bulkPut([
      enterprise('ent-a', 5, '平望镇', '2026-11-10'),
      enterprise('ent-b', 6, '平望镇', '2026-10-30'),
      enterprise('ent-c', 7, '平望镇'),
      enterprise('ent-d', 8, '震泽镇', '2026-11-03'),
    ]);
    old.close();

    const db = new LedgerDatabase(name);
    await db.open();
    try {
      const tally = ((await db.tallies.get('problems|张三')) as ProblemTallyRow).counts;
      expect(tally).toMatchObject({ total: 3, unanswered: 2, byCategory: { 用工: 2, 融资: 1 }, byDepartment: { 区人社局: 2, '': 1 } });
      // 平望镇's enterprises last visited in November, and 区人社局's problems overdue on 2026-11-18, by key alone.
      expect(await db.enterprises.where('[town+lastVisitDate]').between(['平望镇', '2026-11-01'], ['平望镇', '2026-11-18'], true, true).count()).toBe(1);
      expect(await db.problems.where('[department+openDeadline]').between(['区人社局', Dexie.minKey], ['区人社局', '2026-11-18']).primaryKeys()).toEqual(['prob-overdue']);
      expect(await db.problems.count()).toBe(4);
    } finally {
      db.close();
    }
  });
});

// Version 6 as it shipped (issue 13, 工作台 by key range).
const shippedV6 = {
  ...shippedV5,
  enterprises: 'id, creditCode, name, town, assignedOfficer, *searchTokens, changeSeq, deletedAt, [town+lastVisitDate]',
  problems:
    'id, enterpriseId, visitId, projectId, status, raisedDate, department, category, officer, changeSeq, deletedAt, openDeadline, [officer+openDeadline], [officer+transferPendingSince], [department+openDeadline]',
};

describe('upgrade from version 6 to version 7 (经营数据)', () => {
  it('keeps every v6 row and adds a usable operationReports table, read by enterprise and month', async () => {
    const name = `upgrade-v7-${Math.random()}`;
    const old = shippedDatabase(name, 6);
    await old.open();
    const v6 = (id: string, seq: number) => ({ ...meta(id), rev: 1, versionVector: { 'device-old': 1 }, changeSeq: seq });
    await old.table('enterprises').bulkPut([
      { ...v6('ent-00001', 1), name: '苏州甲公司', creditCode: '91320509MA1XXXXX0A', town: '平望镇', searchTokens: ['甲公司'], lastVisitDate: '2026-11-10' },
      { ...v6('ent-00002', 2), name: '苏州乙公司', creditCode: '91320509MA1XXXXX1B', town: '震泽镇', searchTokens: ['乙公司'], deletedAt: '2026-11-02T00:00:00.000Z' },
    ]);
    await old.table('visits').put({ ...v6('visit-0001', 3), enterpriseId: 'ent-00001', date: '2026-11-10', type: '调研走访' });
    await old.table('problems').put({ ...v6('prob-0001', 4), enterpriseId: 'ent-00001', status: '待处理', raisedDate: '2026-11-10', officer: '张三', openDeadline: '2026-11-13' });
    await old.table('progressEntries').put({ ...v6('prog-0001', 5), projectId: 'proj-0001', month: '2026-11', stage: '在建' });
    await old.table('planActions').put({ ...v6('plan-0001', 6), enterpriseId: 'ent-00001', need: '融资', action: '银企对接', owner: '张三', dueDate: '2026-12-01' });
    await old.table('syncState').put({ key: 'changeSeq', value: 6 });
    await old.table('settings').put({ key: 'app', value: { officerName: '张三' } });
    old.close();

    const db = new LedgerDatabase(name);
    await db.open();
    try {
      expect(db.verno).toBe(schemaVersions.length); // and on through every later step
      expect(await db.enterprises.count()).toBe(2);
      expect((await db.enterprises.get('ent-00002'))?.deletedAt).toBe('2026-11-02T00:00:00.000Z');
      expect(await db.enterprises.where('[town+lastVisitDate]').equals(['平望镇', '2026-11-10']).primaryKeys()).toEqual(['ent-00001']);
      expect(await db.visits.count()).toBe(1);
      expect(await db.problems.where('[officer+openDeadline]').equals(['张三', '2026-11-13']).count()).toBe(1);
      expect(await db.progressEntries.count()).toBe(1);
      expect(await db.planActions.count()).toBe(1);
      expect((await db.syncState.get('changeSeq'))?.value).toBe(6);
      expect((await db.settings.get('app'))?.value.officerName).toBe('张三');

      const report = (id: string, month: string, seq: number, extra: Record<string, unknown> = {}) => ({
        ...v6(id, seq),
        enterpriseId: 'ent-00001',
        month,
        outputValue: 1200,
        supplyChainIssues: '',
        ...extra,
      });
      await db.operationReports.bulkPut([
        report('ops-0001', '2026-10', 7),
        report('ops-0002', '2026-11', 8),
        report('ops-0003', '2026-09', 9, { deletedAt: '2026-11-20T00:00:00.000Z' }),
      ]);
      expect(
        await db.operationReports.where('[enterpriseId+month]').between(['ent-00001', '2026-10'], ['ent-00001', '2026-11'], true, true).primaryKeys(),
      ).toEqual(['ops-0001', 'ops-0002']);
      expect(await db.operationReports.where('month').equals('2026-11').count()).toBe(1);
      expect(await db.operationReports.where('changeSeq').above(7).count()).toBe(2);
      expect(await db.operationReports.where('deletedAt').aboveOrEqual('2026-11-01').primaryKeys()).toEqual(['ops-0003']);
    } finally {
      db.close();
    }
  });
});

// Version 7 as it shipped (issue 15, 经营数据).
const shippedV7 = { operationReports: 'id, [enterpriseId+month], month, changeSeq, deletedAt' };

describe('upgrade from version 7 to version 8 (visits per day, enterprises per town)', () => {
  it('counts the live visits of each day and the live enterprises of each town into the tallies, and the problems again', async () => {
    const name = `upgrade-v8-${Math.random()}`;
    const old = shippedDatabase(name, 7);
    await old.open();
    const v7 = (id: string, seq: number) => ({ ...meta(id), rev: 1, versionVector: { 'device-old': 1 }, changeSeq: seq });
    const gone = { deletedAt: '2026-11-20T00:00:00.000Z' };
    await old.table('enterprises').bulkPut([
      { ...v7('ent-00001', 1), name: '苏州甲公司', creditCode: '91320509MA1XXXXX0A', town: '平望镇', searchTokens: [] },
      { ...v7('ent-00002', 2), name: '苏州乙公司', creditCode: '91320509MA1XXXXX1B', town: '平望镇', searchTokens: [] },
      { ...v7('ent-00003', 3), name: '苏州丙公司', creditCode: '91320509MA1XXXXX2C', town: '', searchTokens: [] },
      { ...v7('ent-00004', 4), name: '苏州丁公司', creditCode: '91320509MA1XXXXX3D', town: '震泽镇', searchTokens: [], ...gone },
    ]);
    const visit = (id: string, seq: number, date: string, extra = {}) => ({ ...v7(id, seq), enterpriseId: 'ent-00001', date, type: '调研走访', ...extra });
    await old.table('visits').bulkPut([
      visit('visit-0001', 5, '2026-11-10'),
      visit('visit-0002', 6, '2026-11-10'),
      visit('visit-0003', 7, '2026-11-11'),
      visit('visit-0004', 8, '2026-11-11', gone),
      visit('visit-0005', 9, '2026-11-12', gone),
    ]);
    await old.table('problems').put({ ...v7('prob-0001', 10), enterpriseId: 'ent-00001', category: '用工', department: '', status: '待处理', raisedDate: '2026-11-10', replyDeadline: '2026-11-13', officer: '张三', openDeadline: '2026-11-13' });
    old.close();

    const db = new LedgerDatabase(name);
    await db.open();
    try {
      const tallies = Object.fromEntries((await db.tallies.toArray()).map((row) => [row.key, 'count' in row ? row.count : row.counts.total]));
      expect(tallies).toEqual({
        'visitsOn|2026-11-10': 2,
        'visitsOn|2026-11-11': 1,
        'enterprisesIn|平望镇': 2,
        'enterprisesIn|': 1,
        'problems|张三': 1,
      });
    } finally {
      db.close();
    }
  });
});

// Version 8 as it shipped (issue 13: counts in the tallies, no new index).
const shippedV8 = {};

describe('upgrade from version 8 to versions 9–12 (培育库, meetings, activities, ratings)', () => {
  it('keeps every v8 row and its tallies, and adds the new tables, each read by the indexes its screens use', async () => {
    const name = `upgrade-v12-${Math.random()}`;
    const old = shippedDatabase(name, 8);
    await old.open();
    const v8 = (id: string, seq: number) => ({ ...meta(id), rev: 1, versionVector: { 'device-old': 1 }, changeSeq: seq });
    await old.table('enterprises').put({ ...v8('ent-00001', 1), name: '苏州甲公司', creditCode: '91320509MA1XXXXX0A', town: '平望镇', searchTokens: [] });
    await old.table('tallies').put({ key: 'enterprisesIn|平望镇', count: 1 });
    old.close();

    const db = new LedgerDatabase(name);
    await db.open();
    try {
      expect((await db.enterprises.get('ent-00001'))?.name).toBe('苏州甲公司');
      expect(await db.tallies.get('enterprisesIn|平望镇')).toEqual({ key: 'enterprisesIn|平望镇', count: 1 });
      const gone = { deletedAt: '2026-11-20T00:00:00.000Z' };
      await db.cultivationCandidates.bulkPut([
        { ...v8('cult-2026-规上-ent-00001', 2), enterpriseId: 'ent-00001', year: 2026, target: '规上', note: '' },
        { ...v8('cult-2027-上市-ent-00001', 3), enterpriseId: 'ent-00001', year: 2027, target: '上市', note: '', ...gone },
      ]);
      await db.cultivationGoals.put({ ...v8('cultgoal-2026-规上-平望镇', 4), year: 2026, target: '规上', town: '平望镇', goal: 3 });
      await db.meetings.put({ ...v8('meeting-0001', 5), type: '督办会', date: '2026-11-25', title: '', chair: '', attendees: [], agenda: [] });
      await db.activities.put({
        ...v8('activity-0001', 6),
        type: '政策宣讲',
        date: '2026-11-26',
        topic: '开放再出发政策宣讲会',
        place: '',
        organiser: '',
        speakers: [],
        policyIds: [],
        attendeeEnterpriseIds: ['ent-00001', 'ent-00002'],
        attendeePeople: {},
        summary: '',
      });
      await db.ratingRounds.put({
        ...v8('round-0001', 7),
        name: '2026 年评议机关',
        startDate: '2026-11-01',
        endDate: '2026-11-30',
        departments: ['区商务局'],
        towns: [],
        questions: ['服务态度'],
        scale: 'satisfaction',
        minResponses: 5,
        note: '',
      });
      await db.ratings.put({
        ...v8('rating-round-0001-ent-00001-department-区商务局', 8),
        roundId: 'round-0001',
        enterpriseId: 'ent-00001',
        targetKind: 'department',
        target: '区商务局',
        answers: { 服务态度: '满意' },
        comment: '',
      });
      await db.csrCandidates.put({
        ...v8('csr-2026-ent-00001', 9),
        year: 2026,
        enterpriseId: 'ent-00001',
        taxPaid: 120,
        jobs: 300,
        welfare: 5,
        environment: '优秀',
        labour: '良好',
        note: '',
      });
      await db.csrYears.put({ ...v8('csryear-2026', 10), year: 2026, weights: { taxPaid: 30, jobs: 30, environment: 20, welfare: 10, labour: 10 } });

      expect(await db.cultivationCandidates.where('year').equals(2026).primaryKeys()).toEqual(['cult-2026-规上-ent-00001']);
      expect(await db.cultivationCandidates.where('enterpriseId').equals('ent-00001').count()).toBe(2);
      expect(await db.cultivationCandidates.where('deletedAt').aboveOrEqual('2026-11-01').primaryKeys()).toEqual(['cult-2027-上市-ent-00001']);
      expect(await db.cultivationGoals.where('year').equals(2026).count()).toBe(1);
      expect(await db.meetings.where('date').between('2026-11-01', '2026-11-30', true, true).count()).toBe(1);
      expect(await db.activities.where('attendeeEnterpriseIds').equals('ent-00002').primaryKeys()).toEqual(['activity-0001']);
      expect(await db.ratings.where('roundId').equals('round-0001').count()).toBe(1);
      expect(await db.csrCandidates.where('year').equals(2026).count()).toBe(1);
      expect(await db.ratings.where('enterpriseId').equals('ent-00001').count()).toBe(1);
      expect(await db.csrCandidates.where('enterpriseId').equals('ent-00001').count()).toBe(1);
      expect((await db.csrYears.get('csryear-2026'))?.weights.taxPaid).toBe(30);
      for (const table of ['cultivationCandidates', 'cultivationGoals', 'meetings', 'activities', 'ratingRounds', 'ratings', 'csrCandidates', 'csrYears']) {
        expect(await db.table(table).where('changeSeq').above(1).count()).toBeGreaterThan(0);
      }
    } finally {
      db.close();
    }
  });
});

// Versions 9–12 as they shipped (培育库, meetings, activities, ratings).
const shippedV9 = { cultivationCandidates: 'id, year, enterpriseId, changeSeq, deletedAt', cultivationGoals: 'id, year, changeSeq, deletedAt' };
const shippedV10 = {
  meetings: 'id, date, changeSeq, deletedAt',
  problems:
    'id, enterpriseId, visitId, projectId, status, raisedDate, department, category, officer, changeSeq, deletedAt, openDeadline, [officer+openDeadline], [officer+transferPendingSince], [department+openDeadline], decisionDeadline',
};
const shippedV11 = { activities: 'id, date, *attendeeEnterpriseIds, changeSeq, deletedAt' };
const shippedV12 = {
  ratingRounds: 'id, changeSeq, deletedAt',
  ratings: 'id, roundId, enterpriseId, changeSeq, deletedAt',
  csrCandidates: 'id, year, enterpriseId, changeSeq, deletedAt',
  csrYears: 'id, changeSeq, deletedAt',
};

describe('upgrade from version 12 to version 13 (回收站 finds deleted 一企一策 measures)', () => {
  it('keeps every measure and indexes the deleted ones by when they were deleted', async () => {
    const name = `upgrade-v13-${Math.random()}`;
    const old = shippedDatabase(name, 12);
    await old.open();
    const v12 = (id: string, seq: number) => ({ ...meta(id), rev: 1, versionVector: { 'device-old': 1 }, changeSeq: seq });
    const measure = { enterpriseId: 'ent-00001', need: '招工', action: '对接人社局招聘会', owner: '张三', dueDate: '2026-12-10', note: '' };
    await old.table('planActions').bulkPut([
      { ...v12('plan-0001', 1), ...measure },
      { ...v12('plan-0002', 2), ...measure, action: '已删除的措施', deletedAt: '2026-11-28T02:00:00.000Z' },
    ]);
    await old.table('ratingRounds').put({ ...v12('round-0001', 3), name: '2026 年评议机关' });
    old.close();

    const db = new LedgerDatabase(name);
    await db.open();
    try {
      expect(await db.planActions.where('enterpriseId').equals('ent-00001').primaryKeys()).toEqual(['plan-0001', 'plan-0002']);
      expect(await db.planActions.where('deletedAt').aboveOrEqual('2026-11-01').primaryKeys()).toEqual(['plan-0002']);
      expect((await db.ratingRounds.get('round-0001'))?.name).toBe('2026 年评议机关');
    } finally {
      db.close();
    }
  });
});

describe('a database from a newer build', () => {
  it('is refused with a Chinese message instead of being opened, and stays as it was', async () => {
    const name = `newer-db-${Math.random()}`;
    const newer = new Dexie(name);
    // A newer build keeps every table this one knows (versions only ever add) and adds its own.
    const everyTable = Object.assign({}, ...schemaVersions.map((step) => step.stores)) as Record<string, string>;
    newer.version(schemaVersions.length + 1).stores({ ...everyTable, futureTable: 'id' });
    await newer.open();
    await newer.table('enterprises').put({ ...meta('ent-00001'), name: '苏州甲公司' });
    newer.close();

    const db = new LedgerDatabase(name);
    await expect(db.open()).rejects.toThrow('已由更新版本的走访台账升级过');
    expect(db.isOpen()).toBe(false);

    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(schemaVersions.length + 1);
    expect(await again.table('enterprises').count()).toBe(1);
    again.close();
  });
});
