// Placeholder: replaced by the departments extracted from seeds 000, 001 and 003.
export const defaultDepartments: readonly string[] = ['区商务局'];
