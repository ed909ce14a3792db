// How long the visit form's texts may be, and the checks the form and the save share. Limits are
// generous (a visit summary is a page of notes) and shown on every field; text over a limit is
// refused with a message at its field, never cut: a paste must not lose its end silently.
// Pure: no DOM, no Dexie.
import { z } from 'zod';

/** Characters (UTF-16 units, as antd's counter shows them) each text of the visit form may hold. */
export const visitTextLimits = {
  peopleMet: 500,
  summary: 10_000,
  /** Each of 用工 / 订单 / 产业链配套 / 产值 / 新增投资. */
  operations: 2_000,
  officer: 50,
  problemDescription: 4_000,
  problemRequest: 4_000,
} as const;

/** The message for a text over its limit: how much is there and how much must go. */
export function tooLongMessage(label: string, limit: number, length: number): string {
  return `${label}最多 ${limit} 字，现有 ${length} 字，请删减 ${length - limit} 字`;
}

const capped = (label: string, limit: number) =>
  z.string().superRefine((value, ctx) => {
    if (value.length > limit) ctx.addIssue({ code: 'custom', message: tooLongMessage(label, limit, value.length) });
  });

const operationsLabels = {
  employment: '用工',
  orders: '订单',
  supplyChain: '产业链配套',
  outputValue: '产值',
  newInvestment: '新增投资',
} as const;

/** The visit's texts, checked at the save (the repository) as well as on the form. */
export const visitTextSchema = z.object({
  officers: z.array(capped('走访人员姓名', visitTextLimits.officer)),
  peopleMet: capped('接待人员', visitTextLimits.peopleMet),
  summary: capped('走访情况', visitTextLimits.summary),
  operations: z.object(
    Object.fromEntries(
      Object.entries(operationsLabels).map(([key, label]) => [key, capped(label, visitTextLimits.operations)]),
    ) as Record<keyof typeof operationsLabels, ReturnType<typeof capped>>,
  ),
});

export const problemTextSchema = z.object({
  description: capped('问题描述', visitTextLimits.problemDescription),
  request: capped('企业诉求', visitTextLimits.problemRequest),
});

/** The first text over its limit, with its path on the form (`operations.orders`), or undefined. */
export function firstTextIssue(
  schema: typeof visitTextSchema | typeof problemTextSchema,
  value: unknown,
): { path: (string | number)[]; message: string } | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  if (!issue) return undefined;
  return { path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message };
}

/** A visit cannot be recorded for a day that has not come yet (Asia/Shanghai calendar days). */
export function futureVisitDateMessage(date: string, today: string): string | undefined {
  return date > today ? `走访日期不能晚于今天（${today}），请核对：${date}` : undefined;
}
