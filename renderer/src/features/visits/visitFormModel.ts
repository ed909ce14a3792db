// The visit form's values, how they become a save request, and how they travel in a draft
// (dates as strings, pending files as Blobs — both survive IndexedDB's structured clone).
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { Draft, HandlingMode, OperationsSnapshot, Settings, Visit } from '../../../../shared/domain/records';
import { futureVisitDateMessage, tooLongMessage } from '../../../../shared/visits/visitLimits';
import type { PendingFile, SaveVisitRequest, VisitFiguresRequest, VisitInput } from './visitRepo';
import { operationFigureSpecs, type OperationFigureKey } from '../../../../shared/operations/operationFigures';
import { defaultVisitFigureMonth } from '../../../../shared/operations/visitFigures';
import { shanghaiMonth } from '../../../../shared/projects/monthlyProgress';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';

export interface ProblemFormValue {
  category?: string;
  description?: string;
  request?: string;
  handling: HandlingMode;
  department?: string;
  transferDate?: Dayjs;
  isComplaint?: boolean;
}

/** What the form edits: the saved visit's fields (the enterprise comes from the route), a picked date, new problems. */
export interface VisitFormValues extends Omit<VisitInput, 'enterpriseId' | 'date'> {
  date: Dayjs;
  problems: ProblemFormValue[];
  /** The month's 经营数据 as typed (text, as in 填报经营数据), saved with the visit when any figure is typed. */
  figures: VisitFigureFormValues;
}

export type VisitFigureFormValues = { month: string } & Record<OperationFigureKey, string>;

/** No figures typed, for the month a visit on `date` reports by default. */
export function emptyFigures(date: string, now = new Date()): VisitFigureFormValues {
  const blank = Object.fromEntries(operationFigureSpecs.map((spec) => [spec.key, ''])) as Record<OperationFigureKey, string>;
  return { month: defaultVisitFigureMonth(date, shanghaiMonth(now)), ...blank };
}

type Serialised<T> = { [K in keyof T]: T[K] extends Dayjs | undefined ? string | undefined : T[K] };

export interface VisitDraftData {
  values: Omit<Serialised<VisitFormValues>, 'problems'> & { problems: Serialised<ProblemFormValue>[] };
  pendingFiles: PendingFile[];
  /** Stored attachments the user removed (editing a visit). */
  removedAttachmentIds: string[];
  /**
   * The draft that was on offer (恢复草稿 / 丢弃草稿 not chosen yet) when this typing began: typing
   * must be kept, and so must the earlier draft until the officer decides about it.
   */
  earlier?: Draft;
}

/** The drafts kept inside one another (the newest first), for 丢弃草稿 to say what goes. */
export function draftChain(draft: Draft | undefined): VisitDraftData[] {
  const chain: VisitDraftData[] = [];
  for (let d = draft; d && isVisitDraftData(d.data); d = d.data.earlier) chain.push(d.data);
  return chain;
}

export const emptyOperations: OperationsSnapshot = {
  employment: '',
  orders: '',
  supplyChain: '',
  outputValue: '',
  newInvestment: '',
};

export const operationsFields: { key: keyof OperationsSnapshot; label: string; placeholder: string }[] = [
  { key: 'employment', label: '用工', placeholder: '在岗人数、缺工情况' },
  { key: 'orders', label: '订单', placeholder: '在手订单、同比变化' },
  { key: 'supplyChain', label: '产业链配套', placeholder: '上下游配套、断供风险' },
  { key: 'outputValue', label: '产值', placeholder: '本年产值、增速' },
  { key: 'newInvestment', label: '新增投资', placeholder: '增资扩股、新建项目' },
];

export function blankProblem(settings: Pick<Settings, 'officerDepartment'> | undefined): ProblemFormValue {
  return { handling: '本部门办理', department: settings?.officerDepartment || undefined, isComplaint: false, request: '' };
}

export function newVisitValues(settings: Settings | undefined, today: string): VisitFormValues {
  return {
    date: dayjs(today),
    type: settings?.visitTypes[0] ?? '调研走访',
    officers: settings?.officerName ? [settings.officerName] : [],
    peopleMet: '',
    summary: '',
    operations: { ...emptyOperations },
    policyIds: [],
    problems: [],
    figures: emptyFigures(today),
  };
}

