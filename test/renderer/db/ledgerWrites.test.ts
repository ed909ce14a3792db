// Walks every repository write and checks, record by record, what it did to the stamps: a created
// record carries this officer, this laptop, the instant, revision 1 and one edit of this device; an
// edited one keeps its id and creation, moves to the instant, and grows by exactly one edit of this
// device; every written record takes a new number in the change sequence; derived caches change
// without a version; nothing is ever removed; the tallies it keeps (problem counts, visits per day,
// enterprises per town) are after every write what counting the stored records afresh gives. A write that stamps by hand, forgets a stamp or skips
// the version fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../shared/creditCode';
import type { RecordMeta, Settings } from '../../../shared/domain/records';
import { escalateProblem, transferProblem } from '../../../shared/problems/problemWorkflow';
import { createMeeting, moveOnAgenda, recordDecision } from '../../../renderer/src/features/meetings/meetingsRepo';
import { derivedFields } from '../../../shared/sync/recordFields';
import { syncedTableNames, type SyncedTableName } from '../../../shared/sync/syncedTables';
import { ledgerDb, switchLedgerDb } from '../../../renderer/src/db/db';
import { LedgerDatabase } from '../../../renderer/src/db/schema';
import { countedTallies } from '../../../renderer/src/db/tallyCount';
import { defaultSettings } from '../../../renderer/src/db/settingsStore';
import { deleteEnterprise, saveEnterprise } from '../../../renderer/src/features/enterprises/enterpriseRepo';
import { changeProblem, saveNewProblem } from '../../../renderer/src/features/problems/problemRepo';
import {
  deleteProject,
  exitProjectLibrary,
  reenterProjectLibrary,
  saveProgressEntry,
  saveProject,
} from '../../../renderer/src/features/projects/projectRepo';
import { restoreDeleted } from '../../../renderer/src/features/recycleBin/recycleBinRepo';
import { assignEnterprises } from '../../../renderer/src/features/roster/rosterImport';
import {
  addPlanAction,
  deletePlanAction,
  markPlanActionDone,
  reopenPlanAction,
} from '../../../renderer/src/features/servicePlan/servicePlanRepo';
import { saveOperationReport } from '../../../renderer/src/features/operations/operationsRepo';
import { deleteActivity, saveActivity } from '../../../renderer/src/features/activities/activityRepo';
import { ensureDefaultPolicies } from '../../../renderer/src/features/visits/policyRepo';
import { deleteVisit, saveVisitWithProblems } from '../../../renderer/src/features/visits/visitRepo';

const officer = { officerName: '张敏', deviceId: 'laptop-zhang' };
const settings: Settings = { ...defaultSettings(officer.deviceId), officerName: '张敏', officerDepartment: '区商务局' };
let clock = Date.parse('2026-11-20T01:00:00Z');
/** Every step its own instant, so a stamp left over from an earlier step shows. */
const nextInstant = () => new Date((clock += 3_600_000));

type Snapshot = Map<SyncedTableName, Map<string, RecordMeta>>;

async function snapshot(): Promise<Snapshot> {
  const db = ledgerDb();
  const snap: Snapshot = new Map();
  for (const table of syncedTableNames) {
    const rows = (await db.table(table).toArray()) as RecordMeta[];
    snap.set(table, new Map(rows.map((r) => [r.id, r])));
  }
  return snap;
}

const maxSeq = (snap: Snapshot) =>
  Math.max(0, ...[...snap.values()].flatMap((rows) => [...rows.values()].map((r) => r.changeSeq ?? 0)));

function withoutDerived(table: SyncedTableName, record: RecordMeta): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  for (const field of derivedFields[table] ?? []) delete copy[field];
  delete copy.blob;
  return copy;
}

