// 评议 and 社会责任先进企业: the rounds, each enterprise's forms, the year's candidates and weights. Every
// write checks its input with shared/ratings inside one transaction and goes through the one write
// path. A form's id is made from round, enterprise and target, and a candidate's from year and
// enterprise, so saving the same form again edits it (the screen says so first), and two laptops'
// entries of one paper form merge as versions of one record.
import {
  csrCandidateId,
  csrYearId,
  defaultCsrWeights,
  ratingId,
  type CsrCandidate,
  type CsrWeights,
  type CsrYear,
  type Rating,
  type RatingRound,
  type RatingTargetKind,
} from '../../../../shared/domain/ratingRecords';
import type { Enterprise, RecordMeta } from '../../../../shared/domain/records';
import { RuleError } from '../../../../shared/errors/ruleError';
import { parseRatingInput, parseRoundInput, roundEditIssues, type RatingInput, type RatingRoundInput } from '../../../../shared/ratings/ratingInput';
import { ratingResults, type RoundResults } from '../../../../shared/ratings/ratingResults';
import { csrScores, type CsrScore } from '../../../../shared/ratings/csrScore';
import { isLive, type Stamper } from '../../../../shared/sync/recordStamp';
import { ledgerDb } from '../../db/db';
import { tombstoneById, writeTransaction } from '../../db/ledgerWrites';
import { readCsrCandidateInput } from '../../../../shared/ratings/csrInput';
import type { ImportEnterprise } from '../../../../shared/ratings/ratingImport';

/** The record fields of a stored record, so that its own fields are replaced as a whole (and a deleted one comes back). */
function metaOf({ id, createdAt, updatedAt, updatedBy, deviceId, rev, versionVector }: RecordMeta): RecordMeta {
  return { id, createdAt, updatedAt, updatedBy, deviceId, rev, versionVector };
}

export interface RoundRow {
  round: RatingRound;
  forms: number;
  enterprises: number;
}

/** The live rounds, newest first, each with how many forms are in. */
export async function listRounds(): Promise<RoundRow[]> {
  const db = ledgerDb();
  const rounds = (await db.ratingRounds.toArray()).filter(isLive);
  const rows = await Promise.all(
    rounds.map(async (round) => {
      const forms = (await db.ratings.where('roundId').equals(round.id).toArray()).filter(isLive);
      return { round, forms: forms.length, enterprises: new Set(forms.map((f) => f.enterpriseId)).size };
    }),
  );
  return rows.sort((a, b) => b.round.startDate.localeCompare(a.round.startDate) || a.round.name.localeCompare(b.round.name, 'zh-CN'));
}

export async function getRound(id: string): Promise<RatingRound | undefined> {
  const round = await ledgerDb().ratingRounds.get(id);
  return round && isLive(round) ? round : undefined;
}

function liveForms(roundId: string): Promise<Rating[]> {
  return ledgerDb().ratings.where('roundId').equals(roundId).filter(isLive).toArray();
}

/**
 * Saves a round's setup: a new round without `id`, an edit with it. An edit that would change the
 * scale, or drop a question or target that forms answered, is refused with the field named.
 */
export async function saveRound(input: unknown, id?: string, actor?: Stamper, now = new Date()): Promise<RatingRound> {
  const fields: RatingRoundInput = parseRoundInput(input);
  return writeTransaction(['ratingRounds', 'ratings'], async (w) => {
    if (!id) return w.create<RatingRound>('ratingRounds', fields);
    const existing = await ledgerDb().ratingRounds.get(id);
    if (!existing || !isLive(existing)) throw new RuleError([{ field: '', message: '该评议不存在或已删除' }]);
    const issues = roundEditIssues(existing, fields, await liveForms(id));
    if (issues.length > 0) throw new RuleError(issues);
    return w.save<RatingRound>('ratingRounds', { ...existing, ...fields });
  }, { actor, now });
}

/** Deletes a round with no form (回收站 can bring it back); a round with forms is refused. */
export async function deleteRound(id: string, actor?: Stamper, now = new Date()): Promise<void> {
  const forms = await liveForms(id);
  if (forms.length > 0) throw new RuleError([{ field: '', message: `该评议已录入 ${forms.length} 份评议表，不能删除` }]);
  await tombstoneById('ratingRounds', id, { actor, now });
}

