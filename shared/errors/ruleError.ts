// The one error every rule of the app throws when it refuses input: a list of (field path, Chinese
// message). The workflow of a problem, a project's input, a visit, an enterprise, a year's holiday
// notice and every zod schema at a boundary all speak it, so one form hook (renderer/src/components/
// useRuleFormSave.tsx) shows any of them at the fields of any form. Pure.
import type { ZodError, ZodType } from 'zod';

export interface RuleIssue {
  /**
   * The form field the message belongs to, as a dotted path: `replyDate`, `problems.1.department`,
   * `holidays.0.to`; '' when no field fits (the form shows it above itself).
   */
  field: string;
  message: string;
}

export type FieldPath = string | readonly (string | number)[];

/** `['problems', 1, 'department']` → `problems.1.department`. */
export function fieldPathText(path: FieldPath): string {
  return typeof path === 'string' ? path : path.map(String).join('.');
}

export class RuleError extends Error {
  readonly issues: readonly RuleIssue[];
  constructor(issues: readonly RuleIssue[]) {
    const all = issues.length > 0 ? issues : [{ field: '', message: '数据无效' }];
    super(all[0]!.message);
    this.name = 'RuleError';
    this.issues = all;
  }

  /** The field of the first issue. */
  get field(): string {
    return this.issues[0]?.field ?? '';
  }

  /** One refused field. */
  static at(field: FieldPath, message: string): RuleError {
    return new RuleError([{ field: fieldPathText(field), message }]);
  }
}

/**
 * A zod failure as a RuleError: the first message of each field, in the order zod found them. The
 * schemas carry Chinese messages that name their field, so they are shown as they are; `prefix`
 * places the paths under a form's list (e.g. `['problems', 2]`).
 */
export function ruleErrorFromZod(error: ZodError, prefix: readonly (string | number)[] = []): RuleError {
  const issues: RuleIssue[] = [];
  for (const issue of error.issues) {
    const field = fieldPathText([...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]);
    if (!issues.some((i) => i.field === field)) issues.push({ field, message: issue.message });
  }
  return new RuleError(issues);
}

/**
 * Sorts issues for a form: those whose field the form shows go to that field (all its messages),
 * the others are said above the form, so every message reaches the officer.
 */
export function placeRuleIssues(
  issues: readonly RuleIssue[],
  fieldsOnForm: ReadonlySet<string>,
): { atFields: Map<string, string[]>; aboveForm: string[] } {
  const atFields = new Map<string, string[]>();
  const aboveForm: string[] = [];
  for (const issue of issues) {
    if (issue.field !== '' && fieldsOnForm.has(issue.field)) atFields.set(issue.field, [...(atFields.get(issue.field) ?? []), issue.message]);
    else aboveForm.push(issue.message);
  }
  return { atFields, aboveForm };
}

/**
 * A record checked against its schema at a write: the parsed value, or a RuleError naming the
 * fields (never a raw ZodError reaching the officer).
 */
export function parseOrRefuse<T>(schema: ZodType<T>, value: unknown, prefix: readonly (string | number)[] = []): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw ruleErrorFromZod(parsed.error, prefix);
  return parsed.data;
}
