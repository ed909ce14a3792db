// What the main process does when the page dies or hangs. A renderer that crashes (`render-process-gone`)
// is reloaded at once, on the page it was showing, and the officer is told so in Chinese; one that
// hangs (`unresponsive`) is not killed behind the officer's back (it may be busy with a large merge or
// export): they are asked whether to wait or reload. A page that keeps failing — `crashLimit` failures
// within `crashPeriodMs` — is not reloaded in a loop: the app stops and offers 回到首页 or 退出.
//
// Nothing typed is lost to a reload that was not already lost to the crash: forms keep their drafts in
// IndexedDB as the officer types (renderer/src/features/visits/draftStore.ts, saved 500 ms after the
// last keystroke, and at once when the window hides), and the visit form offers 恢复草稿 when it opens
// again. Saved records are written in IndexedDB transactions, so a crash mid-write stores nothing half.
//
// No Electron import: the window is an interface and the dialogs, clock and timers are parameters, so
// the whole behaviour (decisions and wiring) is tested under Node with a fake window and clock.

/** A failure that gives up automatic reloading when it is the `crashLimit`-th within `crashPeriodMs`. */
export const crashLimit = 3;
export const crashPeriodMs = 5 * 60_000;
/** After 等待, the officer is asked again if the page is still hung this much later. */
export const askAgainAfterMs = 30_000;

/** The message boxes this module shows; Electron's MessageBoxOptions accepts them as they are. */
export interface RecoveryDialog {
  type: 'info' | 'warning' | 'error' | 'question';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
}

/** What Electron's `render-process-gone` says (RenderProcessGoneDetails). */
export interface RendererGoneDetails {
  reason: string;
  exitCode: number;
}

export type RecoveryStep =
  /** Nothing to do: the kill we caused ourselves, an event while a question is open, a clean hang end. */
  | { action: 'none' }
  /** Reload the page it was showing (killing the hung renderer first when `kill`), then show `notice`. */
  | { action: 'reload'; kill: boolean; notice: RecoveryDialog }
  /** The page hangs: ask 等待 (button 0) or 重新加载 (button 1). */
  | { action: 'ask'; dialog: RecoveryDialog }
  /** Too many failures: ask 回到首页 (button 0) or 退出 (button 1). */
  | { action: 'give-up'; dialog: RecoveryDialog };

const title = '企业走访台账';
const draftNote = '已保存的记录不受影响。正在填写的走访已自动存为草稿：回到该表单时点“恢复草稿”即可继续（最后半秒内的输入可能需要补填）。';

function reloadNotice(cause: 'crashed' | 'oom' | 'hung'): RecoveryDialog {
  const what = {
    crashed: '页面意外停止运行，已重新加载。',
    oom: '页面占用内存过多，停止运行，已重新加载。',
    hung: '页面没有响应，已重新加载。',
  }[cause];
  return { type: 'warning', title, message: what, detail: draftNote, buttons: ['知道了'], defaultId: 0, cancelId: 0, noLink: true };
}

