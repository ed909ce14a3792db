// 项目库概况: the figures seed 001 reports the key foreign-invested project library by (首批纳入项目库
// 的项目共计193个，合计预期投资总额…，新增注册外资…，项目平均投资规模…，总投资超亿美元项目占半数；
// 港台地区项目和欧美国家项目各占…；…处于签约（未设立）后的推进阶段…；…个项目提出了…项诉求…56%得到解决或
// 已有明确办理途径…), for one month and one town or all, with the change against the end of last
// month. A pure function of the records: the screen, the monthly workbook and the service-month
// report's 重点项目进展 sheet all take the library of a month from here.
import { outcomeClasses, projectStages, type KeyProject, type OutcomeClass, type Problem, type ProgressEntry, type ProjectStage } from '../domain/records';

/** 1 亿美元 in 万美元, the unit amounts are kept in. */
export const HUNDRED_MILLION_USD = 10_000;
/** The source region of a project whose investorRegion is blank. */
export const UNKNOWN_REGION = '未填写';

export type LibraryProject = Pick<
  KeyProject,
  | 'id'
  | 'name'
  | 'town'
  | 'investorRegion'
  | 'stage'
  | 'inLibrary'
  | 'libraryEntryDate'
  | 'libraryExitDate'
  | 'libraryExitReason'
  | 'totalInvestment'
  | 'registeredForeignCapital'
  | 'leadOfficer'
  | 'deletedAt'
>;
export type LibraryEntry = Pick<ProgressEntry, 'projectId' | 'month' | 'stage' | 'deletedAt'>;
export type LibraryRequest = Pick<Problem, 'projectId' | 'raisedDate' | 'outcomeClass' | 'deletedAt'>;

