// 培育库: the year's candidates and goals, read by year; each candidate's latest year-to-date output of
// that year, read by [enterpriseId+month]; the progress counted by shared/cultivation. Writes go
// through the one write path. A candidate's and a goal's ids are made from what they are about, so
// marking an enterprise again (here or on another laptop) edits the one record.
import type { CultivationCandidate, CultivationGoal } from '../../../../shared/domain/cultivationRecords';
import type { Enterprise } from '../../../../shared/domain/records';
import { RuleError } from '../../../../shared/errors/ruleError';
import {
  checkAchievedDate,
  cultivationCandidateId,
  cultivationGoalId,
  cultivationProgress,
  cultivationTargetsOf,
  parseCandidateInput,
  type CandidateRow,
  type CultivatedEnterprise,
  type TargetProgress,
  type YearToDateOutput,
} from '../../../../shared/cultivation/cultivationRules';
import { defaultTowns } from '../../../../shared/reference/towns';
import { shanghaiDate } from '../../../../shared/calendar/shanghaiDate';
import { isLive, type Stamper } from '../../../../shared/sync/recordStamp';
import { ledgerDb } from '../../db/db';
import { tombstoneById, writeTransaction } from '../../db/ledgerWrites';

export interface CultivationYear {
  year: number;
  rows: CandidateRow[];
  targets: TargetProgress[];
  /** Every target to offer: the seed's three and the bureau's own lists of any year on this laptop. */
  targetChoices: string[];
  /** Towns to set goals for: the bureau's towns and any town an enterprise or goal names. */
  towns: string[];
}

/** The enterprise's latest live report of `year`, as the year-to-date output the counting reads. */
async function latestOutputOf(enterpriseId: string, year: number): Promise<YearToDateOutput | undefined> {
  const reports = await ledgerDb()
    .operationReports.where('[enterpriseId+month]')
    .between([enterpriseId, `${year}-01`], [enterpriseId, `${year}-12`], true, true)
    .reverse()
    .filter((r) => isLive(r) && r.outputValueYtd !== undefined)
    .limit(1)
    .toArray();
  const latest = reports[0];
  return latest ? { month: latest.month, outputValueYtd: latest.outputValueYtd! } : undefined;
}

function cultivated(e: Enterprise): CultivatedEnterprise {
  return { id: e.id, name: e.name, town: e.town, isAboveScale: e.isAboveScale };
}

/**
 * The year's 培育库. `enterpriseIds`, when given, narrows the candidates to those enterprises (the
 * workbench's 我的企业); goals stay the towns' own.
 */
export async function loadCultivationYear(year: number, enterpriseIds?: ReadonlySet<string>): Promise<CultivationYear> {
  const db = ledgerDb();
  const [allCandidates, goals, everyTarget] = await Promise.all([
    db.cultivationCandidates.where('year').equals(year).filter(isLive).toArray(),
    db.cultivationGoals.where('year').equals(year).filter(isLive).toArray(),
    // The bureau's own lists are few records; offering them in every year keeps a list's name steady.
    db.cultivationGoals.filter(isLive).toArray(),
  ]);
  const chosen = enterpriseIds ? allCandidates.filter((c) => enterpriseIds.has(c.enterpriseId)) : allCandidates;
  const stored = await db.enterprises.bulkGet([...new Set(chosen.map((c) => c.enterpriseId))]);
  const enterprises = new Map<string, CultivatedEnterprise>();
  const deleted = new Set<string>();
  for (const e of stored) {
    if (e && isLive(e)) enterprises.set(e.id, cultivated(e));
    else if (e) deleted.add(e.id);
  }
  // A deleted enterprise's candidate waits in the database for 回收站 to bring the enterprise back; one
  // not on this laptop (another officer's, known from a package) still counts, named as not here.
  const candidates = chosen.filter((c) => !deleted.has(c.enterpriseId));
  const ids = [...new Set(candidates.map((c) => c.enterpriseId))];
  const outputs = new Map<string, YearToDateOutput>();
  await Promise.all(
    ids.map(async (id) => {
      const output = await latestOutputOf(id, year);
      if (output) outputs.set(id, output);
    }),
  );
  const { rows, targets } = cultivationProgress(candidates, goals, enterprises, outputs, defaultTowns);
  const towns = [...defaultTowns];
  for (const name of [...goals.map((g) => g.town), ...[...enterprises.values()].map((e) => e.town)]) if (name && !towns.includes(name)) towns.push(name);
  return {
    year,
    rows: rows.sort((a, b) => (a.enterprise?.name ?? '').localeCompare(b.enterprise?.name ?? '', 'zh-CN')),
    targets,
    targetChoices: cultivationTargetsOf([...allCandidates, ...everyTarget]),
    towns,
  };
}

export interface AddedCandidates {
  added: number;
  /** Already candidates for that target and year (left as they were). */
  already: string[];
}

