// A 社会责任先进企业 candidate as the officer enters it: the year, the enterprise, the three counted
// criteria (纳税 and 公益捐助 in 万元, 安排就业 in people; full-width digits and thousands separators
// accepted, words and negatives refused at the field) and the two graded ones. Pure.
import { csrGrades, type CsrCandidate } from '../domain/ratingRecords';
import { RuleError, type RuleIssue } from '../errors/ruleError';

export type CsrCandidateInput = Pick<CsrCandidate, 'year' | 'enterpriseId' | 'taxPaid' | 'jobs' | 'welfare' | 'environment' | 'labour' | 'note'>;

/** A typed figure: a number, or text such as "１,２００.５"; '' or absent is 0 (nothing declared). */
function readFigure(value: unknown, label: string, whole: boolean): { value: number } | { message: string } {
  if (value === undefined || value === null || value === '') return { value: 0 };
  const text = typeof value === 'number' ? String(value) : String(value).replace(/[\uff10-\uff19\uff0e]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(text)) return { message: `${label}应为不小于 0 的数字` };
  const n = Number(text);
  if (whole && !Number.isInteger(n)) return { message: `${label}应为整数` };
  if (n > 100_000_000) return { message: `${label}过大` };
  return { value: n };
}

export function readCsrCandidateInput(raw: unknown): CsrCandidateInput {
  const source = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const issues: RuleIssue[] = [];
  const year = Number(source.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) issues.push({ field: 'year', message: '请选择评选年度' });
  const enterpriseId = typeof source.enterpriseId === 'string' ? source.enterpriseId : '';
  if (enterpriseId === '') issues.push({ field: 'enterpriseId', message: '请选择企业' });
  const figures: Record<'taxPaid' | 'jobs' | 'welfare', number> = { taxPaid: 0, jobs: 0, welfare: 0 };
  for (const [key, label, whole] of [
    ['taxPaid', '纳税', false],
    ['jobs', '安排就业', true],
    ['welfare', '公益捐助', false],
  ] as const) {
    const read = readFigure(source[key], label, whole);
    if ('message' in read) issues.push({ field: key, message: read.message });
    else figures[key] = read.value;
  }
  const grade = (key: 'environment' | 'labour', label: string) => {
    const value = csrGrades.find((g) => g === source[key]);
    if (!value) issues.push({ field: key, message: `请选择${label}等级` });
    return value ?? '一般';
  };
  const environment = grade('environment', '环境保护');
  const labour = grade('labour', '劳动关系和谐');
  const note = typeof source.note === 'string' ? source.note.trim() : '';
  if (note.length > 500) issues.push({ field: 'note', message: '推荐理由不能超过 500 个字符' });
  if (issues.length > 0) throw new RuleError(issues);
  return { year, enterpriseId, ...figures, environment, labour, note };
}