function hungQuestion(): RecoveryDialog {
  return {
    type: 'question',
    title,
    message: '页面暂时没有响应。',
    detail: `可能正在处理大量数据，可以再等一会儿；也可以重新加载页面。${draftNote}`,
    buttons: ['等待', '重新加载'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

function giveUpQuestion(failures: number): RecoveryDialog {
  return {
    type: 'error',
    title,
    message: '页面反复出错，已停止自动重新加载。',
    detail:
      `${crashPeriodMs / 60_000} 分钟内页面已出错 ${failures} 次。${draftNote}\n` +
      '可以回到首页重新加载，或退出后重新打开本程序；仍然出错时，请联系区商务局的系统管理员。',
    buttons: ['回到首页', '退出'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}

/** The decisions, from the events alone (and a clock). */
export class CrashRecoveryPolicy {
  private failures: number[] = [];
  /** The renderer hangs (unresponsive, not yet responsive, reloaded or gone). */
  private hung = false;
  /** A question (hang or give-up) is open: further events wait for its answer. */
  private asking: 'hung' | 'give-up' | null = null;
  /** We killed the hung renderer ourselves; its `render-process-gone` is expected, not a new crash. */
  private killExpected = false;

  constructor(private readonly now: () => number) {}

  get isHung(): boolean {
    return this.hung;
  }

  rendererGone(details: RendererGoneDetails): RecoveryStep {
    this.hung = false;
    if (this.killExpected) {
      this.killExpected = false;
      return { action: 'none' };
    }
    // While the give-up question is open its answer decides (回到首页 loads a new page anyway); a crash
    // while the hang question is open answers that one: the caller withdraws it and the page reloads.
    if (this.asking === 'give-up') return { action: 'none' };
    this.asking = null;
    return this.failed(details.reason === 'oom' ? 'oom' : 'crashed', false);
  }

  unresponsive(): RecoveryStep {
    this.hung = true;
    if (this.asking !== null) return { action: 'none' };
    this.asking = 'hung';
    return { action: 'ask', dialog: hungQuestion() };
  }

  /** The renderer answers again; an open hang question is withdrawn by the caller. */
  responsive(): void {
    this.hung = false;
    if (this.asking === 'hung') this.asking = null;
  }

  /** The officer's answer to the hang question (ignored when the question was withdrawn meanwhile). */
  answerHung(reload: boolean): RecoveryStep {
    if (this.asking !== 'hung') return { action: 'none' };
    this.asking = null;
    if (!reload) return { action: 'none' };
    return this.failed('hung', this.hung);
  }

  /** The officer answered the give-up question with 回到首页: start counting afresh. */
  restartedByOfficer(): void {
    this.asking = null;
    this.failures = [];
  }

  /** The caller is about to kill a hung renderer: the `render-process-gone` that follows is ours. */
  killing(): void {
    this.killExpected = true;
    this.hung = false;
  }

  private failed(cause: 'crashed' | 'oom' | 'hung', hung: boolean): RecoveryStep {
    const at = this.now();
    this.failures = [...this.failures.filter((when) => at - when < crashPeriodMs), at];
    if (this.failures.length >= crashLimit) {
      this.asking = 'give-up';
      return { action: 'give-up', dialog: giveUpQuestion(this.failures.length) };
    }
    return { action: 'reload', kill: hung, notice: reloadNotice(cause) };
  }
}

/** The part of Electron's WebContents the watcher uses. */
export interface WatchedContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: RendererGoneDetails) => void): unknown;
  on(event: 'unresponsive', listener: () => void): unknown;
  on(event: 'responsive', listener: () => void): unknown;
  reload(): void;
  loadURL(url: string): Promise<void>;
  forcefullyCrashRenderer(): void;
  isDestroyed(): boolean;
}

export interface RecoveryDeps {
  /** A message box modal to the window; resolves with the button chosen, or rejects when `signal` aborts it. */
  showMessageBox(dialog: RecoveryDialog, signal?: AbortSignal): Promise<{ response: number }>;
  /** The app's first page, for 回到首页. */
  entryUrl: string;
  quit(): void;
  /** True once the app is quitting: a renderer that goes then is not brought back. */
  isQuitting(): boolean;
  now(): number;
  setTimer(callback: () => void, ms: number): { cancel(): void };
}

/** Reload, ask or give up on the renderer of one window, as CrashRecoveryPolicy decides. */
export function watchRenderer(contents: WatchedContents, deps: RecoveryDeps): CrashRecoveryPolicy {
  const policy = new CrashRecoveryPolicy(deps.now);
  let hangQuestion: AbortController | undefined;
  let askAgain: { cancel(): void } | undefined;
  let noticeOpen = false;
  const alive = () => !contents.isDestroyed() && !deps.isQuitting();
  const report = (error: unknown) => console.error('页面恢复处理失败', error);

  const kill = () => {
    policy.killing();
    contents.forcefullyCrashRenderer();
  };

  const carryOut = (step: RecoveryStep): void => {
    if (!alive()) return;
    switch (step.action) {
      case 'none':
        return;
      case 'reload':
        if (step.kill) kill();
        contents.reload();
        // One notice at a time: a second crash while it is open reloads without a second box.
        if (!noticeOpen) {
          noticeOpen = true;
          void deps
            .showMessageBox(step.notice)
            .catch(report)
            .finally(() => (noticeOpen = false));
        }
        return;
      case 'ask': {
        const controller = new AbortController();
        hangQuestion = controller;
        void deps.showMessageBox(step.dialog, controller.signal).then(
          ({ response }) => {
            if (controller.signal.aborted) return;
            hangQuestion = undefined;
            const reload = response === 1;
            carryOut(policy.answerHung(reload));
            // 等待: ask again later if it still hangs (Electron says `unresponsive` only once per hang).
            if (!reload && policy.isHung) {
              askAgain = deps.setTimer(() => {
                askAgain = undefined;
                if (policy.isHung) carryOut(policy.unresponsive());
              }, askAgainAfterMs);
            }
          },
          (error: unknown) => {
            if (!controller.signal.aborted) report(error);
          },
        );
        return;
      }
      case 'give-up':
        void deps.showMessageBox(step.dialog).then(
          ({ response }) => {
            if (!alive()) return;
            if (response === 0) {
              policy.restartedByOfficer();
              // Still hung (it did not die meanwhile): the new page needs a new process.
              if (policy.isHung) kill();
              void contents.loadURL(deps.entryUrl).catch(report);
            } else deps.quit();
          },
          (error: unknown) => {
            report(error);
            deps.quit();
          },
        );
        return;
    }
  };

  contents.on('render-process-gone', (_event, details) => {
    hangQuestion?.abort();
    hangQuestion = undefined;
    askAgain?.cancel();
    askAgain = undefined;
    carryOut(policy.rendererGone(details));
  });
  contents.on('unresponsive', () => carryOut(policy.unresponsive()));
  contents.on('responsive', () => {
    policy.responsive();
    hangQuestion?.abort();
    hangQuestion = undefined;
    askAgain?.cancel();
    askAgain = undefined;
  });
  return policy;
}
