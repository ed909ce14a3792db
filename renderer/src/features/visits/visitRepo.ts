// Saving a visit: the visit, its attachments (Blobs), the problems raised during it and the
// enterprise's last-visit date are written in ONE Dexie transaction — all of it is stored or none.
import Dexie from 'dexie';
import {
  visitSchema,
  type Attachment,
  type AttachmentMeta,
  type HandlingMode,
  type OperationsSnapshot,
  type Policy,
  type Problem,
  type Visit,
} from '../../../../shared/domain/records';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { newId } from '../../../../shared/ids';
import { firstTextIssue, futureVisitDateMessage, problemTextSchema, visitTextSchema } from '../../../../shared/visits/visitLimits';
import { createProblem, type ProblemContext } from '../../../../shared/problems/problemWorkflow';
import { db } from '../../db/db';
import { isLive, tombstoned, untombstoned } from '../../db/recordStamp';
import { RuleError } from '../../../../shared/errors/ruleError';
import type { Actor } from '../../../../shared/domain/actor';
import { currentActor } from '../../db/settingsStore';

/** What a write needs of the acting officer. */
type Stamper = Pick<Actor, 'officerName' | 'deviceId'>;

/** One problem as typed on the visit form. */
export interface VisitProblemInput {
  category: string;
  description: string;
  request: string;
  handling: HandlingMode;
  department: string;
  transferDate?: string;
  isComplaint: boolean;
}

/** A file picked on the form and not stored yet. */
export interface PendingFile {
  /** Stable within the form and its draft (list keys, removal). */
  key: string;
  fileName: string;
  mimeType: string;
  blob: Blob;
}

export interface VisitInput {
  enterpriseId: string;
  date: string;
  type: string;
  officers: string[];
  peopleMet: string;
  summary: string;
  operations: OperationsSnapshot;
  policyIds: string[];
}

export interface SaveVisitRequest {
  /** Present when editing a stored visit. */
  visitId?: string;
  visit: VisitInput;
  /** Stored attachments the user kept (editing); the others of the visit are tombstoned. */
  keptAttachmentIds: string[];
  newFiles: PendingFile[];
  /** New problems raised during this visit. */
  problems: VisitProblemInput[];
  /** The form's draft, removed in the same transaction. */
  draftKey?: string;
}

export interface SavedVisit {
  visit: Visit;
  problems: Problem[];
  attachments: AttachmentMeta[];
}

const problemFieldOnForm: Record<string, string> = {
  category: 'category',
  description: 'description',
  request: 'request',
  handling: 'handling',
  department: 'department',
  transferDate: 'transferDate',
};

function stamp(ctx: ProblemContext) {
  const at = ctx.now.toISOString();
  return { createdAt: at, updatedAt: at, updatedBy: ctx.who.officerName || '未署名', deviceId: ctx.who.deviceId };
}

/** The latest live visit date of an enterprise, through the [enterpriseId+date] index. */
async function latestVisitDate(enterpriseId: string): Promise<string | undefined> {
  const latest = await db.visits
    .where('[enterpriseId+date]')
    .between([enterpriseId, Dexie.minKey], [enterpriseId, Dexie.maxKey])
    .reverse()
    .filter(isLive)
    .first();
  return latest?.date;
}

/**
 * What the form checks too, checked again before anything is written: a text over its limit or a
 * visit date in the future is refused at its field (never cut or changed to fit).
 */
function checkTypedInput(request: SaveVisitRequest, ctx: ProblemContext): void {
  const future = futureVisitDateMessage(request.visit.date, shanghaiDate(ctx.now));
  if (future) throw RuleError.at(['date'], future);
  const visitIssue = firstTextIssue(visitTextSchema, request.visit);
  // An officer's name is one tag of the 走访人员 field: the error shows at the field.
  if (visitIssue) throw RuleError.at(visitIssue.path[0] === 'officers' ? ['officers'] : visitIssue.path, visitIssue.message);
  for (const [index, problem] of request.problems.entries()) {
    const issue = firstTextIssue(problemTextSchema, problem);
    if (issue) throw RuleError.at(['problems', index, ...issue.path], `问题 ${index + 1}：${issue.message}`);
  }
}

