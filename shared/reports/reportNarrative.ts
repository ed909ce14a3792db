// The three text sections seed 000 asks for (成效、存在问题、下一步措施), drafted from the figures so
// the officer starts from facts and edits before saving.
import { outcomeClasses } from '../domain/records';
import type { ServiceMonthFigures } from './serviceMonthFigures';

export interface ReportNarrative {
  results: string; // 成效
  issues: string; // 存在问题
  nextSteps: string; // 下一步措施
}

export function formatRate(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

export function draftNarrative(f: ServiceMonthFigures): ReportNarrative {
  const p = f.problems;
  const answered = p.answeredOnTime + p.answeredLate;
  const solved = p.byOutcome[outcomeClasses[0]];
  const policyMentions = f.policies.reduce((sum, x) => sum + x.enterprises, 0);
  const results = [
    `本期共开展走访 ${f.visits} 次，走访企业 ${f.enterprisesVisited} 家；联系企业 ${f.enterprisesAssigned} 家，走访覆盖率 ${formatRate(f.coverageRate)}。`,
    // Group activities (issue 17), when held: counted apart from visits, and the coverage of both.
    ...(f.activities && f.activities.activities > 0
      ? [
          `开展${f.activities.byType.filter((t) => t.activities > 0).map((t) => `${t.type} ${t.activities} 场`).join('、')}，` +
            `${f.activities.enterprisesReached} 家企业参加；走访或参加活动覆盖联系企业 ${f.activities.coverage.reached} 家，覆盖率 ${formatRate(f.activities.coverage.reachedRate)}。`,
        ]
      : []),
    `收集企业问题诉求 ${p.total} 个，已答复 ${answered} 个（其中按期答复 ${p.answeredOnTime} 个、逾期答复 ${p.answeredLate} 个）；` +
      `解决或已有明确途径 ${solved} 个（占 ${formatRate(f.outcomeShares[outcomeClasses[0]])}），` +
      `已有方案或正在争取 ${p.byOutcome[outcomeClasses[1]]} 个，提交会商协调 ${p.byOutcome[outcomeClasses[2]]} 个。`,
    f.policies.length > 0
      ? `宣讲政策 ${f.policies.length} 项，累计 ${policyMentions} 家次企业知晓。`
      : '本期未记录政策宣讲。',
  ].join('\n');

  const open = f.byCategory.filter((c) => c.unanswered > 0).sort((a, b) => b.unanswered - a.unanswered);
  const issueLines: string[] = [];
  if (p.unanswered === 0) {
    issueLines.push(p.total === 0 ? '本期未收集到企业问题诉求。' : '本期收集的问题诉求均已答复。');
  } else {
    issueLines.push(`尚有 ${p.unanswered} 个问题未答复，其中已超过答复期限 ${p.overdue} 个。`);
    issueLines.push(`未答复问题按类别：${open.map((c) => `${c.category} ${c.unanswered} 个`).join('、')}。`);
  }
  if (p.byOutcome[outcomeClasses[2]] > 0) {
    issueLines.push(`${p.byOutcome[outcomeClasses[2]]} 个问题需提交会商协调解决。`);
  }
  if (p.complaints > 0) {
    issueLines.push(`受理投诉 ${p.complaints} 件，已办结 ${p.complaintsClosed} 件，结案率 ${formatRate(p.complaintClosureRate)}。`);
  }

  const steps: string[] = [];
  if (p.overdue > 0) steps.push(`对逾期未答复的 ${p.overdue} 个问题逐一督办，按首问负责制限期答复。`);
  if (p.unanswered - p.overdue > 0) steps.push(`跟踪尚在答复期限内的 ${p.unanswered - p.overdue} 个问题，确保按期答复。`);
  if (p.byOutcome[outcomeClasses[2]] > 0) steps.push(`将提交会商协调的问题提请督办会协调解决。`);
  const notVisited = f.enterprisesAssigned - Math.round((f.coverageRate ?? 0) * f.enterprisesAssigned);
  if (notVisited > 0) steps.push(`继续按月走访，尚未走访的 ${notVisited} 家联系企业下月内全部走访到位。`);
  steps.push('持续开展惠企政策宣讲，跟踪重点外资项目进展，每月报送项目推进情况。');
  return { results, issues: issueLines.join('\n'), nextSteps: steps.map((s, i) => `${i + 1}. ${s}`).join('\n') };
}