/** Checks every difference between two snapshots; returns how many records the step wrote. */
function checkStamps(before: Snapshot, after: Snapshot, now: Date): number {
  const at = now.toISOString();
  const seqBefore = maxSeq(before);
  let written = 0;
  for (const table of syncedTableNames) {
    const old = before.get(table)!;
    const next = after.get(table)!;
    for (const id of old.keys()) expect(next.has(id), `${table} ${id} was removed`).toBe(true);
    for (const [id, record] of next) {
      const previous = old.get(id);
      const where = `${table} ${id}`;
      if (previous && JSON.stringify(withoutDerived(table, previous)) === JSON.stringify(withoutDerived(table, record))) {
        // Untouched, or only a derived cache recomputed: no new version.
        expect(record.versionVector, where).toEqual(previous.versionVector);
        expect(record.rev, where).toBe(previous.rev);
        continue;
      }
      written += 1;
      expect(record.updatedAt, where).toBe(at);
      expect(record.updatedBy, where).toBe(officer.officerName);
      expect(record.deviceId, where).toBe(officer.deviceId);
      expect(record.changeSeq, where).toBeGreaterThan(seqBefore);
      if (!previous) {
        expect(record.createdAt, where).toBe(at);
        expect(record.rev, where).toBe(1);
        expect(record.versionVector, where).toEqual({ [officer.deviceId]: 1 });
      } else {
        expect(record.createdAt, where).toBe(previous.createdAt);
        expect(record.rev, where).toBe(previous.rev + 1);
        expect(record.versionVector, where).toEqual({
          ...previous.versionVector,
          [officer.deviceId]: (previous.versionVector[officer.deviceId] ?? 0) + 1,
        });
      }
    }
  }
  const numbers = [...after.values()].flatMap((rows) => [...rows.values()].map((r) => r.changeSeq));
  expect(new Set(numbers).size, 'change numbers are unique').toBe(numbers.length);
  return written;
}

/** The tallies the write path kept equal those counted afresh from what is stored (keys in order). */
async function expectTalliesCurrent(): Promise<void> {
  const db = ledgerDb();
  const counted = await db.transaction('r', [db.problems, db.visits, db.enterprises], () =>
    countedTallies(db.problems, db.visits, db.enterprises, settings.calendarOverrides),
  );
  const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
  expect(await db.tallies.toArray()).toEqual(counted.sort(byKey));
}

/** Runs one repository write at its own instant and checks its stamps and the tallies; returns records written. */
async function step(write: (now: Date) => Promise<unknown>): Promise<number> {
  const before = await snapshot();
  const now = nextInstant();
  await write(now);
  await expectTalliesCurrent();
  return checkStamps(before, await snapshot(), now);
}

const enterpriseInput = (name: string, serial: string) => ({
  name,
  creditCode: makeCreditCode(`91320509MA${serial}`),
  town: '吴江开发区',
  address: '',
  industry: '',
  isKeyEnterprise: false,
  isAboveScale: false,
  contactPerson: '',
  contactPhone: '',
  assignedOfficer: '张敏',
  linkedLeader: '',
});

beforeAll(async () => {
  switchLedgerDb(new LedgerDatabase(`ledger-writes-${Math.random()}`));
  await ledgerDb().settings.put({ key: 'app', value: settings });
});

