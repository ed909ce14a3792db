// The policies a visit can promote. The `policies` table starts with the 30 measures of seed 003;
// their ids derive from the measure code, so seeding on two laptops (or twice) yields the same rows.
import type { Policy } from '../../../../shared/domain/records';
import { defaultPolicies } from '../../../../shared/reference/policies';
import { ledgerDb } from '../../db/db';
import { isLive, type RecordFields, type Stamper } from '../../../../shared/sync/recordStamp';
import { writeTransaction } from '../../db/ledgerWrites';

export const defaultPolicyId = (code: string): string => `policy-${code}`;

/** The default measures' fields; ids derive from the measure code, the same on every laptop. */
export function defaultPolicyFields(): (RecordFields<Policy> & { id: string })[] {
  return defaultPolicies.map((p) => ({
    id: defaultPolicyId(p.code),
    code: p.code,
    title: p.title,
    sourceDocument: p.sourceDocument,
    leadUnit: p.leadUnit,
  }));
}

/** Fills an empty policies table with the default measures; leaves a filled one untouched. */
export async function ensureDefaultPolicies(actor?: Stamper, now = new Date()): Promise<void> {
  if (defaultPolicies.length === 0) return;
  await writeTransaction(['policies'], async (w) => {
    if ((await ledgerDb().policies.count()) > 0) return;
    await w.createAll<Policy>('policies', defaultPolicyFields());
  }, { actor, now });
}

/** Live policies in code order, for the visit form's picker. */
export async function livePolicies(): Promise<Policy[]> {
  return ledgerDb().policies.orderBy('code').filter(isLive).toArray();
}
