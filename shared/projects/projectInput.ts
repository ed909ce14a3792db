// What an officer types for a key project (docs/design.md KeyProject), checked with the rules of the
// library (seed 001: projects enter and leave it by rule, each exit with its reason). The same
// schema checks the add/edit form, 移出项目库 and 重新入库, so the three cannot disagree.
import { z } from 'zod';
import { isCalendarDate } from '../calendar/workingDays';
import { projectEntrySources, projectExitReasons, projectStages, type KeyProject, type RecordMeta } from '../domain/records';
import { moneyField } from './moneyField';
import { RuleError, ruleErrorFromZod } from '../errors/ruleError';

/** A form's cleared field arrives as '', null or undefined; all three mean "not given". */
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

const text = z
  .string()
  .nullish()
  .transform((value) => (value ?? '').trim());

function dateField(label: string) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine(isCalendarDate, `${label}应为有效日期（YYYY-MM-DD）`)
      .optional(),
  );
}

export const projectInputSchema = z
  .object({
    name: z.string({ error: '请填写项目名称' }).trim().min(1, '请填写项目名称').max(100, '项目名称不能超过 100 字'),
    enterpriseId: z.preprocess(blankToUndefined, z.string().optional()),
    investorRegion: text,
    town: text,
    totalInvestment: moneyField('总投资'),
    registeredForeignCapital: moneyField('注册外资'),
    stage: z.enum(projectStages, { error: '请选择项目阶段' }),
    leadOfficer: text,
    inLibrary: z.boolean({ error: '请选择是否在库' }),
    libraryEntryDate: dateField('入库日期'),
    libraryEntrySource: z.preprocess(blankToUndefined, z.enum(projectEntrySources, { error: '入库来源应为签约项目、区镇推送或其他' }).optional()),
    libraryExitDate: dateField('移出日期'),
    libraryExitReasonKind: z.preprocess(
      blankToUndefined,
      z.enum(projectExitReasons, { error: '移出原因应为竣工投产满一年、项目终止、转出或其他' }).optional(),
    ),
    libraryExitReason: text,
  })
  .superRefine((v, ctx) => {
    const at = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    // Refinements run even when a field already failed (a negative total reaches here): compare valid money only.
    const total = v.totalInvestment ?? -1;
    const capital = v.registeredForeignCapital ?? -1;
    if (total >= 0 && capital >= 0 && capital > total) {
      at('registeredForeignCapital', '注册外资不能大于总投资');
    }
    if (v.inLibrary) {
      if (!v.libraryEntryDate) at('libraryEntryDate', '在库项目须填写入库日期');
      if (!v.libraryEntrySource) at('libraryEntrySource', '请选择入库来源（签约项目、区镇推送或其他）');
      return;
    }
    if (!v.libraryExitDate) at('libraryExitDate', '移出项目库须填写移出日期');
    if (!v.libraryExitReasonKind) at('libraryExitReasonKind', '移出项目库须选择移出原因');
    else if (v.libraryExitReasonKind === '其他' && !v.libraryExitReason) {
      at('libraryExitReason', '移出原因为“其他”时须写明具体原因');
    }
    if (v.libraryExitDate && v.libraryEntryDate && v.libraryExitDate < v.libraryEntryDate) {
      at('libraryExitDate', `移出日期不能早于入库日期（${v.libraryEntryDate}）`);
    }
  })
  // An in-library project has no exit: what the form still holds of an earlier exit is dropped.
  .transform((v) => (v.inLibrary ? { ...v, libraryExitDate: undefined, libraryExitReasonKind: undefined, libraryExitReason: '' } : v));

/** A project's own fields, as an officer edits them: a KeyProject without the record fields and its history. */
export type ProjectInput = Omit<KeyProject, keyof RecordMeta | 'history'>;

export const projectInputKeys = Object.keys(projectInputSchema.in.shape) as (keyof ProjectInput)[];

/** The checked input, without the keys left empty; throws RuleError naming the fields. */
export function parseProjectInput(raw: unknown): ProjectInput {
  const parsed = projectInputSchema.safeParse(raw);
  if (!parsed.success) throw ruleErrorFromZod(parsed.error);
  return Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined)) as ProjectInput;
}

/** The editable fields of a stored project, e.g. to fill the edit form or to apply a change to. */
export function projectInputOf(project: KeyProject): Record<keyof ProjectInput, unknown> {
  return Object.fromEntries(projectInputKeys.map((key) => [key, project[key]])) as Record<keyof ProjectInput, unknown>;
}

/** 移出项目库: the project's fields after leaving the library on `date` for a reason of the list (`reasonKind`) and in words (`reason`). */
export function exitLibrary(project: KeyProject, exit: { date?: string; reasonKind?: string; reason?: string }): ProjectInput {
  if (!project.inLibrary) throw new RuleError([{ field: '', message: '该项目已不在项目库中' }]);
  return parseProjectInput({
    ...projectInputOf(project),
    inLibrary: false,
    libraryExitDate: exit.date,
    libraryExitReasonKind: exit.reasonKind,
    libraryExitReason: exit.reason,
  });
}

/** 重新入库: the project's fields after entering the library again on `date` (not before it left) from `source`. */
export function reenterLibrary(project: KeyProject, entry: { date?: string; source?: string }): ProjectInput {
  if (project.inLibrary) throw new RuleError([{ field: '', message: '该项目已在项目库中' }]);
  if (entry.date && project.libraryExitDate && isCalendarDate(entry.date) && entry.date < project.libraryExitDate) {
    throw new RuleError([
      { field: 'libraryEntryDate', message: `重新入库日期不能早于移出日期（${project.libraryExitDate}）` },
    ]);
  }
  return parseProjectInput({ ...projectInputOf(project), inLibrary: true, libraryEntryDate: entry.date ?? '', libraryEntrySource: entry.source ?? '' });
}
