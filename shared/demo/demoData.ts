// Seeded, deterministic demo data: enterprises with valid credit codes and search tokens, a year of
// visits, problems in every status with histories that follow 首问负责制 (seed 000), key projects with
// monthly progress (seed 001). Pure (no Dexie): the browser's "载入示例数据" button and the benchmark
// command line both take the records from here.
//
// Bureau scale is 320k+ records, so the data comes in batches (`generateDemoBatches`): each batch is a
// slice of enterprises together with their own visits, problems and projects, so an enterprise's
// `lastVisitDate` is final when its batch is yielded and the loader never holds the whole set.
import { makeCreditCode } from '../creditCode';
import { addCalendarDays, addWorkingDays, calendarDaysBetween, isWorkingDay, type CheckedWorkingDay } from '../calendar/workingDays';
import {
  outcomeClasses,
  projectStages,
  type Enterprise,
  type KeyProject,
  type OutcomeClass,
  type Problem,
  type ProblemHistoryEntry,
  type ProblemStatus,
  type ProgressEntry,
  type ProjectStage,
  type RecordMeta,
  type Satisfaction,
  type Visit,
} from '../domain/records';
import { replyDeadlineChecked } from '../problems/problemDeadline';
import { reconstructProjectHistory } from '../projects/projectHistory';
import { defaultDepartments } from '../reference/departments';
import { defaultPolicies } from '../reference/policies';
import { defaultProblemCategories } from '../reference/problemCategories';
import { defaultTowns } from '../reference/towns';
import { defaultVisitTypes } from '../reference/visitTypes';
import { enterpriseSearchTokens } from '../search/searchTokens';
import { DemoRandom } from './demoRandom';
import {
  contactTitles,
  demoLeaders,
  demoOfficers,
  departmentsByCategory,
  foreignTradeNames,
  givenNames,
  industries,
  legalForms,
  problemTexts,
  progressNotes,
  projectBlockers,
  projectProducts,
  projectWords,
  roads,
  supplyChainNotes,
  surnames,
  tradeNameChars,
  visitSummaries,
} from './demoVocabulary';

export interface DemoScale {
  enterprises: number;
  visits: number;
  problems: number;
  /** Key projects; default: one per 100 enterprises, at least 6. */
  projects?: number;
}

export const demoScales = {
  small: { enterprises: 200, visits: 1200, problems: 600 },
  bureau: { enterprises: 20_000, visits: 200_000, problems: 100_000 },
} as const satisfies Record<string, DemoScale>;
export type DemoScaleName = keyof typeof demoScales;

export interface DemoOptions extends DemoScale {
  seed: string | number;
  /** The demo's "today" (`YYYY-MM-DD`): visits fall in the 12 months before it, nothing after it. */
  today: string;
  /** Ids of the policy records visits may reference; default: the ids of the 30 default measures. */
  policyIds?: readonly string[];
  /** Enterprises per batch (with their visits, problems, projects); default 500. */
  enterprisesPerBatch?: number;
}

export interface DemoBatch {
  enterprises: Enterprise[];
  visits: Visit[];
  problems: Problem[];
  projects: KeyProject[];
  progressEntries: ProgressEntry[];
}
export type DemoData = DemoBatch;

export const DEMO_DEVICE_ID = 'demo-device';

/**
 * Every demo record's id starts with this, so the demo stays recognisable after an officer edits a
 * demo record (an edit stamps the officer's device id): 清除示例数据 removes exactly these records.
 */
export const DEMO_ID_PREFIX = 'demo-';

/** A record of the demo data set: by its id, or (demo data loaded before ids carried the prefix) by the demo device id. */
export function isDemoRecord(record: Pick<RecordMeta, 'id' | 'deviceId'>): boolean {
  return record.id.startsWith(DEMO_ID_PREFIX) || record.deviceId === DEMO_DEVICE_ID;
}

/** The policy ids the app gives the default measures (renderer/src/features/visits/policyRepo.ts). */
export const defaultDemoPolicyIds: readonly string[] = defaultPolicies.map((p) => `policy-${p.code}`);

export function demoProjectCount(scale: DemoScale): number {
  return scale.projects ?? Math.max(6, Math.round(scale.enterprises / 100));
}

/** Records before progress entries (whose number depends on the draw): for progress bars. */
export function demoRecordEstimate(scale: DemoScale): number {
  const projects = demoProjectCount(scale);
  return scale.enterprises + scale.visits + scale.problems + projects * 10;
}