/** The last calendar day of a month (`YYYY-MM` → `YYYY-MM-DD`). */
export function monthEnd(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The month before (`2026-01` → `2025-12`). */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Whether a project was in the library at the end of `day`, from its entry and exit dates: entered on
 * or before that day, and still in the library or left after it (a project leaves on its exit date).
 * A project in the library with no entry date has always been in it; one out of it with no exit date
 * is out. A project that left and re-entered keeps only its latest entry date in these fields, so for
 * days before that re-entry it counts as out (its full record is the project's history).
 */
export function inLibraryAt(p: Pick<LibraryProject, 'inLibrary' | 'libraryEntryDate' | 'libraryExitDate' | 'deletedAt'>, day: string): boolean {
  if (p.deletedAt !== undefined) return false;
  if (p.libraryEntryDate !== undefined && p.libraryEntryDate > day) return false;
  if (p.inLibrary) return true;
  return p.libraryEntryDate !== undefined && p.libraryExitDate !== undefined && p.libraryExitDate > day;
}

/**
 * The stage a project stood at in `month`: the stage of its latest progress entry up to that month;
 * when nothing was reported after that month, the project's stage now (stages only move forward, and
 * an edit since the last entry moved it on); before its first entry, the stage that entry reported;
 * never reported, its stage now.
 */
export function stageInMonth(p: Pick<LibraryProject, 'id' | 'stage'>, entries: readonly LibraryEntry[], month: string): ProjectStage {
  let upTo: LibraryEntry | undefined;
  let after: LibraryEntry | undefined;
  for (const e of entries) {
    if (e.projectId !== p.id || e.deletedAt !== undefined) continue;
    if (e.month > month) {
      if (!after || e.month < after.month) after = e;
    } else if (!upTo || e.month > upTo.month) upTo = e;
  }
  if (!after) return p.stage;
  return (upTo ?? after).stage;
}

export interface Share {
  name: string;
  count: number;
  /** count ÷ projects in the library; null when the library is empty. */
  share: number | null;
  totalInvestment: number;
}

export interface LibraryTotals {
  projects: number;
  /** Sum of the total investment of the projects that have one (万美元). */
  totalInvestment: number;
  /** Projects with a total investment recorded (the base of the average). */
  withInvestment: number;
  /** totalInvestment ÷ withInvestment; null when none has one. */
  averageInvestment: number | null;
  registeredForeignCapital: number;
  /** Total investment of 1 亿美元 (10,000 万美元) and above. */
  over100m: number;
  over100mShare: number | null;
  over100mInvestment: number;
}

export interface LibraryMove {
  project: LibraryProject;
  kind: '入库' | '出库';
  date: string;
  reason: string;
}

export interface LibraryOverview {
  month: string;
  /** The town, or undefined for all towns. */
  town?: string;
  /** The library at the end of the month. */
  current: LibraryTotals;
  /** The library at the end of the month before. */
  previous: LibraryTotals;
  /** current − previous, figure by figure. */
  change: { projects: number; totalInvestment: number; registeredForeignCapital: number; over100m: number };
  /** Every stage, in the stages' order (zeros included). */
  byStage: (Share & { name: ProjectStage })[];
  /** Source regions, most projects first. */
  byRegion: Share[];
  /** Entries into and exits from the library dated in the month, by date. */
  entries: LibraryMove[];
  exits: LibraryMove[];
  requests: {
    /** Live problems of the month's library projects raised up to the end of the month. */
    total: number;
    /** Of them, raised in the month. */
    raisedThisMonth: number;
    /** Library projects with at least one of those requests. */
    projects: number;
    byOutcome: Record<OutcomeClass, number>;
    outcomeShares: Record<OutcomeClass, number | null>;
    unclassified: number;
  };
  /** The month's library projects (for the lists the figures click through to), by town then name. */
  members: LibraryProject[];
  /** Each member's stage in the month. */
  stages: ReadonlyMap<string, ProjectStage>;
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
/** Sums of amounts kept to the cent (万美元 with two decimals), so 0.1 + 0.2 adds up to 0.3. */
const cents = (value: number) => Math.round(value * 100) / 100;

export function regionOf(p: Pick<LibraryProject, 'investorRegion'>): string {
  return p.investorRegion.trim() || UNKNOWN_REGION;
}

export function projectInTown(p: Pick<LibraryProject, 'town'>, town: string | undefined): boolean {
  return town === undefined || p.town === town;
}

/** The projects in the library at the end of `day`, in `town` (or all), by town then name. */
export function libraryMembers<P extends LibraryProject>(projects: readonly P[], day: string, town?: string): P[] {
  return projects
    .filter((p) => projectInTown(p, town) && inLibraryAt(p, day))
    .sort((a, b) => (a.town || '').localeCompare(b.town || '', 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
}

function totalsOf(members: readonly LibraryProject[]): LibraryTotals {
  let totalInvestment = 0;
  let withInvestment = 0;
  let capital = 0;
  let over100m = 0;
  let over100mInvestment = 0;
  for (const p of members) {
    if (p.totalInvestment !== undefined) {
      totalInvestment += p.totalInvestment;
      withInvestment += 1;
      if (p.totalInvestment >= HUNDRED_MILLION_USD) {
        over100m += 1;
        over100mInvestment += p.totalInvestment;
      }
    }
    capital += p.registeredForeignCapital ?? 0;
  }
  return {
    projects: members.length,
    totalInvestment: cents(totalInvestment),
    withInvestment,
    averageInvestment: withInvestment === 0 ? null : cents(totalInvestment / withInvestment),
    registeredForeignCapital: cents(capital),
    over100m,
    over100mShare: rate(over100m, members.length),
    over100mInvestment: cents(over100mInvestment),
  };
}

/**
 * The requests (问题诉求) of a month's library: live problems of its member projects raised up to the
 * end of the month, earliest raised first.
 */
export function libraryRequestsOf<R extends LibraryRequest>(problems: readonly R[], members: readonly Pick<LibraryProject, 'id'>[], month: string): R[] {
  const end = monthEnd(month);
  const ids = new Set(members.map((p) => p.id));
  return problems
    .filter((r) => r.deletedAt === undefined && r.projectId !== undefined && ids.has(r.projectId) && r.raisedDate <= end)
    .sort((a, b) => a.raisedDate.localeCompare(b.raisedDate));
}

export interface LibraryOverviewInput {
  projects: readonly LibraryProject[];
  /** Progress entries (any months; the stage of a month is read from them). */
  entries: readonly LibraryEntry[];
  /** Problems; those with the projectId of a library project are its requests. */
  problems: readonly LibraryRequest[];
  month: string;
  town?: string;
}

export function libraryOverview({ projects, entries, problems, month, town }: LibraryOverviewInput): LibraryOverview {
  const end = monthEnd(month);
  const start = `${month}-01`;
  const members = libraryMembers(projects, end, town);
  const previous = libraryMembers(projects, monthEnd(previousMonth(month)), town);
  const current = totalsOf(members);
  const before = totalsOf(previous);

  const stages = new Map<string, ProjectStage>();
  for (const p of members) stages.set(p.id, stageInMonth(p, entries, month));
  const share = (name: string, list: readonly LibraryProject[]): Share => ({
    name,
    count: list.length,
    share: rate(list.length, members.length),
    totalInvestment: cents(list.reduce((sum, p) => sum + (p.totalInvestment ?? 0), 0)),
  });
  const byStage = projectStages.map((stage) => ({ ...share(stage, members.filter((p) => stages.get(p.id) === stage)), name: stage }));
  const regions = new Map<string, LibraryProject[]>();
  for (const p of members) {
    const region = regionOf(p);
    regions.set(region, [...(regions.get(region) ?? []), p]);
  }
  const byRegion = [...regions.entries()]
    .map(([region, list]) => share(region, list))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));

  const inMonth = (date: string | undefined): date is string => date !== undefined && date >= start && date <= end;
  const byDate = (a: LibraryMove, b: LibraryMove) => a.date.localeCompare(b.date) || a.project.name.localeCompare(b.project.name, 'zh-CN');
  const live = projects.filter((p) => p.deletedAt === undefined && projectInTown(p, town));
  const entered = live
    .filter((p) => inMonth(p.libraryEntryDate))
    .map((p): LibraryMove => ({ project: p, kind: '入库', date: p.libraryEntryDate!, reason: '' }))
    .sort(byDate);
  const exited = live
    .filter((p) => !p.inLibrary && inMonth(p.libraryExitDate))
    .map((p): LibraryMove => ({ project: p, kind: '出库', date: p.libraryExitDate!, reason: p.libraryExitReason }))
    .sort(byDate);

  const byOutcome = Object.fromEntries(outcomeClasses.map((c) => [c, 0])) as Record<OutcomeClass, number>;
  const asking = new Set<string>();
  const requests = libraryRequestsOf(problems, members, month);
  let raisedThisMonth = 0;
  for (const r of requests) {
    asking.add(r.projectId!);
    if (r.raisedDate >= start) raisedThisMonth += 1;
    if (r.outcomeClass) byOutcome[r.outcomeClass] += 1;
  }
  const total = requests.length;
  const classified = outcomeClasses.reduce((sum, c) => sum + byOutcome[c], 0);

  return {
    month,
    ...(town === undefined ? {} : { town }),
    current,
    previous: before,
    change: {
      projects: current.projects - before.projects,
      totalInvestment: cents(current.totalInvestment - before.totalInvestment),
      registeredForeignCapital: cents(current.registeredForeignCapital - before.registeredForeignCapital),
      over100m: current.over100m - before.over100m,
    },
    byStage,
    byRegion,
    entries: entered,
    exits: exited,
    requests: {
      total,
      raisedThisMonth,
      projects: asking.size,
      byOutcome,
      outcomeShares: Object.fromEntries(outcomeClasses.map((c) => [c, rate(byOutcome[c], total)])) as Record<OutcomeClass, number | null>,
      unclassified: total - classified,
    },
    members,
    stages,
  };
}
