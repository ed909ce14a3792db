// STUB (signatures fixed; the reference-data helper implements name suffixes + pinyin initials).
export function enterpriseSearchTokens(enterprise: { name: string; creditCode: string }): string[] {
  return [enterprise.name.toLowerCase(), enterprise.creditCode.toLowerCase()];
}

/** The form a typed query takes before it is matched as a prefix of the tokens. */
export function normalizeSearchQuery(query: string): string {
  return query.trim().toLowerCase();
}
