// The main process's answer to a renderer that crashes or hangs (electron/crashRecovery.ts), driven
// under Node with a fake window (an EventEmitter with reload/loadURL/forcefullyCrashRenderer), a fake
// clock and fake timers, and message boxes the test answers.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  askAgainAfterMs,
  crashLimit,
  crashPeriodMs,
  watchRenderer,
  type RecoveryDeps,
  type RecoveryDialog,
  type RendererGoneDetails,
} from '../../electron/crashRecovery';

/** A message box the test has not answered yet. */
interface OpenBox {
  dialog: RecoveryDialog;
  signal: AbortSignal | undefined;
  answer(button: number): Promise<void>;
}

function harness() {
  const window = new EventEmitter();
  let destroyed = false;
  const contents = Object.assign(window, {
    reload: vi.fn(),
    loadURL: vi.fn(async () => undefined),
    forcefullyCrashRenderer: vi.fn(() => {
      // Electron emits render-process-gone (reason 'killed') for the renderer it was told to kill.
      queueMicrotask(() => window.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 }));
    }),
    isDestroyed: () => destroyed,
  });
  let clock = Date.parse('2026-12-28T09:00:00+08:00');
  const timers: { at: number; callback: () => void; cancelled: boolean }[] = [];
  const boxes: OpenBox[] = [];
  let quitting = false;
  const deps: RecoveryDeps = {
    showMessageBox: (dialog, signal) =>
      new Promise((resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new Error('aborted')));
        boxes.push({
          dialog,
          signal,
          answer: async (response) => {
            boxes.splice(boxes.findIndex((box) => box.dialog === dialog), 1);
            resolve({ response });
            await settle();
          },
        });
      }),
    entryUrl: 'app://ledger/index.html',
    quit: vi.fn(() => void (quitting = true)),
    isQuitting: () => quitting,
    now: () => clock,
    setTimer: (callback, ms) => {
      const timer = { at: clock + ms, callback, cancelled: false };
      timers.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const policy = watchRenderer(contents, deps);
  return {
    contents,
    deps,
    boxes,
    policy,
    settle,
    /** Open boxes, newest last, without the answered ones. */
    openBoxes: () => boxes.filter((box) => !box.signal?.aborted),
    async crash(details: RendererGoneDetails = { reason: 'crashed', exitCode: 139 }) {
      contents.emit('render-process-gone', {}, details);
      await settle();
    },
    async hang() {
      contents.emit('unresponsive');
      await settle();
    },
    async recover() {
      contents.emit('responsive');
      await settle();
    },
    async advance(ms: number) {
      clock += ms;
      for (const timer of timers.filter((t) => !t.cancelled && t.at <= clock)) {
        timer.cancelled = true;
        timer.callback();
      }
      await settle();
    },
    destroy: () => void (destroyed = true),
    startQuitting: () => void (quitting = true),
  };
}

