// Saving a visit: the visit, its attachments (Blobs), the problems raised during it and the
// enterprise's last-visit date are written in ONE Dexie transaction — all of it is stored or none.
import {
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
import { visitAttachmentsIssue } from '../../../../shared/visits/attachmentLimits';
import { createProblem, type ProblemContext } from '../../../../shared/problems/problemWorkflow';
import { ledgerDb } from '../../db/db';
import { isLive, type Stamper } from '../../../../shared/sync/recordStamp';
import { RuleError } from '../../../../shared/errors/ruleError';
import { writeTransaction, type LedgerWriter } from '../../db/ledgerWrites';
import { refreshEnterpriseDerived } from '../../db/derivedFieldRefresh';
import { operationReportId, parseOperationInput } from '../../../../shared/operations/operationEntry';
import { underVisitFigures, visitFigureMonths, type VisitFiguresValues } from '../../../../shared/operations/visitFigures';
import { shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { writeOperationReport, type SavedOperationReport, type SeenReport } from '../operations/operationsRepo';

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
  /** The month's 经营数据 typed on the visit, saved with it (absent: the visit records no figures). */
  figures?: VisitFiguresRequest;
}

/** 经营数据 recorded on a visit: the month's figures, written in the visit's transaction. */
export interface VisitFiguresRequest {
  /** The entry as typed (month, figures as text); `confirmJumps` once the officer confirmed the jumps. */
  input: VisitFiguresValues & { confirmJumps?: boolean };
  /** The month's report the officer saw and agreed to update (its rev), or none: any other is not replaced. */
  seen: SeenReport;
}

export interface SavedVisit {
  visit: Visit;
  problems: Problem[];
  attachments: AttachmentMeta[];
  /** The month's 经营数据 written with the visit. */
  operations?: SavedOperationReport;
}

const problemFieldOnForm: Record<string, string> = {
  category: 'category',
  description: 'description',
  request: 'request',
  handling: 'handling',
  department: 'department',
  transferDate: 'transferDate',
};

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
  if (request.figures) {
    const { month } = request.figures.input;
    if (!visitFigureMonths(request.visit.date).includes(month)) {
      throw RuleError.at(['figures', 'month'], `经营数据应为走访当月或上月（${visitFigureMonths(request.visit.date).join(' 或 ')}）`);
    }
    try {
      parseOperationInput({ ...request.figures.input, confirmJumps: true }, shanghaiMonth(ctx.now));
    } catch (error) {
      throw underVisitFigures(error);
    }
  }
}

export async function saveVisitWithProblems(request: SaveVisitRequest, ctx: ProblemContext): Promise<SavedVisit> {
  checkTypedInput(request, ctx);
  const tables = ['visits', 'attachments', 'problems', 'enterprises', 'drafts', 'operationReports'] as const;
  return writeTransaction(tables, async (w) => {
    const enterprise = await ledgerDb().enterprises.get(request.visit.enterpriseId);
    if (!enterprise || !isLive(enterprise)) throw RuleError.at(['enterpriseId'], '企业不存在或已被删除');

    const existing = request.visitId ? await ledgerDb().visits.get(request.visitId) : undefined;
    if (request.visitId && (!existing || !isLive(existing))) throw RuleError.at(['date'], '该走访记录已被删除，无法保存');

    // Attachments belong to their visit through ownerId: tombstone the removed ones, store the new Blobs.
    const visitId = existing?.id ?? newId();
    const kept = new Set(request.keptAttachmentIds);
    const stored = existing ? await liveAttachmentsOf(existing.id) : [];
    // The limits the picker states, checked again here so that no other path stores more.
    const overLimit = visitAttachmentsIssue(
      stored.filter((a) => kept.has(a.id)),
      request.newFiles.map((file) => ({ fileName: file.fileName, size: file.blob.size })),
    );
    if (overLimit) throw RuleError.at(['attachments'], overLimit);
    await w.tombstone('attachments', stored.filter((a) => !kept.has(a.id)));
    const newAttachments = await w.createAll<Attachment>(
      'attachments',
      request.newFiles.map((file) => ({
        ownerId: visitId,
        fileName: file.fileName || '未命名文件',
        mimeType: file.mimeType || 'application/octet-stream',
        size: file.blob.size,
        blob: file.blob,
      })),
    );

    const visit = existing
      ? await w.save<Visit>('visits', { ...existing, ...request.visit })
      : await w.create<Visit>('visits', { id: visitId, ...request.visit });

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
    const storedProblems = await w.createAll<Problem>('problems', problems);

    // The month's figures last: a refused figure (or a report entered meanwhile) aborts the visit too.
    let operations: SavedOperationReport | undefined;
    if (request.figures) {
      const stored = await ledgerDb().operationReports.get(operationReportId(visit.enterpriseId, request.figures.input.month));
      // A new month's report takes the visit's 产业链配套 note when it fits; a stored one keeps its own.
      const note = stored && isLive(stored) ? stored.supplyChainIssues : visit.operations.supplyChain.length <= 300 ? visit.operations.supplyChain : '';
      try {
        operations = await writeOperationReport(w, visit.enterpriseId, { ...request.figures.input, supplyChainIssues: note }, ctx.now, request.figures.seen);
      } catch (error) {
        throw underVisitFigures(error);
      }
    }

    await refreshLastVisitDate(w, visit.enterpriseId);
    if (request.draftKey) await ledgerDb().drafts.delete(request.draftKey);

    const attachmentMetas: AttachmentMeta[] = newAttachments.map(({ blob: _blob, ...meta }) => meta);
    return { visit, problems: storedProblems, attachments: attachmentMetas, ...(operations ? { operations } : {}) };
  }, { actor: ctx.who, now: ctx.now });
}

