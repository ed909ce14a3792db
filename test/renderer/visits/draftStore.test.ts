// Drafts of the visit form: stored and read back (pending photos included), and saved by a
// debounce that waits for the user to stop typing, flushes at once when the window hides, and can
// be cancelled when the visit is saved.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ledgerDb } from '../../../renderer/src/db/db';
const db = ledgerDb();
import {
  createDraftSaver,
  type DraftSaveOutcome,
  deleteDraft,
  loadDraft,
  saveDraft,
  visitDraftKey,
} from '../../../renderer/src/features/visits/draftStore';

beforeEach(async () => {
  await db.drafts.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('draft store', () => {
  it('keeps a half-filled form with its pending photo as a Blob, under the form key', async () => {
    const key = visitDraftKey.forNew('ent-1');
    expect(key).toBe('visit:new:ent-1');
    const photo = new Blob([new Uint8Array([9, 8, 7])], { type: 'image/png' });
    await saveDraft(key, { values: { summary: '产能利用率约 85%' }, pendingFiles: [{ fileName: 'a.png', blob: photo }] }, new Date('2026-11-20T02:00:00Z'));

    const draft = await loadDraft(key);
    expect(draft?.updatedAt).toBe('2026-11-20T02:00:00.000Z');
    const data = draft?.data as { values: { summary: string }; pendingFiles: { blob: Blob }[] };
    expect(data.values.summary).toBe('产能利用率约 85%');
    expect([...new Uint8Array(await (data.pendingFiles[0]?.blob ?? new Blob()).arrayBuffer())]).toEqual([9, 8, 7]);

    await deleteDraft(key);
    expect(await loadDraft(key)).toBeUndefined();
  });

  it('keeps drafts of different forms apart', async () => {
    await saveDraft(visitDraftKey.forNew('ent-1'), 'new');
    await saveDraft(visitDraftKey.forEdit('visit-9'), 'edit');
    expect((await loadDraft('visit:new:ent-1'))?.data).toBe('new');
    expect((await loadDraft('visit:edit:visit-9'))?.data).toBe('edit');
  });
});

describe('createDraftSaver', () => {
  it('saves once, 500 ms after the last change, with what the form holds then', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let text = '';
    const saver = createDraftSaver('visit:new:ent-2', () => ({ text }), 500);
    for (const typed of ['企', '企业', '企业缺工']) {
      text = typed;
      saver.schedule();
      await vi.advanceTimersByTimeAsync(200);
    }
    // 200 ms after the last keystroke: nothing stored yet.
    expect(await db.drafts.get('visit:new:ent-2')).toBeUndefined();
    expect(saver.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(300);
    vi.useRealTimers();
    await vi.waitFor(async () => expect((await db.drafts.get('visit:new:ent-2'))?.data).toEqual({ text: '企业缺工' }));
    expect(saver.pending).toBe(false);
  });

  it('flush saves a pending change at once (window hidden, closing)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const saver = createDraftSaver('visit:new:ent-3', () => 'half', 500);
    saver.schedule();
    await saver.flush();
    expect((await db.drafts.get('visit:new:ent-3'))?.data).toBe('half');
    expect(saver.pending).toBe(false);
  });

  it('flush does nothing when nothing changed', async () => {
    const saver = createDraftSaver('visit:new:ent-4', () => 'never', 500);
    await saver.flush();
    expect(await db.drafts.get('visit:new:ent-4')).toBeUndefined();
  });

  it('cancel drops a pending save (the visit was saved meanwhile)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const saver = createDraftSaver('visit:new:ent-5', () => 'stale', 500);
    saver.schedule();
    saver.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    vi.useRealTimers();
    expect(await db.drafts.get('visit:new:ent-5')).toBeUndefined();
  });

  it('reports each save to the form, and a refused one as a failure instead of losing it silently', async () => {
    const outcomes: DraftSaveOutcome[] = [];
    let value: unknown = { text: '订单下滑' };
    const saver = createDraftSaver('visit:new:ent-6', () => value, 500, (o) => outcomes.push(o));
    saver.schedule();
    await saver.flush();
    expect(outcomes).toEqual([{ saved: true, at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) }]);

    // Something IndexedDB refuses to store (as it refuses anything on a full disk): the save fails,
    // the failure reaches the form, and the last good draft is still there.
    value = { text: '订单下滑', broken: () => 1 };
    saver.schedule();
    await saver.flush();
    expect(outcomes).toHaveLength(2);
    expect(outcomes[1]?.saved).toBe(false);
    expect((await db.drafts.get('visit:new:ent-6'))?.data).toEqual({ text: '订单下滑' });
  });
});
