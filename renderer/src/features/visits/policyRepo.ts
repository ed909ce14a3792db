// The policies a visit can promote. The `policies` table starts with the 30 measures of seed 003;
// their ids derive from the measure code, so seeding on two laptops (or twice) yields the same rows.
import type { Policy } from '../../../../shared/domain/records';
import { defaultPolicies } from '../../../../shared/reference/policies';
import { db } from '../../db/db';
import { isLive } from '../../db/recordStamp';

export const defaultPolicyId = (code: string): string => `policy-${code}`;

/** Fills an empty policies table with the default measures; leaves a filled one untouched. */
export async function ensureDefaultPolicies(who: { officerName: string; deviceId: string }, now = new Date()): Promise<void> {
  if (defaultPolicies.length === 0) return;
  await db.transaction('rw', db.policies, async () => {
    if ((await db.policies.count()) > 0) return;
    const at = now.toISOString();
    const rows: Policy[] = defaultPolicies.map((p) => ({
      id: defaultPolicyId(p.code),
      createdAt: at,
      updatedAt: at,
      updatedBy: who.officerName || '未署名',
      deviceId: who.deviceId,
      code: p.code,
      title: p.title,
      sourceDocument: p.sourceDocument,
      leadUnit: p.leadUnit,
    }));
    await db.policies.bulkPut(rows);
  });
}

/** Live policies in code order, for the visit form's picker. */
export async function livePolicies(): Promise<Policy[]> {
  return db.policies.orderBy('code').filter(isLive).toArray();
}
