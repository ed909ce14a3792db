// A refused project or progress input, with one Chinese message per form field, so the form can show
// each message at its field. Pure: the schemas in this folder produce it, the renderer displays it.
import { z, type ZodError } from 'zod';

export interface ProjectRuleIssue {
  /** The form field the message belongs to (e.g. `libraryExitReason`); '' when no field fits. */
  field: string;
  message: string;
}

export class ProjectRuleError extends Error {
  readonly issues: ProjectRuleIssue[];
  constructor(issues: ProjectRuleIssue[]) {
    super(issues[0]?.message ?? '项目数据无效');
    this.name = 'ProjectRuleError';
    this.issues = issues;
  }
}

/** The first message of each field (the form shows one per field), in the order zod found them. */
export function issuesOfZodError(error: ZodError): ProjectRuleIssue[] {
  const issues: ProjectRuleIssue[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!issues.some((i) => i.field === field)) issues.push({ field, message: issue.message });
  }
  return issues;
}

/** Money in 万美元: empty (undefined or a cleared number box's null) is allowed, else a number ≥ 0. */
export function moneyField(label: string) {
  return z
    .number({ error: `${label}应为数字（万美元）` })
    .nonnegative(`${label}不能为负数`)
    .nullish()
    .transform((value) => value ?? undefined);
}