/** All records at once: for tests and small scales (bureau scale: use `generateDemoBatches`). */
export function generateDemoData(options: DemoOptions): DemoData {
  const all: DemoData = { enterprises: [], visits: [], problems: [], projects: [], progressEntries: [] };
  for (const batch of generateDemoBatches(options)) {
    for (const key of Object.keys(all) as (keyof DemoData)[]) {
      const target = all[key] as unknown[];
      for (const record of batch[key]) target.push(record);
    }
  }
  return all;
}

// ————— helpers —————

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Calendar arithmetic on a precomputed table of days around `today`: the generator does a few
 * million date additions at bureau scale, and parsing and formatting dates each time is most of
 * its run time. Days outside the table fall back to the calendar module.
 */
class DayTable {
  private readonly days: string[] = [];
  private readonly index = new Map<string, number>();
  private static readonly BEFORE = 900;
  private static readonly AFTER = 400;

  constructor(today: string) {
    for (let i = -DayTable.BEFORE; i <= DayTable.AFTER; i++) {
      const day = addCalendarDays(today, i);
      this.index.set(day, this.days.length);
      this.days.push(day);
    }
  }

  plus(date: string, n: number): string {
    const at = this.index.get(date);
    const target = at === undefined ? undefined : this.days[at + n];
    return target ?? addCalendarDays(date, n);
  }

  between(from: string, to: string): number {
    const a = this.index.get(from);
    const b = this.index.get(to);
    return a !== undefined && b !== undefined ? b - a : calendarDaysBetween(from, to);
  }

  /** `date` at `minute` (0..1439) of the Asia/Shanghai day, as an ISO instant (UTC, +08:00 offset). */
  instant(date: string, minute: number): string {
    let utcMinute = minute - 480;
    let day = date;
    if (utcMinute < 0) {
      utcMinute += 1440;
      day = this.plus(date, -1);
    }
    return `${day}T${pad2(Math.floor(utcMinute / 60))}:${pad2(utcMinute % 60)}:00.000Z`;
  }
}

const minDate = (a: string, b: string): string => (a < b ? a : b);

/** Old-style 组织机构代码 (GB 11714): 8 digits and a check character, as pre-2015 enterprises keep. */
function organizationCode(rng: DemoRandom): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let digits = String(rng.int(1, 9));
  for (let i = 1; i < 8; i++) digits += String(rng.int(0, 9));
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * weights[i]!;
  const c = 11 - (sum % 11);
  return digits + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

interface Officer {
  name: string;
  department: string;
}

class DemoGenerator {
  private readonly rng: DemoRandom;
  private readonly today: string;
  private readonly deviceId = DEMO_DEVICE_ID;
  private readonly usedNames = new Set<string>();
  private readonly usedCodes = new Set<string>();
  private readonly usedProjectNames = new Set<string>();
  private readonly policyIds: readonly string[];
  /** Working days among the 365 days up to today, for visit dates (officers visit on working days). */
  private readonly visitDays: string[] = [];
  private readonly categoryWeights: (readonly [string, number])[];
  private readonly visitTypeWeights: (readonly [string, number])[];
  private readonly officers: readonly Officer[] = demoOfficers;
  private readonly bureauOfficers: readonly Officer[] = demoOfficers.filter((o) => o.department === '区商务局');
  private readonly departments = new Set(defaultDepartments);
  private readonly officerByName = new Map<string, Officer>(demoOfficers.map((o) => [o.name, o]));
  private readonly candidatesByCategory = new Map<string, readonly string[]>();
  private readonly dayTable: DayTable;
  private readonly deadlineCache = new Map<string, CheckedWorkingDay>();
  private readonly workingDayCache = new Map<string, string>();

  constructor(private readonly options: DemoOptions) {
    this.rng = new DemoRandom(options.seed);
    this.today = options.today;
    this.policyIds = options.policyIds ?? defaultDemoPolicyIds;
    this.dayTable = new DayTable(this.today);
    for (let back = 0; back < 365; back++) {
      const day = this.dayTable.plus(this.today, -back);
      if (isWorkingDay(day)) this.visitDays.push(day);
    }
    if (this.visitDays.length === 0) this.visitDays.push(this.today);
    const weightOf: Record<string, number> = {
      用工: 14, 物流: 6, 资金融资: 8, 土地指标: 6, 能耗指标: 4, 规划调整: 3, 环评安评: 6, 建设审批: 7, 产能审批: 3,
      外籍人员来华与签证: 6, 通关: 6, 外汇与资金管理: 3, 税收: 7, 政策兑现: 10, 水电气: 5, 知识产权: 2, 其他: 4,
    };
    const visitWeightOf: Record<string, number> = { 调研走访: 50, 政策宣讲: 12, 对话沙龙: 8, 现场联合办公: 10, 电话回访: 20 };
    this.visitTypeWeights = defaultVisitTypes.map((t) => [t, visitWeightOf[t] ?? 5] as const);
    this.categoryWeights = defaultProblemCategories.map((c) => [c, weightOf[c] ?? 3] as const);
  }