/** The live form of an enterprise for a target in a round, if one was entered (the entry screen warns). */
export async function existingRating(roundId: string, enterpriseId: string, targetKind: RatingTargetKind, target: string): Promise<Rating | undefined> {
  const form = await ledgerDb().ratings.get(ratingId(roundId, enterpriseId, targetKind, target));
  return form && isLive(form) ? form : undefined;
}

/** The targets of a round an enterprise has already rated (the entry screen marks them). */
export async function ratedTargetsOf(roundId: string, enterpriseId: string): Promise<Rating[]> {
  return ledgerDb().ratings.where('enterpriseId').equals(enterpriseId).filter((r) => isLive(r) && r.roundId === roundId).toArray();
}

export interface SavedRating {
  rating: Rating;
  /** The enterprise had a form for this target already, which was replaced. */
  replaced: boolean;
}

async function writeRating(
  w: Parameters<Parameters<typeof writeTransaction>[1]>[0],
  roundId: string,
  fields: RatingInput,
): Promise<SavedRating> {
  const id = ratingId(roundId, fields.enterpriseId, fields.targetKind, fields.target);
  const existing = await ledgerDb().ratings.get(id);
  const rating = existing
    ? await w.save<Rating>('ratings', { ...metaOf(existing), roundId, ...fields })
    : await w.create<Rating>('ratings', { id, roundId, ...fields });
  return { rating, replaced: existing !== undefined && isLive(existing) };
}

async function liveRoundIn(roundId: string): Promise<RatingRound> {
  const round = await ledgerDb().ratingRounds.get(roundId);
  if (!round || !isLive(round)) throw new RuleError([{ field: '', message: '该评议不存在或已删除' }]);
  return round;
}

async function liveEnterpriseIn(enterpriseId: string): Promise<Enterprise> {
  const enterprise = await ledgerDb().enterprises.get(enterpriseId);
  if (!enterprise || !isLive(enterprise)) throw new RuleError([{ field: 'enterpriseId', message: '该企业不存在或已删除' }]);
  return enterprise;
}

/** Saves one enterprise's form for one target: the form there was is replaced (a deleted one comes back). */
export async function saveRating(roundId: string, input: unknown, actor?: Stamper, now = new Date()): Promise<SavedRating> {
  return writeTransaction(['ratingRounds', 'ratings', 'enterprises'], async (w) => {
    const fields = parseRatingInput(input, await liveRoundIn(roundId));
    await liveEnterpriseIn(fields.enterpriseId);
    return writeRating(w, roundId, fields);
  }, { actor, now });
}

/** Saves the checked forms of an import, all or none: how many were new and how many replaced. */
export async function importRatings(roundId: string, forms: readonly RatingInput[], actor?: Stamper, now = new Date()): Promise<{ added: number; replaced: number }> {
  return writeTransaction(['ratingRounds', 'ratings', 'enterprises'], async (w) => {
    const round = await liveRoundIn(roundId);
    let added = 0;
    let replaced = 0;
    for (const form of forms) {
      const fields = parseRatingInput(form, round);
      await liveEnterpriseIn(fields.enterpriseId);
      if ((await writeRating(w, roundId, fields)).replaced) replaced += 1;
      else added += 1;
    }
    return { added, replaced };
  }, { actor, now });
}

/** How many of these forms the round has already (an import's preview says they will be replaced). */
export async function countExistingRatings(roundId: string, forms: readonly Pick<RatingInput, 'enterpriseId' | 'targetKind' | 'target'>[]): Promise<number> {
  const stored = await ledgerDb().ratings.bulkGet(forms.map((f) => ratingId(roundId, f.enterpriseId, f.targetKind, f.target)));
  return stored.filter((r) => r !== undefined && isLive(r)).length;
}

export async function deleteRating(id: string, actor?: Stamper, now = new Date()): Promise<void> {
  await tombstoneById('ratings', id, { actor, now });
}

async function enterpriseNames(ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  const found = await ledgerDb().enterprises.bulkGet(list);
  return new Map(list.map((id, i) => [id, found[i]?.name ?? '（企业不在本机）']));
}

export interface RoundDetail {
  round: RatingRound;
  results: RoundResults;
  /** The forms, newest first, with the enterprise's name. */
  forms: (Rating & { enterpriseName: string })[];
}

