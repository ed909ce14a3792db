// The one rule error: built from a zod failure with the field paths a form uses, and sorted for a
// form into the messages its fields show and those said above it — none dropped.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { placeRuleIssues, RuleError, ruleErrorFromZod } from '../../../shared/errors/ruleError';

describe('RuleError', () => {
  it('names one field by a dotted path, list indexes included', () => {
    const error = RuleError.at(['problems', 1, 'department'], '问题 2：请选择责任部门');
    expect(error).toBeInstanceOf(Error);
    expect(error.field).toBe('problems.1.department');
    expect(error.message).toBe('问题 2：请选择责任部门');
  });

  it('takes the first message of each field from a zod failure, under a prefix', () => {
    const schema = z.object({
      name: z.string().min(1, '企业名称不能为空').max(3, '企业名称过长'),
      contacts: z.array(z.object({ phone: z.string().regex(/^\d+$/, '电话只能是数字') })),
    });
    const parsed = schema.safeParse({ name: '', contacts: [{ phone: '1' }, { phone: 'x' }] });
    if (parsed.success) throw new Error('expected a failure');
    const error = ruleErrorFromZod(parsed.error, ['enterprise']);
    expect(error.issues).toEqual([
      { field: 'enterprise.name', message: '企业名称不能为空' },
      { field: 'enterprise.contacts.1.phone', message: '电话只能是数字' },
    ]);
  });

  it('puts each message at a field the form shows, and the rest above the form', () => {
    const error = new RuleError([
      { field: 'replyDate', message: '答复日期不能早于提出日期' },
      { field: 'replyDate', message: '答复日期不能晚于今天' },
      { field: 'status', message: '状态为“已办结”的问题不能答复' },
      { field: '', message: '该问题不存在或已删除' },
    ]);
    const placed = placeRuleIssues(error.issues, new Set(['replyDate', 'replyContent']));
    expect([...placed.atFields]).toEqual([['replyDate', ['答复日期不能早于提出日期', '答复日期不能晚于今天']]]);
    expect(placed.aboveForm).toEqual(['状态为“已办结”的问题不能答复', '该问题不存在或已删除']);
  });
});
