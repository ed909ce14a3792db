// A new enterprise's typed fields: the form starts from them, a roster row fills them in, tests build on them.
import type { Enterprise, RecordMeta } from './records';

/** The fields a user types (or a roster row carries); the record fields and the derived ones are filled on save. */
export type EnterpriseFields = Omit<Enterprise, keyof RecordMeta | 'lastVisitDate' | 'searchTokens'>;

/** Empty texts and unticked boxes; the optional foreignSource and serviceTier are left out. */
export function blankEnterpriseFields(): EnterpriseFields {
  return {
    name: '',
    creditCode: '',
    town: '',
    address: '',
    industry: '',
    isKeyEnterprise: false,
    isAboveScale: false,
    contactPerson: '',
    contactPhone: '',
    assignedOfficer: '',
    linkedLeader: '',
  };
}
