// 冲突处理 names every field an officer can be asked to choose, in Chinese, and shows each value as
// one readable line.
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { isComparedField } from '../../../shared/sync/mergeRecords';
import { syncedRecordSchemas, syncedTableNames } from '../../../shared/sync/syncedTables';
import { conflictFieldLabel, formatConflictValue, mixedHandlingWarning } from '../../../renderer/src/features/exchange/conflictFields';

describe('conflictFieldLabel', () => {
  it('has a Chinese label for every field of every synced table that a conflict can show', () => {
    const missing: string[] = [];
    for (const table of syncedTableNames) {
      const shape = (syncedRecordSchemas[table] as z.ZodObject).shape;
      for (const field of Object.keys(shape)) {
        if (!isComparedField(table, field)) continue;
        if (conflictFieldLabel(table, field) === field) missing.push(`${table}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('labels the tombstone, and falls back to the key for a field it does not know', () => {
    expect(conflictFieldLabel('problems', 'deletedAt')).toBe('删除状态');
    expect(conflictFieldLabel('problems', 'description')).toBe('问题描述');
    expect(conflictFieldLabel('visits', 'futureField')).toBe('futureField');
  });
});

describe('formatConflictValue', () => {
  it('writes nothing, booleans, lists and structured values as Chinese text', () => {
    expect(formatConflictValue('replyContent', '')).toBe('（空）');
    expect(formatConflictValue('replyDate', undefined)).toBe('（空）');
    expect(formatConflictValue('isComplaint', true)).toBe('是');
    expect(formatConflictValue('officers', ['张敏', '李强'])).toBe('张敏、李强');
    expect(formatConflictValue('escalation', { meeting: '督办会', date: '2026-12-01', note: '' })).toBe('会议：督办会；日期：2026-12-01');
    expect(formatConflictValue('totalInvestment', 1200)).toBe('1200');
  });

  it('shows a 评议表’s answers and a year’s 社会责任先进企业 weights by their Chinese names', () => {
    expect(formatConflictValue('answers', { 服务态度: '满意', 办事效率: '基本满意' })).toBe('服务态度：满意；办事效率：基本满意');
    expect(formatConflictValue('weights', { taxPaid: 30, jobs: 30, environment: 20, welfare: 10, labour: 10 })).toBe(
      '纳税：30；安排就业：30；环境保护：20；公益捐助：10；劳动关系和谐：10',
    );
  });

  it('says whether the record is deleted rather than showing an instant', () => {
    expect(formatConflictValue('deletedAt', undefined)).toBe('未删除');
    expect(formatConflictValue('deletedAt', '2026-12-01T02:00:00.000Z')).toBe('已删除（2026-12-01）');
  });
});

describe('mixedHandlingWarning', () => {
  const fields = ['description', 'replyContent', 'replyDate', 'status', 'outcomeClass'];
  it('stays quiet when a problem’s handling comes from one version, whatever its description', () => {
    expect(mixedHandlingWarning('problems', fields, { description: 'winner', replyContent: 'loser', replyDate: 'loser', status: 'loser', outcomeClass: 'loser' })).toBeUndefined();
    expect(mixedHandlingWarning('problems', fields, { description: 'loser' })).toBeUndefined();
  });

  it('names the fields when the answer is taken but the status kept', () => {
    expect(mixedHandlingWarning('problems', fields, { replyContent: 'loser' })).toBe(
      '办理情况取自两个版本：「答复日期」「办理状态」「办理结果」保留当前，「答复内容」采用另一版本。处理后问题的状态可能与内容不符，建议这几项取同一版本。',
    );
  });

  it('is about problems only', () => {
    expect(mixedHandlingWarning('enterprises', ['name', 'town'], { name: 'loser' })).toBeUndefined();
  });
});