  private plusDays(date: string, n: number): string {
    return this.dayTable.plus(date, n);
  }

  private instant(date: string, minute: number): string {
    return this.dayTable.instant(date, minute);
  }

  /** A new record's fields, created and last edited at `at` by `by` (draws the id from the seed). */
  private stamp(at: string, by: string): RecordMeta {
    const deviceId = this.deviceId;
    return { id: `${DEMO_ID_PREFIX}${this.rng.uuid()}`, createdAt: at, updatedAt: at, updatedBy: by, deviceId, rev: 1, versionVector: { [deviceId]: 1 } };
  }

  /**
   * The reply deadline depends only on the handling and the day the clock starts: cached. At the
   * year end it may rest on a year the calendar does not know: then it is provisional (待确认).
   */
  private deadline(handling: Problem['handling'], raisedDate: string, transferDate: string | undefined): CheckedWorkingDay {
    const key = `${handling}|${raisedDate}|${transferDate ?? ''}`;
    let deadline = this.deadlineCache.get(key);
    if (deadline === undefined) {
      deadline = replyDeadlineChecked({ handling, raisedDate, transferDate });
      this.deadlineCache.set(key, deadline);
    }
    return deadline;
  }

  private plusWorkingDays(date: string, n: number): string {
    const key = `${date}|${n}`;
    let day = this.workingDayCache.get(key);
    if (day === undefined) {
      day = addWorkingDays(date, n);
      this.workingDayCache.set(key, day);
    }
    return day;
  }

  /** The departments a problem of `category` goes to, limited to the default department list. */
  private departmentCandidates(category: string): readonly string[] {
    let candidates = this.candidatesByCategory.get(category);
    if (!candidates) {
      candidates = (departmentsByCategory[category] ?? ['区商务局']).filter((d) => this.departments.has(d));
      this.candidatesByCategory.set(category, candidates);
    }
    return candidates;
  }

  private personName(): string {
    return this.rng.pick(surnames) + this.rng.pick(givenNames);
  }

  private recentWorkday(maxBack = 364, minBack = 0): string {
    // visitDays[0] is the latest working day; index grows into the past (about 250 per year).
    const ratioMin = minBack / 365;
    const ratioMax = Math.min(maxBack, 364) / 365;
    const r = ratioMin + this.rng.next() * (ratioMax - ratioMin);
    const index = Math.min(this.visitDays.length - 1, Math.floor(r * this.visitDays.length));
    return this.visitDays[index]!;
  }

  // ————— enterprises —————

  private enterpriseName(): { name: string; tradeName: string; industry: string; foreignStyle: boolean } {
    for (let attempt = 0; ; attempt++) {
      const [industryWord, industry] = this.rng.pick(industries);
      const foreignStyle = attempt < 6 && this.rng.chance(0.3);
      let tradeName: string;
      let name: string;
      if (foreignStyle) {
        tradeName = this.rng.pick(foreignTradeNames);
        const place = this.rng.weighted([['吴江', 3], ['苏州', 2], ['中国', 1]] as const);
        name = this.rng.chance(0.7)
          ? `${tradeName}（${place}）${industryWord}有限公司`
          : `${tradeName}${industryWord}（${place}）有限公司`;
      } else {
        const first = this.rng.pick(tradeNameChars);
        let second = this.rng.pick(tradeNameChars);
        if (second === first) second = tradeNameChars[(tradeNameChars.indexOf(first) + 7) % tradeNameChars.length]!;
        tradeName = first + second;
        const place = this.rng.weighted([['苏州', 4], ['吴江', 4], ['江苏', 2], ['苏州市吴江区', 1]] as const);
        name = `${place}${tradeName}${industryWord}${this.rng.pick(legalForms)}`;
      }
      if (!this.usedNames.has(name)) {
        this.usedNames.add(name);
        return { name, tradeName, industry, foreignStyle };
      }
    }
  }

