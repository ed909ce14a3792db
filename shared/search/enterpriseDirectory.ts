// The enterprise roster held in memory: one compact entry per live enterprise, in pinyin order of
// its name, filtered by search, town and officer without touching the database again. At bureau
// scale (20,000 enterprises) filtering is a few milliseconds, so every match is counted and can be
// scrolled to, where an index read capped at 50 hits left the rest unreachable.
import { compactMatches, compactSearchTokens, normalizeSearchQuery, type CompactSearch } from './searchTokens';

/**
 * Chinese names in pinyin order, as officers expect (阿 … 北 … 中), not in code-point order (中 before
 * 北 before 阿); ICU's zh collation, which Node and Chromium both ship. Numeric: "2号" before "10号".
 */
export const nameCollator = new Intl.Collator('zh-CN', { numeric: true });

/** What the roster shows and searches of one enterprise. */
export interface DirectoryEntry {
  id: string;
  name: string;
  creditCode: string;
  town: string;
  assignedOfficer: string;
  lastVisitDate?: string;
  search: CompactSearch;
}

export interface DirectorySource {
  id: string;
  name: string;
  creditCode: string;
  town: string;
  assignedOfficer: string;
  lastVisitDate?: string;
  searchTokens: readonly string[];
}

export function directoryEntry(e: DirectorySource): DirectoryEntry {
  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    town: e.town,
    assignedOfficer: e.assignedOfficer,
    ...(e.lastVisitDate ? { lastVisitDate: e.lastVisitDate } : {}),
    search: compactSearchTokens(e.name, e.searchTokens),
  };
}

/** Pinyin order of the name; the same name twice keeps a stable order by id. */
export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return nameCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The entries of the given records, sorted by name in pinyin order. */
export function buildDirectory(records: Iterable<DirectorySource>): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];
  for (const record of records) entries.push(directoryEntry(record));
  return entries.sort(byName);
}

export interface DirectoryFilter {
  /** Typed search: name part, pinyin initials or full pinyin (spaces ignored), credit code. */
  query?: string;
  town?: string;
  officer?: string;
}

/** The entries matching every filter given, in the directory's (name) order. */
export function filterDirectory(entries: readonly DirectoryEntry[], filter: DirectoryFilter): readonly DirectoryEntry[] {
  const q = normalizeSearchQuery(filter.query ?? '');
  const { town, officer } = filter;
  if (!q && !town && !officer) return entries;
  return entries.filter(
    (e) =>
      (!town || e.town === town) && (!officer || e.assignedOfficer === officer) && (!q || compactMatches(e.search, q)),
  );
}

/** filterDirectory that remembers its recent answers; see createDirectorySearch. */
export type DirectorySearch = (entries: readonly DirectoryEntry[], filter: DirectoryFilter) => readonly DirectoryEntry[];

/**
 * Search as you type over the roster: the same answer as filterDirectory, in the same order, but a
 * query that extends one answered recently (same entries, town and officer) is matched against that
 * answer's rows only. Narrowing is exact: an entry matches when the normalised query occurs in its
 * name or starts one of its tokens, and whatever contains or starts with "hengt" contains or starts
 * with "heng". So each typed character costs the last answer's hits, not the 20,000 entries, and a
 * Backspace finds the shorter query's answer kept. Holds at most `keep` answers; a new directory
 * (a write anywhere) or another town or officer forgets them.
 */
export function createDirectorySearch(keep = 16): DirectorySearch {
  let answeredFor: readonly DirectoryEntry[] | undefined;
  let answeredScope = '';
  /** Normalised query → rows, least recently used first. */
  const answers = new Map<string, readonly DirectoryEntry[]>();
  return (entries, filter) => {
    const scope = `${filter.town ?? ''}\u0000${filter.officer ?? ''}`;
    if (entries !== answeredFor || scope !== answeredScope) {
      answers.clear();
      answeredFor = entries;
      answeredScope = scope;
    }
    const q = normalizeSearchQuery(filter.query ?? '');
    let rows = answers.get(q);
    if (rows === undefined) {
      let base: readonly DirectoryEntry[] = entries;
      let longest = -1;
      for (const [answered, answeredRows] of answers) {
        if (answered.length > longest && q.startsWith(answered)) {
          base = answeredRows;
          longest = answered.length;
        }
      }
      rows = filterDirectory(base, filter);
    }
    answers.delete(q);
    answers.set(q, rows);
    if (answers.size > keep) answers.delete(answers.keys().next().value!);
    return rows;
  };
}

/** The distinct values of one field, in pinyin order, for a filter's options (blank left out). */
export function distinctValues(entries: readonly DirectoryEntry[], field: 'town' | 'assignedOfficer'): string[] {
  const values = new Set<string>();
  for (const e of entries) if (e[field]) values.add(e[field]);
  return [...values].sort(nameCollator.compare);
}