describe('a renderer that crashes', () => {
  it('is reloaded on the page it showed, and the officer is told in Chinese that the draft is kept', async () => {
    const h = harness();
    await h.crash();
    expect(h.contents.reload).toHaveBeenCalledOnce();
    expect(h.contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(h.openBoxes()).toHaveLength(1);
    const notice = h.openBoxes()[0]!.dialog;
    expect(notice).toMatchObject({ type: 'warning', title: '企业走访台账', message: '页面意外停止运行，已重新加载。', buttons: ['知道了'] });
    expect(notice.detail).toContain('已保存的记录不受影响');
    expect(notice.detail).toContain('正在填写的走访已自动存为草稿');
    expect(notice.detail).toContain('恢复草稿');
  });

  it('says when it ran out of memory', async () => {
    const h = harness();
    await h.crash({ reason: 'oom', exitCode: -536870904 });
    expect(h.openBoxes()[0]!.dialog.message).toBe('页面占用内存过多，停止运行，已重新加载。');
  });

  it('shows one notice at a time: a second crash while it is open reloads without another box', async () => {
    const h = harness();
    await h.crash();
    await h.crash();
    expect(h.contents.reload).toHaveBeenCalledTimes(2);
    expect(h.openBoxes()).toHaveLength(1);
    await h.openBoxes()[0]!.answer(0);
    await h.advance(crashPeriodMs);
    await h.crash();
    expect(h.openBoxes()).toHaveLength(1);
  });

  it(`gives up after ${crashLimit} crashes within ${crashPeriodMs / 60_000} minutes and offers 回到首页 or 退出`, async () => {
    const h = harness();
    for (let i = 1; i < crashLimit; i += 1) {
      await h.crash();
      await h.openBoxes()[0]!.answer(0);
      await h.advance(60_000);
    }
    expect(h.contents.reload).toHaveBeenCalledTimes(crashLimit - 1);
    await h.crash();
    expect(h.contents.reload).toHaveBeenCalledTimes(crashLimit - 1);
    const giveUp = h.openBoxes()[0]!;
    expect(giveUp.dialog).toMatchObject({ type: 'error', message: '页面反复出错，已停止自动重新加载。', buttons: ['回到首页', '退出'], cancelId: 1 });
    expect(giveUp.dialog.detail).toContain(`5 分钟内页面已出错 ${crashLimit} 次`);
    // More crashes while the question is open change nothing.
    await h.crash();
    expect(h.contents.reload).toHaveBeenCalledTimes(crashLimit - 1);
    expect(h.openBoxes()).toHaveLength(1);

    await giveUp.answer(0);
    expect(h.contents.loadURL).toHaveBeenCalledWith('app://ledger/index.html');
    expect(h.deps.quit).not.toHaveBeenCalled();
    // 回到首页 starts counting afresh: the next crash is reloaded again.
    await h.crash();
    expect(h.contents.reload).toHaveBeenCalledTimes(crashLimit);
  });

  it('quits when the officer chooses 退出', async () => {
    const h = harness();
    for (let i = 0; i < crashLimit; i += 1) {
      await h.crash();
      if (i < crashLimit - 1) await h.openBoxes()[0]!.answer(0);
    }
    await h.openBoxes()[0]!.answer(1);
    expect(h.deps.quit).toHaveBeenCalledOnce();
    expect(h.contents.loadURL).not.toHaveBeenCalled();
  });

  it('forgets crashes older than the period', async () => {
    const h = harness();
    for (let i = 0; i < crashLimit * 3; i += 1) {
      await h.crash();
      await h.openBoxes()[0]!.answer(0);
      await h.advance(crashPeriodMs / (crashLimit - 1) + 1);
    }
    expect(h.contents.reload).toHaveBeenCalledTimes(crashLimit * 3);
    expect(h.openBoxes()).toHaveLength(0);
  });

  it('is not brought back while the app quits or after the window is gone', async () => {
    const quitting = harness();
    quitting.startQuitting();
    await quitting.crash({ reason: 'clean-exit', exitCode: 0 });
    expect(quitting.contents.reload).not.toHaveBeenCalled();
    expect(quitting.openBoxes()).toHaveLength(0);

    const closed = harness();
    closed.destroy();
    await closed.crash();
    expect(closed.contents.reload).not.toHaveBeenCalled();
  });
});

describe('a renderer that hangs', () => {
  it('asks 等待 or 重新加载 and kills nothing by itself', async () => {
    const h = harness();
    await h.hang();
    expect(h.contents.reload).not.toHaveBeenCalled();
    expect(h.contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    const question = h.openBoxes()[0]!;
    expect(question.dialog).toMatchObject({ type: 'question', message: '页面暂时没有响应。', buttons: ['等待', '重新加载'], defaultId: 0 });
    expect(question.dialog.detail).toContain('正在填写的走访已自动存为草稿');
    // A second unresponsive event does not open a second question.
    await h.hang();
    expect(h.openBoxes()).toHaveLength(1);
  });

  it('on 重新加载, kills the hung renderer and reloads in a new one; its death is not counted as a crash', async () => {
    const h = harness();
    await h.hang();
    await h.openBoxes()[0]!.answer(1);
    expect(h.contents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(h.contents.reload).toHaveBeenCalledOnce();
    expect(h.contents.forcefullyCrashRenderer.mock.invocationCallOrder[0]).toBeLessThan(h.contents.reload.mock.invocationCallOrder[0]!);
    await h.settle(); // the 'killed' render-process-gone arrives
    expect(h.contents.reload).toHaveBeenCalledOnce();
    expect(h.openBoxes().map((box) => box.dialog.message)).toEqual(['页面没有响应，已重新加载。']);
  });

  it('withdraws the question when the page answers again', async () => {
    const h = harness();
    await h.hang();
    const question = h.openBoxes()[0]!;
    await h.recover();
    expect(question.signal?.aborted).toBe(true);
    expect(h.openBoxes()).toHaveLength(0);
    expect(h.contents.reload).not.toHaveBeenCalled();
    // A later hang asks again.
    await h.hang();
    expect(h.openBoxes()).toHaveLength(1);
  });

  it(`on 等待, asks again after ${askAgainAfterMs / 1000} s if it still hangs, and not if it recovered`, async () => {
    const h = harness();
    await h.hang();
    await h.openBoxes()[0]!.answer(0);
    expect(h.openBoxes()).toHaveLength(0);
    await h.advance(askAgainAfterMs - 1);
    expect(h.openBoxes()).toHaveLength(0);
    await h.advance(1);
    expect(h.openBoxes()).toHaveLength(1);

    await h.openBoxes()[0]!.answer(0);
    await h.recover();
    await h.advance(askAgainAfterMs);
    expect(h.openBoxes()).toHaveLength(0);
    expect(h.contents.reload).not.toHaveBeenCalled();
  });

  it('withdraws the question when the hung renderer dies, and reloads it as a crash', async () => {
    const h = harness();
    await h.hang();
    const question = h.openBoxes()[0]!;
    await h.crash();
    expect(question.signal?.aborted).toBe(true);
    expect(h.contents.reload).toHaveBeenCalledOnce();
    expect(h.contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
  });

  it('counts hang reloads with crashes, and 回到首页 after giving up starts a new process', async () => {
    const h = harness();
    await h.crash();
    await h.openBoxes()[0]!.answer(0);
    await h.crash();
    await h.openBoxes()[0]!.answer(0);
    await h.hang();
    await h.openBoxes()[0]!.answer(1);
    expect(h.openBoxes()[0]!.dialog.message).toBe('页面反复出错，已停止自动重新加载。');
    expect(h.contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    await h.openBoxes()[0]!.answer(0);
    expect(h.contents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(h.contents.loadURL).toHaveBeenCalledWith('app://ledger/index.html');
    await h.settle();
    // The kill was ours: no notice, no reload on top of the new page.
    expect(h.contents.reload).toHaveBeenCalledTimes(2);
    expect(h.openBoxes()).toHaveLength(0);
  });
});
