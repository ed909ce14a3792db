// Placeholder: replaced by the 30 measures of seed 003.
export interface PolicyMeasure {
  code: string;
  title: string;
  sourceDocument: string;
  leadUnit: string;
}
export const defaultPolicies: readonly PolicyMeasure[] = [];