export async function saveVisitWithProblems(request: SaveVisitRequest, ctx: ProblemContext): Promise<SavedVisit> {
  checkTypedInput(request, ctx);
  const tables = [db.visits, db.attachments, db.problems, db.enterprises, db.drafts];
  return db.transaction('rw', tables, async () => {
    const enterprise = await db.enterprises.get(request.visit.enterpriseId);
    if (!enterprise || !isLive(enterprise)) throw RuleError.at(['enterpriseId'], '企业不存在或已被删除');

    const existing = request.visitId ? await db.visits.get(request.visitId) : undefined;
    if (request.visitId && (!existing || !isLive(existing))) throw RuleError.at(['date'], '该走访记录已被删除，无法保存');

    // Attachments: tombstone the removed ones, store the new Blobs.
    const kept = new Set(request.keptAttachmentIds);
    for (const id of existing?.attachmentIds ?? []) {
      if (kept.has(id)) continue;
      const row = await db.attachments.get(id);
      if (row && isLive(row)) await db.attachments.put(tombstoned(row, ctx.who, ctx.now));
    }
    const visitId = existing?.id ?? newId();
    const newAttachments: Attachment[] = request.newFiles.map((file) => ({
      id: newId(),
      ...stamp(ctx),
      ownerId: visitId,
      fileName: file.fileName || '未命名文件',
      mimeType: file.mimeType || 'application/octet-stream',
      size: file.blob.size,
      blob: file.blob,
    }));
    await db.attachments.bulkPut(newAttachments);

    const attachmentIds = [...(existing?.attachmentIds ?? []).filter((id) => kept.has(id)), ...newAttachments.map((a) => a.id)];
    const parsed = visitSchema.safeParse({
      ...(existing ?? { id: visitId, ...stamp(ctx) }),
      ...request.visit,
      attachmentIds,
      updatedAt: ctx.now.toISOString(),
      updatedBy: ctx.who.officerName || '未署名',
      deviceId: ctx.who.deviceId,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw RuleError.at(issue?.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) ?? [], issue?.message ?? '走访记录无效');
    }
    const visit = parsed.data;
    await db.visits.put(visit);

    // Problems come after the visit on purpose: a rejected problem aborts the whole transaction.
    const problems: Problem[] = [];
    for (const [index, input] of request.problems.entries()) {
      try {
        problems.push(
          createProblem(
            {
              enterpriseId: visit.enterpriseId,
              visitId: visit.id,
              raisedDate: visit.date,
              category: input.category,
              description: input.description,
              request: input.request,
              isComplaint: input.isComplaint,
              handling: input.handling,
              department: input.department,
              transferDate: input.handling === '转办' ? input.transferDate : undefined,
              // The first responder is the officer of this laptop; before 设置 names one, the
              // visit's first officer, so no problem is left without a responder.
              officer: ctx.who.officerName.trim() || visit.officers[0] || '',
            },
            ctx,
          ),
        );
      } catch (error) {
        if (error instanceof RuleError) {
          const onForm = problemFieldOnForm[error.field];
          throw RuleError.at(onForm ? ['problems', index, onForm] : ['date'], `问题 ${index + 1}：${error.message}`);
        }
        throw error;
      }
    }
    await db.problems.bulkPut(problems);

    const lastVisitDate = await latestVisitDate(visit.enterpriseId);
    if (lastVisitDate !== enterprise.lastVisitDate) {
      await db.enterprises.update(enterprise.id, { lastVisitDate });
    }
    if (request.draftKey) await db.drafts.delete(request.draftKey);

    const attachmentMetas: AttachmentMeta[] = newAttachments.map(({ blob: _blob, ...meta }) => meta);
    return { visit, problems, attachments: attachmentMetas };
  });
}

/** A stored visit with what the edit form shows beside it. */
export interface VisitForEdit {
  visit: Visit;
  attachments: Attachment[];
  problems: Problem[];
}

export async function loadVisitForEdit(visitId: string): Promise<VisitForEdit | undefined> {
  return db.transaction('r', [db.visits, db.attachments, db.problems], async () => {
    const visit = await db.visits.get(visitId);
    if (!visit || !isLive(visit)) return undefined;
    const attachments = (await db.attachments.bulkGet(visit.attachmentIds)).filter(
      (a): a is Attachment => a !== undefined && isLive(a),
    );
    const problems = await db.problems.where('visitId').equals(visitId).filter(isLive).toArray();
    return { visit, attachments, problems };
  });
}

/** What deleting a visit does with the problems raised in it: the officer chooses in the confirm. */
export type VisitProblemsOnDelete = 'keep' | 'delete';