describe('every repository write goes through the one write path', () => {
  it('stamps, versions and numbers what each write changes, and only that', async () => {
    let enterpriseId = '';
    expect(await step(async (now) => (enterpriseId = (await saveEnterprise(enterpriseInput('甲公司', '1000001'), officer, undefined, now)).id))).toBe(1);
    expect(await step((now) => saveEnterprise({ ...enterpriseInput('甲公司', '1000001'), contactPerson: '王经理' }, officer, enterpriseId, now))).toBe(1);
    // Saving what is stored already makes no version another laptop would have to merge.
    expect(await step((now) => saveEnterprise({ ...enterpriseInput('甲公司', '1000001'), contactPerson: '王经理' }, officer, enterpriseId, now))).toBe(0);

    let visitId = '';
    const visit = {
      enterpriseId,
      date: '2026-11-18',
      type: '调研走访',
      officers: ['张敏'],
      peopleMet: '',
      summary: '了解生产经营情况',
      operations: { employment: '', orders: '', supplyChain: '', outputValue: '', newInvestment: '' },
      policyIds: [],
    };
    const photo = { key: 'k1', fileName: '车间.jpg', mimeType: 'image/jpeg', blob: new Blob([new Uint8Array([1, 2, 3])]) };
    const problemInput = { category: '用工', description: '缺工', request: '', handling: '本部门办理' as const, department: '区商务局', isComplaint: false };
    // visit + photo + problem; the enterprise's last visit date is a derived cache, not an edit.
    expect(
      await step(async (now) => {
        const saved = await saveVisitWithProblems(
          { visit, keptAttachmentIds: [], newFiles: [photo], problems: [problemInput] },
          { who: { ...officer, officerDepartment: '区商务局' }, now, overrides: {} },
        );
        visitId = saved.visit.id;
      }),
    ).toBe(3);
    expect((await ledgerDb().enterprises.get(enterpriseId))?.lastVisitDate).toBe('2026-11-18');
    // Editing the visit and dropping the photo: the visit and the photo's tombstone.
    expect(
      await step((now) =>
        saveVisitWithProblems(
          { visitId, visit: { ...visit, summary: '复访' }, keptAttachmentIds: [], newFiles: [], problems: [] },
          { who: { ...officer, officerDepartment: '区商务局' }, now, overrides: {} },
        ),
      ),
    ).toBe(2);

    let problemId = '';
    expect(
      await step(async (now) => {
        problemId = (await saveNewProblem({ ...problemInput, enterpriseId, raisedDate: '2026-11-19' }, settings, now)).id;
      }),
    ).toBe(1);
    expect(
      await step((now) => changeProblem(problemId, settings, (p, ctx) => transferProblem(p, { department: '区人社局', transferDate: '2026-11-19' }, ctx), now)),
    ).toBe(1);
    // 督办会 (issue 16): the escalated problem proposed on the agenda; the decision writes the meeting and the problem.
    expect(await step((now) => changeProblem(problemId, settings, (p, ctx) => escalateProblem(p, { meeting: '督办会', date: '2026-11-20' }, ctx), now))).toBe(1);
    let meetingId = '';
    expect(await step(async (now) => (meetingId = (await createMeeting({ type: '督办会', date: '2026-11-23' }, 'department', settings, now)).id))).toBe(1);
    const itemId = (await ledgerDb().meetings.get(meetingId))?.agenda[0]?.id ?? '';
    expect(await step((now) => recordDecision(meetingId, itemId, { department: '区人社局', task: '对接劳务基地', workingDays: 5, rectificationOwner: '李科长' }, settings, now))).toBe(2);
    expect(((await ledgerDb().problems.get(problemId)) as { decisionDeadline?: string }).decisionDeadline).toBe('2026-11-30');
    expect(await step(() => moveOnAgenda(meetingId, itemId, 1))).toBe(0);

    let projectId = '';
    const projectInput = { name: '二期项目', enterpriseId, town: '吴江开发区', stage: '在建', leadOfficer: '张敏', inLibrary: true, libraryEntryDate: '2026-03-10', libraryEntrySource: '签约项目' };
    expect(await step(async (now) => (projectId = (await saveProject(projectInput, officer, undefined, now)).id))).toBe(1);
    expect(await step((now) => saveProject({ ...projectInput, totalInvestment: 500 }, officer, projectId, now))).toBe(1);
    expect(await step((now) => exitProjectLibrary(projectId, { date: '2026-11-01', reasonKind: '竣工投产满一年', reason: '已竣工' }, officer, now))).toBe(1);
    expect(await step((now) => reenterProjectLibrary(projectId, { date: '2026-11-02', source: '区镇推送' }, officer, now))).toBe(1);
    // An entry at a later stage moves the project on in the same write.
    expect(await step((now) => saveProgressEntry(projectId, { month: '2026-11', stage: '设备安装', progress: '设备进场' }, officer, now))).toBe(2);

    let planId = '';
    expect(
      await step(async (now) => (planId = (await addPlanAction(enterpriseId, { need: '融资', action: '银企对接', owner: '张敏', dueDate: '2026-12-01' }, officer, now)).id)),
    ).toBe(1);
    expect(await step((now) => markPlanActionDone(planId, '2026-11-25', officer, now))).toBe(1);
    expect(await step((now) => reopenPlanAction(planId, officer, now))).toBe(1);
    expect(await step((now) => deletePlanAction(planId, officer, now))).toBe(1);

    // 经营数据: a month saved, saved again with a change (the same record, edited), saved unchanged (nothing).
    const operations = { month: '2026-11', outputValue: '1200', employees: '320' };
    expect(await step((now) => saveOperationReport(enterpriseId, operations, officer, now))).toBe(1);
    expect(await step((now) => saveOperationReport(enterpriseId, { ...operations, employees: '330' }, officer, now))).toBe(1);
    expect(await step((now) => saveOperationReport(enterpriseId, { ...operations, employees: '330' }, officer, now))).toBe(0);
    // 集体活动: saved, edited, saved unchanged (nothing), a problem raised at it, deleted and restored.
    const activityInput = { type: '政策宣讲', date: '2026-11-02', topic: '政策宣讲会', attendees: [{ enterpriseId, people: '王经理' }] };
    let activityId = '';
    expect(await step(async (now) => (activityId = (await saveActivity(activityInput, undefined, officer, now)).id))).toBe(1);
    expect(await step((now) => saveActivity({ ...activityInput, place: '区商务局' }, activityId, officer, now))).toBe(1);
    expect(await step((now) => saveActivity({ ...activityInput, place: '区商务局' }, activityId, officer, now))).toBe(0);
    expect(
      await step((now) =>
        saveNewProblem({ enterpriseId, activityId, raisedDate: '2026-11-02', category: '用工', description: '活动中提出：招工难', handling: '本部门办理' }, settings, now),
      ),
    ).toBe(1);
    expect(await step((now) => deleteActivity(activityId, officer, now))).toBe(1);
    expect(await step((now) => restoreDeleted('activity', activityId, officer, now))).toBe(1);
    // 经营数据 on a visit: the visit and the month's report in one write.
    expect(
      await step((now) =>
        saveVisitWithProblems(
          { visit: { ...visit, date: '2026-11-19' }, keptAttachmentIds: [], newFiles: [], problems: [], figures: { input: { month: '2026-10', employees: '310' }, seen: { rev: null } } },
          { who: { ...officer, officerDepartment: '区商务局' }, now, overrides: {} },
        ),
      ),
    ).toBe(2);

    expect(await step((now) => assignEnterprises([enterpriseId], { assignedOfficer: '李强' }, officer, now))).toBe(1);
    expect(await step((now) => ensureDefaultPolicies(officer, now))).toBeGreaterThan(0);

    // Deletions are tombstones; restores are new revisions (the visit brings its problem back).
    expect(await step((now) => deleteVisit(visitId, 'delete', officer, now))).toBe(2);
    expect(await step((now) => restoreDeleted('visit', visitId, officer, now))).toBe(2);
    expect(await step((now) => deleteProject(projectId, officer, now))).toBe(1);
    expect(await step((now) => restoreDeleted('project', projectId, officer, now))).toBe(1);
    expect(await step((now) => deleteEnterprise(enterpriseId, officer, now))).toBe(1);
    expect(await step((now) => restoreDeleted('enterprise', enterpriseId, officer, now))).toBe(1);
  });

  it('refuses a record its schema refuses, naming the field, and stores nothing', async () => {
    const before = await snapshot();
    await expect(
      addPlanAction('ent-whatever', { need: '融资', action: '银企对接', owner: '张敏', dueDate: '2026-13-45x' }, officer, nextInstant()),
    ).rejects.toThrow('日期格式应为 YYYY-MM-DD');
    expect(await snapshot()).toEqual(before);
  });
});
