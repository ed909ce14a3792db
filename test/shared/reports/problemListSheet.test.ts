// 问题清单 carries what happened to a problem after the answer: the enterprise's satisfaction, the
// escalation to 督办会/点评会 with its date, and the 挂牌整改 owner and deadline; a provisional deadline
// says 待确认.
import { describe, expect, test } from 'vitest';
import { problemListRow, problemListSheetSpec } from '../../../shared/reports/problemListSheet';
import { monthPeriod } from '../../../shared/reports/reportScope';
import { makeProblem } from '../../fixtures/records';

const spec = problemListSheetSpec(monthPeriod('2026-11'), '吴江开发区');
const headers = spec.columns.map((c) => c.header);
const cell = (cells: readonly unknown[], header: string) => cells[headers.indexOf(header)];
const enterprise = { id: 'ent-0001', name: '苏州恒力精密机械有限公司', creditCode: '', town: '吴江开发区', assignedOfficer: '张三' };

describe('问题清单 layout', () => {
  test('has columns for 满意度, 升级协调 and 挂牌整改 after 办理成效, and prints on A3', () => {
    expect(headers.slice(headers.indexOf('办理成效'))).toEqual(['办理成效', '满意度', '升级协调', '挂牌整改', '首问责任人', '逾期天数']);
    expect(spec.paper).toBe('A3');
  });

  test('a problem escalated and listed for rectification shows the meeting, its date, the owner and the deadline', () => {
    const p = makeProblem({
      replyDeadline: '2026-11-05',
      replyDate: '2026-11-04',
      replyContent: '已答复',
      status: '已升级',
      satisfaction: '不满意',
      escalation: { meeting: '点评会', date: '2026-11-20', note: '' },
      rectification: { owner: '区人社局 王科长', deadline: '2026-12-31', note: '每周报送进度' },
    });
    const { cells } = problemListRow(1, p, enterprise, '2026-11-30');
    expect(cell(cells, '满意度')).toBe('不满意');
    expect(cell(cells, '升级协调')).toBe('点评会\n2026-11-20');
    expect(cell(cells, '挂牌整改')).toBe('区人社局 王科长\n限 2026-12-31\n每周报送进度');
  });

  test('a problem with none of them leaves the three cells empty', () => {
    const { cells } = problemListRow(1, makeProblem({ replyDeadline: '2026-11-05' }), enterprise, '2026-11-03');
    expect([cell(cells, '满意度'), cell(cells, '升级协调'), cell(cells, '挂牌整改')]).toEqual(['', '', '']);
  });

  test('a provisional deadline is followed by （待确认）; a settled one is a plain date', () => {
    const provisional = makeProblem({ raisedDate: '2027-01-04', replyDeadline: '2027-01-07', replyDeadlineProvisional: true });
    expect(cell(problemListRow(1, provisional, enterprise, '2027-01-04').cells, '答复期限')).toBe('2027-01-07（待确认）');
    const settled = makeProblem({ replyDeadline: '2026-11-05' });
    expect(cell(problemListRow(1, settled, enterprise, '2026-11-03').cells, '答复期限')).toBe('2026-11-05');
  });
});