/** 加入培育库: each chosen enterprise becomes a candidate for the target and year (a removed one comes back). */
export async function addCultivationCandidates(input: unknown, actor?: Stamper, now?: Date): Promise<AddedCandidates> {
  const { year, target, enterpriseIds, note } = parseCandidateInput(input);
  return writeTransaction(['cultivationCandidates', 'enterprises'], async (w) => {
    const db = ledgerDb();
    const enterprises = await db.enterprises.bulkGet(enterpriseIds);
    const missing = enterpriseIds.filter((_, i) => !enterprises[i] || !isLive(enterprises[i]!));
    if (missing.length > 0) throw new RuleError([{ field: 'enterpriseIds', message: `有 ${missing.length} 家企业不存在或已删除，请重新选择` }]);
    const result: AddedCandidates = { added: 0, already: [] };
    for (const [i, enterpriseId] of enterpriseIds.entries()) {
      const id = cultivationCandidateId(year, target, enterpriseId);
      const existing = await db.cultivationCandidates.get(id);
      if (existing && isLive(existing)) {
        result.already.push(enterprises[i]!.name);
        continue;
      }
      if (existing) {
        const [restored] = await w.restore('cultivationCandidates', [existing]);
        await w.save<CultivationCandidate>('cultivationCandidates', { ...restored!, note, achievedDate: undefined });
      } else {
        await w.create<CultivationCandidate>('cultivationCandidates', { id, enterpriseId, year, target, note });
      }
      result.added++;
    }
    return result;
  }, { actor, now });
}

/** 确认达标 (a day) or 撤销达标 (undefined), for targets no figure tells. */
export async function setCandidateAchieved(id: string, achievedDate: string | undefined, actor?: Stamper, now = new Date()): Promise<void> {
  await writeTransaction(['cultivationCandidates'], async (w) => {
    const candidate = await ledgerDb().cultivationCandidates.get(id);
    if (!candidate || !isLive(candidate)) throw new RuleError([{ field: '', message: '该培育企业已移出培育库' }]);
    if (achievedDate !== undefined) checkAchievedDate(candidate.year, achievedDate, shanghaiDate(now));
    const { achievedDate: _previous, ...rest } = candidate;
    await w.save<CultivationCandidate>('cultivationCandidates', achievedDate === undefined ? rest : { ...rest, achievedDate });
  }, { actor, now });
}

/** 编辑培育措施. */
export async function setCandidateNote(id: string, note: string, actor?: Stamper, now?: Date): Promise<void> {
  if (note.length > 300) throw new RuleError([{ field: 'note', message: '培育措施不能超过 300 个字符' }]);
  await writeTransaction(['cultivationCandidates'], async (w) => {
    const candidate = await ledgerDb().cultivationCandidates.get(id);
    if (!candidate || !isLive(candidate)) throw new RuleError([{ field: '', message: '该培育企业已移出培育库' }]);
    await w.save<CultivationCandidate>('cultivationCandidates', { ...candidate, note: note.trim() });
  }, { actor, now });
}

/** A town's goal for a target and year; an empty goal (undefined) removes it. */
export async function saveCultivationGoal(year: number, target: string, town: string, goal: number | undefined, actor?: Stamper, now?: Date): Promise<void> {
  if (goal !== undefined && (!Number.isInteger(goal) || goal < 0)) throw new RuleError([{ field: 'goal', message: `${town}的年度目标应为不小于 0 的整数` }]);
  await writeTransaction(['cultivationGoals'], async (w) => {
    const id = cultivationGoalId(year, target, town);
    const existing = await ledgerDb().cultivationGoals.get(id);
    if (goal === undefined) {
      if (existing && isLive(existing)) await w.tombstone('cultivationGoals', [existing]);
      return;
    }
    if (!existing) {
      await w.create<CultivationGoal>('cultivationGoals', { id, year, target, town, goal });
      return;
    }
    const live = isLive(existing) ? existing : (await w.restore('cultivationGoals', [existing]))[0]!;
    await w.save<CultivationGoal>('cultivationGoals', { ...live, goal });
  }, { actor, now });
}

/** 移出培育库: a tombstone, so the removal travels; 加入 again brings the candidate back. */
export function removeCultivationCandidate(id: string, actor?: Stamper, now?: Date): Promise<void> {
  return tombstoneById('cultivationCandidates', id, { actor, now });
}

/** What the workbench lists of the year's 培育库: per target, reached against the goal (or against the candidates when no goal is set). */
export interface CultivationSummaryRow {
  target: string;
  goal?: number;
  candidates: number;
  reached: number;
}

/**
 * The workbench's 培育进度: the district's (officerName empty) or one officer's candidates — those of
 * the enterprises assigned to them, against no goal (goals are the towns').
 */
export async function loadCultivationSummary(year: number, officerName: string): Promise<CultivationSummaryRow[]> {
  const mine = officerName
    ? new Set(await ledgerDb().enterprises.where('assignedOfficer').equals(officerName).filter(isLive).primaryKeys())
    : undefined;
  const { targets } = await loadCultivationYear(year, mine);
  return targets
    .filter((t) => t.total.candidates > 0 || (!mine && t.total.goal))
    .map((t) => ({ target: t.target, goal: mine ? undefined : t.total.goal, candidates: t.total.candidates, reached: t.total.reached }));
}