/** A stored visit with what the edit form shows beside it. */
export interface VisitForEdit {
  visit: Visit;
  attachments: Attachment[];
  problems: Problem[];
}

export async function loadVisitForEdit(visitId: string): Promise<VisitForEdit | undefined> {
  return ledgerDb().transaction('r', [ledgerDb().visits, ledgerDb().attachments, ledgerDb().problems], async () => {
    const visit = await ledgerDb().visits.get(visitId);
    if (!visit || !isLive(visit)) return undefined;
    const attachments = await liveAttachmentsOf(visit.id);
    const problems = await ledgerDb().problems.where('visitId').equals(visitId).filter(isLive).toArray();
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

/** Recomputes the enterprise's derived fields after a visit was saved, left or came back. */
async function refreshLastVisitDate(w: LedgerWriter, enterpriseId: string): Promise<void> {
  await refreshEnterpriseDerived(w, [enterpriseId]);
}

/** The live attachments of a visit, oldest first (they belong to it through ownerId). */
async function liveAttachmentsOf(visitId: string): Promise<Attachment[]> {
  const rows = await ledgerDb().attachments.where('ownerId').equals(visitId).filter(isLive).toArray();
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}


/**
 * Deletes a visit by tombstone, in one transaction with what the officer chose for its problems:
 * `keep` leaves them as problems of the enterprise (still handled in 问题诉求); `delete` tombstones
 * them with the same deletedAt as the visit, which is how 恢复 of the visit finds them again.
 * Attachments stay as they are: they are reached only through the visit.
 */
export async function deleteVisit(visitId: string, problems: VisitProblemsOnDelete, actor?: Stamper, now = new Date()): Promise<VisitDeletion> {
  return writeTransaction(['visits', 'problems', 'enterprises'], async (w) => {
    const visit = await ledgerDb().visits.get(visitId);
    if (!visit || !isLive(visit)) throw new Error('该走访记录不存在或已被删除');
    const raised = await ledgerDb().problems.where('visitId').equals(visitId).filter(isLive).toArray();
    await w.tombstone('visits', [visit]);
    if (problems === 'delete') await w.tombstone('problems', raised);
    await refreshLastVisitDate(w, visit.enterpriseId);
    return problems === 'delete'
      ? { deletedProblems: raised.length, keptProblems: 0 }
      : { deletedProblems: 0, keptProblems: raised.length };
  }, { actor, now });
}

/**
 * Brings a deleted visit back (恢复 in 回收站): clears its tombstone and stamps it, brings back the
 * problems deleted together with it (same deletedAt), and recomputes the last-visit date. Refused
 * while its enterprise is deleted: the visit would hang off a record nobody can open.
 */
export async function restoreVisit(visitId: string, actor?: Stamper, now = new Date()): Promise<{ restoredProblems: number }> {
  return writeTransaction(['visits', 'problems', 'enterprises'], async (w) => {
    const visit = await ledgerDb().visits.get(visitId);
    if (!visit) throw new Error('该走访记录不存在');
    if (isLive(visit)) return { restoredProblems: 0 };
    const enterprise = await ledgerDb().enterprises.get(visit.enterpriseId);
    if (!enterprise || !isLive(enterprise)) {
      throw new Error(`该走访所属企业${enterprise ? `“${enterprise.name}”` : ''}已被删除，请先恢复企业`);
    }
    const deletedWith = await ledgerDb().problems
      .where('visitId')
      .equals(visitId)
      .filter((p) => p.deletedAt !== undefined && p.deletedAt === visit.deletedAt)
      .toArray();
    await w.restore('visits', [visit]);
    await w.restore('problems', deletedWith);
    await refreshLastVisitDate(w, visit.enterpriseId);
    return { restoredProblems: deletedWith.length };
  }, { actor, now });
}

/** What the read-only visit page shows; `deleted` tells a deleted visit from a wrong link. */
export type VisitForView =
  | { found: false; deleted: boolean }
  | { found: true; visit: Visit; enterpriseName: string; attachments: Attachment[]; problems: Problem[]; policies: Policy[] };

export async function loadVisitForView(visitId: string): Promise<VisitForView> {
  const stored = await ledgerDb().visits.get(visitId);
  if (!stored || !isLive(stored)) return { found: false, deleted: stored !== undefined };
  const loaded = await loadVisitForEdit(visitId);
  if (!loaded) return { found: false, deleted: true };
  const [enterprise, policies] = await Promise.all([
    ledgerDb().enterprises.get(loaded.visit.enterpriseId),
    ledgerDb().policies.bulkGet(loaded.visit.policyIds),
  ]);
  return {
    found: true,
    ...loaded,
    enterpriseName: enterprise?.name ?? '',
    policies: policies.filter((p): p is Policy => p !== undefined),
  };
}

/** How many live attachments each of these visits has (the enterprise timeline shows it). */
export async function attachmentCountsOf(visitIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const rows = await ledgerDb().attachments.where('ownerId').anyOf([...visitIds]).filter(isLive).toArray();
  for (const a of rows) counts.set(a.ownerId, (counts.get(a.ownerId) ?? 0) + 1);
  return counts;
}