  private creditCode(): string {
    for (;;) {
      const division = this.rng.weighted([['320509', 85], ['320500', 15]] as const);
      let body: string;
      if (this.rng.chance(0.6)) {
        body = 'MA';
        for (let i = 0; i < 7; i++) body += CODE_CHARS[this.rng.int(0, CODE_CHARS.length - 1)];
      } else {
        body = organizationCode(this.rng);
      }
      const code = makeCreditCode(`91${division}${body}`);
      if (!this.usedCodes.has(code)) {
        this.usedCodes.add(code);
        return code;
      }
    }
  }

  private enterprise(): Enterprise & { tradeName: string } {
    const rng = this.rng;
    const { name, tradeName, industry, foreignStyle } = this.enterpriseName();
    const creditCode = this.creditCode();
    const town = rng.weighted(defaultTowns.map((t, i) => [t, i < 4 ? 3 : 1] as const));
    const isKeyEnterprise = rng.chance(0.12);
    const isAboveScale = isKeyEnterprise || rng.chance(0.45);
    const officer = rng.chance(0.6) ? rng.pick(this.bureauOfficers) : rng.pick(this.officers);
    const created = this.plusDays(this.today, -rng.int(380, 420));
    const createdAt = this.instant(created, rng.int(540, 1020));
    const record: Enterprise & { tradeName: string } = {
      ...this.stamp(createdAt, officer.name),
      name,
      creditCode,
      town,
      address: `${town.replace(/（.*?）/g, '')}${rng.pick(roads)}${rng.int(1, 2999)}号`,
      industry,
      isKeyEnterprise,
      isAboveScale,
      contactPerson: this.personName(),
      contactPhone: `1${rng.pick(['3', '5', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
      assignedOfficer: officer.name,
      linkedLeader: isKeyEnterprise ? rng.pick(demoLeaders) : '',
      serviceTier: isKeyEnterprise ? 'A' : isAboveScale ? 'B' : 'C',
      searchTokens: enterpriseSearchTokens({ name, creditCode }),
      tradeName,
    };
    if (foreignStyle || rng.chance(0.7)) {
      record.foreignSource = rng.weighted([['港澳台', 35], ['欧美', 30], ['日韩', 25], ['其他', 10]] as const);
    }
    return record;
  }

  // ————— visits —————

  private visit(enterprise: Enterprise): Visit {
    const rng = this.rng;
    const date = this.recentWorkday();
    const type = rng.weighted(this.visitTypeWeights);
    const officers = [enterprise.assignedOfficer];
    if (type !== '电话回访' && rng.chance(0.35)) {
      const other = rng.pick(this.officers).name;
      if (other !== officers[0]) officers.push(other);
    }
    const phone = type === '电话回访';
    const met = [`${rng.pick(contactTitles)} ${enterprise.contactPerson}`];
    if (!phone && rng.chance(0.5)) met.push(`${rng.pick(contactTitles)} ${this.personName()}`);
    const staff = rng.int(40, 2400);
    const policyCount = type === '政策宣讲' ? rng.int(2, 4) : phone ? 0 : rng.chance(0.3) ? rng.int(1, 2) : 0;
    const policyIds = new Set<string>();
    for (let i = 0; i < policyCount && this.policyIds.length > 0; i++) policyIds.add(rng.pick(this.policyIds));
    const createdAt = this.instant(date, rng.int(540, 1050));
    return {
      ...this.stamp(createdAt, officers[0]!),
      enterpriseId: enterprise.id,
      date,
      type,
      officers,
      peopleMet: met.join('、'),
      summary: rng.pick(visitSummaries[type] ?? visitSummaries['调研走访']!),
      operations: phone
        ? { employment: '', orders: '', supplyChain: '', outputValue: '', newInvestment: '' }
        : {
            employment: `在岗员工${staff}人${rng.chance(0.35) ? `，缺口约${rng.int(5, Math.max(6, Math.round(staff / 10)))}人` : ''}`,
            orders: this.ordersNote(),
            supplyChain: rng.pick(supplyChainNotes),
            outputValue: enterprise.isAboveScale
              ? `今年以来累计产值约${(rng.int(3, 400) / 10).toFixed(1)}亿元`
              : `今年以来累计产值约${rng.int(300, 9000)}万元`,
            newInvestment: rng.chance(0.3) ? `计划新增投资${rng.int(1, 120) * 50}万美元` : '',
          },
      policyIds: [...policyIds],
    };
  }

  private ordersNote(): string {
    const roll = this.rng.int(0, 7);
    if (roll < 3) return `订单已排至${this.rng.int(1, 12)}月`;
    if (roll < 6) return `订单同比增长${this.rng.int(2, 35)}%`;
    return `订单同比下降${this.rng.int(2, 25)}%`;
  }

  // ————— problems —————

  private problem(
    enterprise: Enterprise,
    source: { visit?: Visit; project?: KeyProject },
  ): Problem {
    const rng = this.rng;
    const today = this.today;
    const officerName = source.visit?.officers[0] ?? enterprise.assignedOfficer;
    const officer = this.officerByName.get(officerName) ?? this.officers[0]!;
    const raisedDate =
      source.visit?.date ??
      (source.project?.libraryEntryDate
        ? this.recentWorkday(Math.min(364, this.dayTable.between(source.project.libraryEntryDate, today)))
        : this.recentWorkday());
    const category = source.project
      ? rng.pick(['土地指标', '能耗指标', '规划调整', '环评安评', '建设审批', '产能审批', '外籍人员来华与签证', '通关', '外汇与资金管理', '资金融资'])
      : rng.weighted(this.categoryWeights);
    const texts = problemTexts[category] ?? problemTexts['其他']!;
    const [descriptionTemplate, requestTemplate] = rng.pick(texts);
    // One number for both texts: a request may quote the amount the description raised.
    const amount = String(rng.int(2, 60));
    const description = descriptionTemplate.replace('{n}', amount);
    const request = requestTemplate.replace('{n}', amount);
    const isComplaint = rng.chance(0.04);

    const candidates = this.departmentCandidates(category);
    const target = candidates.length > 0 ? rng.pick(candidates) : officer.department;
    const ownDepartment = target === officer.department || rng.chance(0.3);
    const handling = ownDepartment ? ('本部门办理' as const) : ('转办' as const);
    const department = ownDepartment ? officer.department : target;

    // Everything the story below stamps happens in time order; same-day events get later minutes.
    const history: ProblemHistoryEntry[] = [];
    let lastDate = '';
    let lastMinute = 0;
    const at = (date: string): string => {
      if (date === lastDate) lastMinute = Math.min(1439, lastMinute + rng.int(5, 90));
      else if (date > lastDate) lastMinute = rng.int(540, 1020);
      lastDate = date > lastDate ? date : lastDate;
      return this.instant(lastDate, lastMinute);
    };
    let status: ProblemStatus = '待处理';
    const log = (date: string, to: ProblemStatus, comment: string, extra?: Partial<ProblemHistoryEntry>): void => {
      // Ids are given once the problem has its own (below): `<problem id>:h<n>`.
      const entry: ProblemHistoryEntry = { id: '', at: at(date), by: officerName, to, comment, ...extra };
      if (history.length > 0) entry.from = status;
      history.push(entry);
      status = to;
    };

    // Transfer: the same day as a rule; some late (seed 000 wants 当日转交); a few recent ones not yet.
    let transferDate: string | undefined;
    if (handling === '转办') {
      const lateTransfer = rng.chance(0.12);
      const candidate = lateTransfer ? this.plusWorkingDays(raisedDate, rng.int(1, 4)) : raisedDate;
      const neverTransferred = this.dayTable.between(raisedDate, today) < 20 && rng.chance(0.03);
      if (candidate <= today && !neverTransferred) transferDate = candidate;
    }
    if (handling === '转办' && transferDate === raisedDate) log(raisedDate, '已转办', `登记并转办至${department}`);
    else log(raisedDate, '待处理', handling === '转办' ? `登记，待转办至${department}` : '登记');
    if (transferDate !== undefined && transferDate > raisedDate) {
      log(transferDate, '已转办', `转办至${department}（未在提出当日转办）`);
    }
    const checkedDeadline = this.deadline(handling, raisedDate, transferDate);
    const deadline = checkedDeadline.date;
    const clockStart = transferDate ?? raisedDate;

    const problem: Problem = {
      ...this.stamp('', officerName), // the times are set from the history below
      enterpriseId: enterprise.id,
      raisedDate,
      category,
      description,
      request,
      isComplaint,
      handling,
      department,
      replyDeadline: deadline,
      ...(checkedDeadline.uncertain ? { replyDeadlineProvisional: true } : {}),
      replyContent: '',
      status,
      officer: officerName,
      history,
    };
    if (source.visit) problem.visitId = source.visit.id;
    if (source.project) problem.projectId = source.project.id;
    if (transferDate !== undefined) problem.transferDate = transferDate;

    const reply = (from: string): { date: string; outcome: OutcomeClass; content: string } | undefined => {
      if (handling === '转办' && transferDate === undefined) return undefined;
      const roll = rng.next();
      let date: string | undefined;
      if (from >= deadline) {
        // A reopened problem whose deadline has passed: answered again some days later.
        if (roll < 0.92) date = this.plusDays(from, rng.int(1, 10));
      } else if (roll < 0.7) {
        const span = this.dayTable.between(from, deadline);
        date = this.plusDays(from, rng.int(1, span));
      } else if (roll < 0.92) {
        date = this.plusDays(from > deadline ? from : deadline, rng.int(1, 20)); // answered late
      } else if (this.dayTable.between(from, today) > 90) {
        // Old problems were answered in the end, if very late; only recent ones are still unanswered.
        date = this.plusDays(from > deadline ? from : deadline, rng.int(20, 80));
      }
      if (date === undefined || date > today) return undefined;
      const outcome = rng.weighted([
        [outcomeClasses[0], 56],
        [outcomeClasses[1], 40],
        [outcomeClasses[2], 4],
      ] as const); // the shares seed 001 reports: 56 % solved, 40 % under way, a few to the meetings
      const content =
        outcome === '解决或已有明确途径'
          ? `${department}已协调落实，${rng.pick(['问题已解决', '已明确办理途径并告知企业', '已上门指导企业办理'])}`
          : outcome === '已有方案或正在争取'
            ? `${department}已制定解决方案，${rng.pick(['正在向上级部门争取支持', '列入下一批次统筹安排', '待相关指标下达后落实'])}`
            : `涉及多个部门职能，${department}建议提交会商协调`;
      return { date, outcome, content };
    };

    const escalate = (earliest: string): boolean => {
      const date = this.plusDays(earliest, rng.int(2, 10));
      if (date > today) return false;
      const meeting = rng.chance(0.75) ? ('督办会' as const) : ('点评会' as const);
      const note = meeting === '督办会' ? '提交重点外资项目推进调度督办会协调' : '提交重点项目情况汇报点评会协调';
      problem.escalation = { meeting, date, note };
      log(date, '已升级', `提交${meeting}（${date}）：${note}`);
      if (rng.chance(0.4)) {
        const owner = `${department} ${this.personName()}`;
        const rectDeadline = this.plusDays(date, rng.int(15, 45));
        problem.rectification = { owner, deadline: rectDeadline, note: '挂牌整改，限期解决' };
        log(date, status, `挂牌整改：责任人${owner}，期限${rectDeadline}；挂牌整改，限期解决`);
      }
      return true;
    };

    const close = (earliest: string, probability: number): void => {
      const date = this.plusDays(earliest, rng.int(1, 15));
      if (date <= today && rng.chance(probability)) log(date, '已办结', '办结');
    };

    let answer = reply(clockStart);
    if (answer) {
      problem.replyDate = answer.date;
      problem.replyContent = answer.content;
      problem.outcomeClass = answer.outcome;
      log(answer.date, '已答复', `答复：${answer.outcome}`);
      let after = answer.date;
      if (rng.chance(0.75)) {
        const ratedOn = this.plusDays(answer.date, rng.int(0, 5));
        if (ratedOn <= today) {
          const satisfaction: Satisfaction = rng.weighted([
            ['满意', 68],
            ['基本满意', 24],
            ['不满意', 8],
          ] as const);
          problem.satisfaction = satisfaction;
          log(ratedOn, status, `企业评价：${satisfaction}`);
          after = ratedOn;
          if (satisfaction === '不满意' && rng.chance(0.6)) {
            // Reopened: the first answer stays in the history, the deadline stays (the enterprise
            // has been waiting since it raised the problem).
            const previousReply = { date: answer.date, content: answer.content, satisfaction };
            delete problem.replyDate;
            delete problem.outcomeClass;
            delete problem.satisfaction;
            problem.replyContent = '';
            log(ratedOn, transferDate !== undefined ? '已转办' : '待处理', '企业对答复不满意，重新办理', { previousReply });
            answer = reply(ratedOn);
            if (!answer) {
              finish();
              return problem;
            }
            problem.replyDate = answer.date;
            problem.replyContent = answer.content;
            problem.outcomeClass = answer.outcome;
            log(answer.date, '已答复', `再次答复：${answer.outcome}`);
            after = answer.date;
          }
        }
      }
      if (problem.outcomeClass === '提交会商协调' || rng.chance(0.01)) {
        if (escalate(after)) close(problem.escalation!.date, 0.4);
        else close(after, 0.3);
      } else {
        close(after, 0.85);
      }
    } else if (today > this.plusDays(deadline, 10) && rng.chance(0.5)) {
      // Long overdue without an answer: escalated, sometimes listed for rectification (seed 004).
      escalate(this.plusDays(deadline, 5));
    }
    finish();
    return problem;

    function finish(): void {
      problem.status = status;
      history.forEach((entry, index) => (entry.id = `${problem.id}:h${index + 1}`));
      problem.createdAt = history[0]!.at;
      problem.updatedAt = history[history.length - 1]!.at;
      problem.updatedBy = officerName;
    }
  }

  // ————— key projects —————

  private project(enterprise: (Enterprise & { tradeName: string }) | undefined): {
    project: KeyProject;
    progress: ProgressEntry[];
  } {
    const rng = this.rng;
    const today = this.today;
    const finalIndex = rng.weighted([[0, 20], [1, 25], [2, 25], [3, 12], [4, 18]] as const);
    const brand = enterprise?.tradeName ?? rng.pick(foreignTradeNames);
    let name = `${brand}${rng.pick(projectWords)}${rng.pick(projectProducts)}项目`;
    for (let n = 2; this.usedProjectNames.has(name); n++) name = name.replace(/(（[二三四五六七八九十\d]+期）)?项目$/, `（${n}期）项目`);
    this.usedProjectNames.add(name);
    const entryDate = this.plusDays(today, -rng.int(30, 540));
    const big = rng.chance(0.5); // seed 001: half of the library's projects exceed 100 million USD
    const totalInvestment = big ? rng.int(10_000, 60_000) : rng.int(1_000, 9_900);
    const officer = rng.pick(this.bureauOfficers);
    const createdAt = this.instant(entryDate, rng.int(540, 1020));
    const project: KeyProject = {
      ...this.stamp(createdAt, officer.name),
      name,
      investorRegion: enterprise?.foreignSource ?? rng.weighted([['港澳台', 33], ['欧美', 33], ['日韩', 25], ['其他', 9]] as const),
      totalInvestment,
      registeredForeignCapital: Math.round((totalInvestment * rng.int(30, 50)) / 100),
      stage: projectStages[finalIndex]!,
      inLibrary: true,
      libraryEntryDate: entryDate,
      // Signed projects come with their enterprise; the towns put forward the ones still without one.
      libraryEntrySource: enterprise ? '签约项目' : '区镇推送',
      libraryExitReason: '',
      leadOfficer: officer.name,
      town: enterprise?.town ?? rng.pick(defaultTowns),
      history: [],
    };
    if (enterprise) project.enterpriseId = enterprise.id;
    let exitMonth: string | undefined;
    if (rng.chance(0.12)) {
      const exit = this.plusDays(entryDate, rng.int(60, 480));
      if (exit < today) {
        project.inLibrary = false;
        project.libraryExitDate = exit;
        project.libraryExitReasonKind = finalIndex === 4 ? '竣工投产满一年' : '其他';
        project.libraryExitReason = finalIndex === 4 ? '项目竣工投产，按规则移出项目库' : '投资方调整投资计划，项目暂缓';
        exitMonth = exit.slice(0, 7);
      }
    }

    // Monthly progress (seed 001: reported every month) over the last 12 months the project was in the library.
    const progress: ProgressEntry[] = [];
    const firstMonth = [entryDate.slice(0, 7), this.plusDays(today, -335).slice(0, 7)].sort()[1]!;
    let lastMonth = Number(today.slice(8, 10)) >= 20 ? today.slice(0, 7) : this.plusDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    if (exitMonth && exitMonth < lastMonth) lastMonth = exitMonth;
    const months: string[] = [];
    for (let m = firstMonth; m <= lastMonth; m = this.plusDays(`${m}-28`, 7).slice(0, 7)) months.push(m);
    let stageIndex = Math.max(0, finalIndex - rng.int(0, Math.min(2, months.length - 1)));
    const stepsLeft = (): number => finalIndex - stageIndex;
    let invested = 0;
    months.forEach((month, i) => {
      const remainingMonths = months.length - i;
      if (stepsLeft() > 0 && (remainingMonths <= stepsLeft() || rng.chance(0.3))) stageIndex++;
      const stage: ProjectStage = projectStages[stageIndex]!;
      invested = Math.min(totalInvestment, Math.max(invested, Math.round((totalInvestment * (stageIndex + rng.next())) / 5)));
      const reportDay = minDate(`${month}-${pad2(rng.int(20, 28))}`, today);
      const at = this.instant(reportDay, rng.int(540, 1020));
      const entry: ProgressEntry = {
        ...this.stamp(at, officer.name),
        projectId: project.id,
        month,
        stage,
        progress: rng.pick(progressNotes[stage] ?? ['按计划推进']),
        investmentToDate: stageIndex === 0 ? 0 : invested,
        blockers: rng.chance(0.25) ? rng.pick(projectBlockers) : '',
      };
      progress.push(entry);
      project.updatedAt = at;
    });
    if (progress.length > 0) project.stage = progress[progress.length - 1]!.stage;
    // Entry, exit and the stage changes the entries show, as the app would have recorded them.
    project.history = reconstructProjectHistory(project, progress).map(({ reconstructed: _, ...event }) => ({ ...event, by: event.by || officer.name }));
    return { project, progress };
  }

  // ————— batches —————

  *batches(): Generator<DemoBatch> {
    const { enterprises: total, visits: totalVisits, problems: totalProblems } = this.options;
    const totalProjects = demoProjectCount(this.options);
    const perBatch = Math.max(1, this.options.enterprisesPerBatch ?? 500);
    const share = (count: number, upTo: number): number => Math.floor((count * upTo) / total);
    for (let start = 0; start < total; start += perBatch) {
      const end = Math.min(total, start + perBatch);
      const rng = this.rng;
      const enterprises = Array.from({ length: end - start }, () => this.enterprise());
      // Key and above-scale enterprises are visited more often (monthly cadence for key ones, seed 004).
      const cumulative: number[] = [];
      let weightSum = 0;
      for (const e of enterprises) {
        weightSum += e.isKeyEnterprise ? 4 : e.isAboveScale ? 2 : 1;
        cumulative.push(weightSum);
      }
      const pickEnterprise = (): Enterprise & { tradeName: string } => {
        const r = rng.next() * weightSum;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid]! > r) hi = mid;
          else lo = mid + 1;
        }
        return enterprises[lo]!;
      };

      const visits: Visit[] = [];
      const visitCount = share(totalVisits, end) - share(totalVisits, start);
      const latest = new Map<string, string>();
      for (let i = 0; i < visitCount; i++) {
        const enterprise = pickEnterprise();
        const visit = this.visit(enterprise);
        visits.push(visit);
        const seen = latest.get(enterprise.id);
        if (seen === undefined || visit.date > seen) latest.set(enterprise.id, visit.date);
      }

      const projects: KeyProject[] = [];
      const progressEntries: ProgressEntry[] = [];
      const projectCount = share(totalProjects, end) - share(totalProjects, start);
      for (let i = 0; i < projectCount; i++) {
        // 签约未设立 projects often have no enterprise yet; the others belong to one.
        const { project, progress } = this.project(rng.chance(0.85) ? pickEnterprise() : undefined);
        if (project.stage === '签约未设立' && project.enterpriseId && rng.chance(0.5)) delete project.enterpriseId;
        projects.push(project);
        for (const entry of progress) progressEntries.push(entry);
      }
      const projectsWithEnterprise = projects.filter((p) => p.enterpriseId !== undefined);
      const byId = new Map(enterprises.map((e) => [e.id, e]));

      const problems: Problem[] = [];
      const problemCount = share(totalProblems, end) - share(totalProblems, start);
      for (let i = 0; i < problemCount; i++) {
        const roll = rng.next();
        if (roll < 0.65 && visits.length > 0) {
          const visit = rng.pick(visits);
          problems.push(this.problem(byId.get(visit.enterpriseId)!, { visit }));
        } else if (roll < 0.7 && projectsWithEnterprise.length > 0) {
          const project = rng.pick(projectsWithEnterprise);
          problems.push(this.problem(byId.get(project.enterpriseId!)!, { project }));
        } else {
          problems.push(this.problem(pickEnterprise(), {}));
        }
      }

      const records: Enterprise[] = enterprises.map(({ tradeName: _tradeName, ...enterprise }) => {
        const last = latest.get(enterprise.id);
        if (last !== undefined) enterprise.lastVisitDate = last;
        return enterprise;
      });
      yield { enterprises: records, visits, problems, projects, progressEntries };
    }
  }
}

/** The demo data in batches of `enterprisesPerBatch` enterprises with their own visits, problems and projects. */
export function* generateDemoBatches(options: DemoOptions): Generator<DemoBatch> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new Error(`today must be YYYY-MM-DD, got ${options.today}`);
  for (const key of ['enterprises', 'visits', 'problems'] as const) {
    if (!Number.isInteger(options[key]) || options[key] < 0) throw new Error(`${key} must be a non-negative integer`);
  }
  if (options.enterprises === 0) return;
  yield* new DemoGenerator(options).batches();
}