export interface VisitDeletion {
  /** Live problems of the visit that were tombstoned with it. */
  deletedProblems: number;
  /** Live problems of the visit that stay, as problems of the enterprise. */
  keptProblems: number;
}

/** Recomputes the enterprise's derived last-visit date after a visit left or came back. */
async function refreshLastVisitDate(enterpriseId: string): Promise<void> {
  const enterprise = await db.enterprises.get(enterpriseId);
  if (!enterprise) return;
  const lastVisitDate = await latestVisitDate(enterpriseId);
  if (lastVisitDate !== enterprise.lastVisitDate) await db.enterprises.update(enterpriseId, { lastVisitDate });
}


/**
 * Deletes a visit by tombstone, in one transaction with what the officer chose for its problems:
 * `keep` leaves them as problems of the enterprise (still handled in 问题诉求); `delete` tombstones
 * them with the same deletedAt as the visit, which is how 恢复 of the visit finds them again.
 * Attachments stay as they are: they are reached only through the visit.
 */
export async function deleteVisit(visitId: string, problems: VisitProblemsOnDelete, given?: Stamper, now = new Date()): Promise<VisitDeletion> {
  // The acting officer comes from 设置 here, not from every screen that saves.
  const who = given ?? (await currentActor());
  return db.transaction('rw', [db.visits, db.problems, db.enterprises], async () => {
    const visit = await db.visits.get(visitId);
    if (!visit || !isLive(visit)) throw new Error('该走访记录不存在或已被删除');
    const raised = await db.problems.where('visitId').equals(visitId).filter(isLive).toArray();
    await db.visits.put(tombstoned(visit, who, now));
    if (problems === 'delete') await db.problems.bulkPut(raised.map((p) => tombstoned(p, who, now)));
    await refreshLastVisitDate(visit.enterpriseId);
    return problems === 'delete'
      ? { deletedProblems: raised.length, keptProblems: 0 }
      : { deletedProblems: 0, keptProblems: raised.length };
  });
}

/**
 * Brings a deleted visit back (恢复 in 回收站): clears its tombstone and stamps it, brings back the
 * problems deleted together with it (same deletedAt), and recomputes the last-visit date. Refused
 * while its enterprise is deleted: the visit would hang off a record nobody can open.
 */
export async function restoreVisit(visitId: string, who: Stamper, now = new Date()): Promise<{ restoredProblems: number }> {
  return db.transaction('rw', [db.visits, db.problems, db.enterprises], async () => {
    const visit = await db.visits.get(visitId);
    if (!visit) throw new Error('该走访记录不存在');
    if (isLive(visit)) return { restoredProblems: 0 };
    const enterprise = await db.enterprises.get(visit.enterpriseId);
    if (!enterprise || !isLive(enterprise)) {
      throw new Error(`该走访所属企业${enterprise ? `“${enterprise.name}”` : ''}已被删除，请先恢复企业`);
    }
    const deletedWith = await db.problems
      .where('visitId')
      .equals(visitId)
      .filter((p) => p.deletedAt !== undefined && p.deletedAt === visit.deletedAt)
      .toArray();
    await db.visits.put(untombstoned(visit, who, now));
    await db.problems.bulkPut(deletedWith.map((p) => untombstoned(p, who, now)));
    await refreshLastVisitDate(visit.enterpriseId);
    return { restoredProblems: deletedWith.length };
  });
}

/** What the read-only visit page shows; `deleted` tells a deleted visit from a wrong link. */
export type VisitForView =
  | { found: false; deleted: boolean }
  | { found: true; visit: Visit; enterpriseName: string; attachments: Attachment[]; problems: Problem[]; policies: Policy[] };

export async function loadVisitForView(visitId: string): Promise<VisitForView> {
  const stored = await db.visits.get(visitId);
  if (!stored || !isLive(stored)) return { found: false, deleted: stored !== undefined };
  const loaded = await loadVisitForEdit(visitId);
  if (!loaded) return { found: false, deleted: true };
  const [enterprise, policies] = await Promise.all([
    db.enterprises.get(loaded.visit.enterpriseId),
    db.policies.bulkGet(loaded.visit.policyIds),
  ]);
  return {
    found: true,
    ...loaded,
    enterpriseName: enterprise?.name ?? '',
    policies: policies.filter((p): p is Policy => p !== undefined),
  };
}
