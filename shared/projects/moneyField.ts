// Amounts of a key project in 万美元, as the project and progress forms take them. Pure.
import { z } from 'zod';

/** Money in 万美元: empty (undefined or a cleared number box's null) is allowed, else a number ≥ 0. */
export function moneyField(label: string) {
  return z
    .number({ error: `${label}应为数字（万美元）` })
    .nonnegative(`${label}不能为负数`)
    .nullish()
    .transform((value) => value ?? undefined);
}