/** A round with its results and its forms; undefined when it is gone. */
export async function loadRoundDetail(roundId: string): Promise<RoundDetail | undefined> {
  const round = await getRound(roundId);
  if (!round) return undefined;
  const forms = await liveForms(roundId);
  const names = await enterpriseNames(forms.map((f) => f.enterpriseId));
  const nameOf = (id: string) => names.get(id) ?? id;
  return {
    round,
    results: ratingResults(round, forms, nameOf),
    forms: forms.map((f) => ({ ...f, enterpriseName: nameOf(f.enterpriseId) })).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
  };
}

/** The live enterprises, for matching an import's rows by credit code or name. */
export async function importEnterprises(): Promise<ImportEnterprise[]> {
  const found: ImportEnterprise[] = [];
  await ledgerDb().enterprises.each((e) => {
    if (isLive(e)) found.push({ id: e.id, name: e.name, creditCode: e.creditCode });
  });
  return found;
}

// ── 社会责任先进企业 ──

export interface CsrYearView {
  year: number;
  weights: CsrWeights;
  /** The weights are the defaults (nobody set this year's yet). */
  defaultWeights: boolean;
  scores: (CsrScore & { enterpriseName: string; town: string })[];
}

/** A year's candidates scored and ranked with the year's weights. */
export async function loadCsrYear(year: number): Promise<CsrYearView> {
  const db = ledgerDb();
  const [settings, candidates] = await Promise.all([db.csrYears.get(csrYearId(year)), db.csrCandidates.where('year').equals(year).filter(isLive).toArray()]);
  const live = settings && isLive(settings) ? settings : undefined;
  const weights = live?.weights ?? defaultCsrWeights;
  const enterprises = await db.enterprises.bulkGet([...new Set(candidates.map((c) => c.enterpriseId))]);
  const byId = new Map(enterprises.filter((e): e is Enterprise => e !== undefined).map((e) => [e.id, e]));
  return {
    year,
    weights,
    defaultWeights: live === undefined,
    scores: csrScores(candidates, weights).map((s) => ({
      ...s,
      enterpriseName: byId.get(s.candidate.enterpriseId)?.name ?? '（企业不在本机）',
      town: byId.get(s.candidate.enterpriseId)?.town ?? '',
    })),
  };
}

/** Saves the year's weights (one record a year: two laptops' settings merge as versions of it). */
export async function saveCsrWeights(year: number, weights: unknown, actor?: Stamper, now = new Date()): Promise<CsrYear> {
  return writeTransaction(['csrYears'], async (w) => {
    const id = csrYearId(year);
    const existing = await ledgerDb().csrYears.get(id);
    const fields = { year, weights: weights as CsrWeights };
    return existing ? w.save<CsrYear>('csrYears', { ...metaOf(existing), ...fields }) : w.create<CsrYear>('csrYears', { id, ...fields });
  }, { actor, now });
}

/** The year's candidate entry of an enterprise, if any (the dialog says it will be edited). */
export async function existingCsrCandidate(year: number, enterpriseId: string): Promise<CsrCandidate | undefined> {
  const found = await ledgerDb().csrCandidates.get(csrCandidateId(year, enterpriseId));
  return found && isLive(found) ? found : undefined;
}

/** Saves an enterprise's entry for the year: the year's entry there was is edited. */
export async function saveCsrCandidate(input: unknown, actor?: Stamper, now = new Date()): Promise<{ candidate: CsrCandidate; replaced: boolean }> {
  const fields = readCsrCandidateInput(input);
  return writeTransaction(['csrCandidates', 'enterprises'], async (w) => {
    await liveEnterpriseIn(fields.enterpriseId);
    const id = csrCandidateId(fields.year, fields.enterpriseId);
    const existing = await ledgerDb().csrCandidates.get(id);
    const candidate = existing
      ? await w.save<CsrCandidate>('csrCandidates', { ...metaOf(existing), ...fields })
      : await w.create<CsrCandidate>('csrCandidates', { id, ...fields });
    return { candidate, replaced: existing !== undefined && isLive(existing) };
  }, { actor, now });
}

export async function deleteCsrCandidate(id: string, actor?: Stamper, now = new Date()): Promise<void> {
  await tombstoneById('csrCandidates', id, { actor, now });
}