export function visitValues(visit: Visit): VisitFormValues {
  return {
    date: dayjs(visit.date),
    type: visit.type,
    officers: [...visit.officers],
    peopleMet: visit.peopleMet,
    summary: visit.summary,
    operations: { ...emptyOperations, ...visit.operations },
    policyIds: [...visit.policyIds],
    problems: [],
    figures: emptyFigures(visit.date),
  };
}

const dateText = (d: Dayjs | undefined | null): string | undefined => (d && d.isValid() ? d.format('YYYY-MM-DD') : undefined);

export function toDraftValues(values: Partial<VisitFormValues>): VisitDraftData['values'] {
  return {
    date: dateText(values.date),
    type: values.type ?? '',
    officers: values.officers ?? [],
    peopleMet: values.peopleMet ?? '',
    summary: values.summary ?? '',
    operations: { ...emptyOperations, ...values.operations },
    policyIds: values.policyIds ?? [],
    problems: (values.problems ?? []).map((p) => ({ ...p, transferDate: dateText(p?.transferDate) })),
    figures: { ...emptyFigures(dateText(values.date) ?? shanghaiDate()), ...values.figures },
  };
}

export function fromDraftValues(values: VisitDraftData['values']): VisitFormValues {
  return {
    ...values,
    date: values.date ? dayjs(values.date) : dayjs(),
    operations: { ...emptyOperations, ...values.operations },
    problems: values.problems.map((p) => ({ ...p, transferDate: p.transferDate ? dayjs(p.transferDate) : undefined })),
    // A draft kept before figures were on the form has none.
    figures: { ...emptyFigures(values.date ?? shanghaiDate()), ...values.figures },
  };
}

/** Trims text and drops empty officer tags; the repo and the problem rules check the rest. */
export function toSaveRequest(
  enterpriseId: string,
  values: VisitFormValues,
  files: { kept: string[]; pending: PendingFile[] },
  visitId: string | undefined,
  draftKey: string,
  figures?: VisitFiguresRequest,
): SaveVisitRequest {
  return {
    visitId,
    draftKey,
    ...(figures ? { figures } : {}),
    visit: {
      enterpriseId,
      date: dateText(values.date) ?? '',
      type: values.type,
      officers: values.officers.map((o) => o.trim()).filter(Boolean),
      peopleMet: values.peopleMet?.trim() ?? '',
      summary: values.summary?.trim() ?? '',
      operations: Object.fromEntries(
        Object.entries({ ...emptyOperations, ...values.operations }).map(([k, v]) => [k, (v ?? '').trim()]),
      ) as OperationsSnapshot,
      policyIds: values.policyIds ?? [],
    },
    keptAttachmentIds: files.kept,
    newFiles: files.pending,
    problems: (values.problems ?? []).map((p) => ({
      category: p.category ?? '',
      description: p.description ?? '',
      request: p.request ?? '',
      handling: p.handling,
      department: p.department ?? '',
      transferDate: p.handling === '转办' ? dateText(p.transferDate) : undefined,
      isComplaint: p.isComplaint ?? false,
    })),
  };
}

export function isVisitDraftData(data: unknown): data is VisitDraftData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Partial<VisitDraftData>;
  return typeof d.values === 'object' && d.values !== null && Array.isArray(d.pendingFiles) && Array.isArray(d.removedAttachmentIds);
}

/**
 * A text over its limit is refused at the field with how much must go. The inputs show the count
 * against the limit but never cut (no maxLength): a paste keeps its end until the officer trims it.
 */
export function lengthRule(label: string, limit: number): Rule {
  return {
    validator: (_rule, value: unknown) =>
      typeof value === 'string' && value.length > limit
        ? Promise.reject(new Error(tooLongMessage(label, limit, value.length)))
        : Promise.resolve(),
  };
}

/** Each name of 走访人员 is one tag; a pasted paragraph is refused rather than kept as a "name". */
export function namesLengthRule(label: string, limit: number): Rule {
  return {
    validator: (_rule, value: unknown) => {
      const long = Array.isArray(value) ? value.find((v): v is string => typeof v === 'string' && v.length > limit) : undefined;
      return long === undefined ? Promise.resolve() : Promise.reject(new Error(tooLongMessage(label, limit, long.length)));
    },
  };
}

/** A typed future date is refused with a message (the picker used to drop it silently). */
export function notFutureRule(today: string): Rule {
  return {
    validator: (_rule, value: unknown) => {
      const message = dayjs.isDayjs(value) && value.isValid() ? futureVisitDateMessage(value.format('YYYY-MM-DD'), today) : undefined;
      return message ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  };
}
