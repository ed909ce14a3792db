// The visit form's values survive the trip through a draft (dates as text, photos as Blobs) and
// become a save request with trimmed text and the problems' transfer dates only where transferred.
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import { defaultVisitFigureMonth } from '../../../shared/operations/visitFigures';
import { shanghaiMonth } from '../../../shared/projects/monthlyProgress';
import { loadDraft, saveDraft } from '../../../renderer/src/features/visits/draftStore';
import {
  draftChain,
  fromDraftValues,
  isVisitDraftData,
  lengthRule,
  notFutureRule,
  toDraftValues,
  toSaveRequest,
  type VisitDraftData,
  type VisitFormValues,
} from '../../../renderer/src/features/visits/visitFormModel';

const values: VisitFormValues = {
  date: dayjs('2026-11-18'),
  type: '调研走访',
  officers: [' 张敏 ', '', '李静'],
  peopleMet: ' 王经理 ',
  summary: ' 订单饱满 ',
  operations: { employment: ' 1200 人 ', orders: '', supplyChain: '', outputValue: '', newInvestment: '' },
  policyIds: ['policy-09'],
  problems: [
    { category: '用工', description: '缺工', request: '', handling: '本部门办理', department: '区商务局', transferDate: dayjs('2026-11-18') },
    { category: '物流', description: '缺箱', request: '增加箱源', handling: '转办', department: '区交通运输局', transferDate: dayjs('2026-11-19'), isComplaint: true },
  ],
  figures: { month: '2026-10', outputValue: '1200', outputValueYtd: '', employees: '1,200', vacancies: '', orderMonths: '', newInvestmentYtd: '', exports: '' },
};

describe('visit form drafts', () => {
  it('restores the same values and photo after a round trip through IndexedDB', async () => {
    const data: VisitDraftData = {
      values: toDraftValues(values),
      pendingFiles: [{ key: 'f1', fileName: '现场.jpg', mimeType: 'image/jpeg', blob: new Blob([new Uint8Array([5, 6])]) }],
      removedAttachmentIds: ['old-photo'],
    };
    await saveDraft('visit:new:e1', data);
    const stored = (await loadDraft('visit:new:e1'))?.data;
    expect(isVisitDraftData(stored)).toBe(true);
    const back = fromDraftValues((stored as VisitDraftData).values);
    expect(back.date.format('YYYY-MM-DD')).toBe('2026-11-18');
    expect(back.problems[1]?.transferDate?.format('YYYY-MM-DD')).toBe('2026-11-19');
    expect(back.problems[1]?.isComplaint).toBe(true);
    expect(back.summary).toBe(' 订单饱满 ');
    // The figures typed are kept as typed, with their month.
    expect(back.figures).toMatchObject({ month: '2026-10', outputValue: '1200', employees: '1,200', exports: '' });
    const file = (stored as VisitDraftData).pendingFiles[0];
    expect(file ? [...new Uint8Array(await file.blob.arrayBuffer())] : []).toEqual([5, 6]);
    await db.drafts.clear();
  });

  it('gives a draft kept before figures were on the form no figures, for its date\'s month', () => {
    const { figures: _figures, ...older } = toDraftValues(values);
    const back = fromDraftValues(older as VisitDraftData['values']);
    expect(back.figures.month).toBe(defaultVisitFigureMonth('2026-11-18', shanghaiMonth()));
    expect(back.figures.outputValue).toBe('');
  });

  it('does not take foreign draft data for a visit draft', () => {
    expect(isVisitDraftData({ half: 'filled' })).toBe(false);
    expect(isVisitDraftData(null)).toBe(false);
  });
});

describe('toSaveRequest', () => {
  it('trims text, drops empty officers and keeps a transfer date only for transferred problems', () => {
    const request = toSaveRequest('e1', values, { kept: ['a1'], pending: [] }, undefined, 'visit:new:e1');
    expect(request.visit.date).toBe('2026-11-18');
    expect(request.visit.officers).toEqual(['张敏', '李静']);
    expect(request.visit.summary).toBe('订单饱满');
    expect(request.visit.operations.employment).toBe('1200 人');
    expect(request.problems[0]?.transferDate).toBeUndefined();
    expect(request.problems[1]?.transferDate).toBe('2026-11-19');
    expect(request.keptAttachmentIds).toEqual(['a1']);
  });
});

describe('drafts typed while an earlier one was on offer', () => {
  it('keep the earlier draft, photos included, inside the new one', async () => {
    const photo = { key: 'p1', fileName: '车间.png', mimeType: 'image/png', blob: new Blob([new Uint8Array([9])]) };
    const earlier: VisitDraftData = { values: toDraftValues(values), pendingFiles: [photo], removedAttachmentIds: [] };
    const offered = await saveDraft('visit:new:chain', earlier, new Date('2026-11-18T01:00:00Z'));
    await saveDraft('visit:new:chain', { values: toDraftValues({ ...values, summary: '横幅下继续填写' }), pendingFiles: [], removedAttachmentIds: [], earlier: offered });

    const chain = draftChain(await loadDraft('visit:new:chain'));
    expect(chain.map((d) => d.values.summary)).toEqual(['横幅下继续填写', values.summary]);
    expect(chain.flatMap((d) => d.pendingFiles).map((f) => f.fileName)).toEqual(['车间.png']);
    await db.drafts.delete('visit:new:chain');
  });
});

describe('field rules', () => {
  const check = (rule: ReturnType<typeof lengthRule>, value: unknown) =>
    (rule as { validator: (r: unknown, v: unknown) => Promise<void> }).validator({}, value).then(
      () => '',
      (e: Error) => e.message,
    );

  it('refuse a text over its limit with how much must go, and leave shorter text alone', async () => {
    expect(await check(lengthRule('走访情况', 5), '一二三四五六七')).toBe('走访情况最多 5 字，现有 7 字，请删减 2 字');
    expect(await check(lengthRule('走访情况', 5), '一二三')).toBe('');
  });

  it('refuse a visit date after today with a message naming today', async () => {
    expect(await check(notFutureRule('2026-11-20'), dayjs('2026-11-21'))).toContain('走访日期不能晚于今天（2026-11-20）');
    expect(await check(notFutureRule('2026-11-20'), dayjs('2026-11-20'))).toBe('');
  });
});
