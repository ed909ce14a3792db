// Records and officers for the merge tests: a problem and an enterprise as the write path creates
// them (shared/sync/recordStamp.ts), and edits stamped the same way on a given laptop and clock.
import type { Enterprise, Problem, ProblemHistoryEntry, ProblemStatus, RecordMeta } from '../../../shared/domain/records';
import { createdRecord, editedRecord, type Stamper } from '../../../shared/sync/recordStamp';

export const zhangOnA: Stamper = { officerName: '张敏', deviceId: 'laptop-a' };
export const liOnB: Stamper = { officerName: '李强', deviceId: 'laptop-b' };
export const wangOnC: Stamper = { officerName: '王芳', deviceId: 'laptop-c' };

export function historyEntry(id: string, at: string, to: ProblemStatus, by = '张敏'): ProblemHistoryEntry {
  return { id, at, by, to, comment: '' };
}

export function newProblem(who: Stamper, at: string, id = 'problem-0001'): Problem {
  return createdRecord<Problem>(
    {
      id,
      enterpriseId: 'enterprise-0001',
      raisedDate: '2026-03-02',
      category: '用工',
      description: '招工难',
      request: '',
      isComplaint: false,
      handling: '本部门办理',
      department: '区商务局',
      replyContent: '',
      status: '待处理',
      officer: who.officerName,
      history: [historyEntry(`${id}:created`, at, '待处理', who.officerName)],
    },
    who,
    new Date(at),
  );
}

export function newEnterprise(who: Stamper, at: string, id = 'enterprise-0001'): Enterprise {
  return createdRecord<Enterprise>(
    {
      id,
      name: '苏州精密机械有限公司',
      creditCode: '',
      town: '城东',
      address: '',
      industry: '',
      isKeyEnterprise: false,
      isAboveScale: false,
      contactPerson: '',
      contactPhone: '',
      assignedOfficer: '',
      linkedLeader: '',
      searchTokens: [],
    },
    who,
    new Date(at),
  );
}

/** An officer's edit on one laptop, stamped with that laptop's clock as it reads. */
export function edited<R extends RecordMeta>(record: R, who: Stamper, at: string, patch: Partial<R>): R {
  return editedRecord(record, { ...record, ...patch }, who, new Date(at));
}

export const byId = <R extends RecordMeta>(...records: R[]): Map<string, R> => new Map(records.map((r) => [r.id, r]));
