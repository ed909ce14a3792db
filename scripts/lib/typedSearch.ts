// Search as you type on 企业名录, timed from the last input event to the frame that paints the
// matching rows.
//
// Text typed through an input method (every Chinese query) reaches the page as composition and
// `input` events with no keydown, so timing from the last keydown (as bench:load once did) measured
// from the Delete that cleared the box. Here a capturing `input` listener on the document records
// performance.now() of every input event of the search box; a waiter armed before typing checks each
// animation frame whether the box holds the whole query, its last input event has been seen, and the
// list shows the expected result (the count line "找到 N 家" and the expected first row); a message
// posted from that frame is handled after it is rendered, which is the "painted" time.
//
// A debounce is split out by watching the page's 150 ms timers: the first one to fire after the last
// input is the debounce. The list waited on one (useDebouncedValue(query, 150)) until it ran the
// search for every input and dropped stale ones (EnterpriseSearch.tsx); none fires now, and the watch
// stays so that a timer creeping back shows in the figures. Every keystroke's own frame (input →
// next frame painted) is recorded too: what each keystroke costs the page around the box.
import type { Page } from 'playwright-core';

export const DEBOUNCE_MS = 150;

export interface TypedTiming {
  query: string;
  /** Last input event → frame with the expected rows painted. */
  totalMs: number;
  /** Last input event → the debounce timer fired (NaN when no 150 ms timer fired: no debounce). */
  debounceMs: number;
  /** Debounce fired → rows painted (the query and the render); equals totalMs without a debounce. */
  afterDebounceMs: number;
  /** Each input event of the query → the next frame painted. */
  keystrokeFramesMs: number[];
  inputs: number;
}

/** Installs the input listener and the timer watch (once per page load of 企业名录). */
export async function installTypingProbe(page: Page, debounceMs = DEBOUNCE_MS): Promise<void> {
  await page.evaluate((delay) => {
    type Probe = {
      inputs: { at: number; value: string }[];
      frames: number[];
      timers: number[];
    };
    const w = window as unknown as { __typing?: Probe };
    if (w.__typing) return;
    const probe: Probe = { inputs: [], frames: [], timers: [] };
    w.__typing = probe;
    document.addEventListener(
      'input',
      (event) => {
        const target = event.target as HTMLInputElement | null;
        if (target?.getAttribute('aria-label') !== '搜索企业') return;
        const at = performance.now();
        probe.inputs.push({ at, value: target.value });
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => probe.frames.push(performance.now() - at);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
    const original = window.setTimeout.bind(window) as (handler: TimerHandler, timeout?: number, ...rest: unknown[]) => number;
    const patched = (handler: TimerHandler, timeout?: number, ...rest: unknown[]): number => {
      if (timeout === delay && typeof handler === 'function') {
        const wrapped = (...args: unknown[]) => {
          probe.timers.push(performance.now());
          return (handler as (...a: unknown[]) => unknown)(...args);
        };
        return original(wrapped, timeout, ...rest);
      }
      return original(handler, timeout, ...rest);
    };
    window.setTimeout = patched as unknown as typeof window.setTimeout;
  }, debounceMs);
}

/** Empties the box and waits for the plain list (no search), so the next result cannot be stale. */
async function clearSearch(page: Page): Promise<void> {
  const box = page.getByRole('textbox', { name: '搜索企业' });
  await box.fill('');
  await page.waitForFunction(() => {
    const status = document.querySelector('[aria-label="企业数"]')?.textContent ?? '';
    return status.includes('按企业名称拼音排序') && !!document.querySelector('[aria-label="企业列表"] [role="rowgroup"] [role="row"] a');
  });
}

/**
 * Types `query` into 企业名录's search box and times it. Chinese text is committed the way an input
 * method does (page.keyboard.insertText, two characters a commit, 80 ms apart); ASCII is pressed key
 * by key, 30 ms apart. `expected`: the hit count and first row the list must show (from the same
 * in-memory search the list runs).
 */
export async function typedSearch(page: Page, query: string, expected: { hits: number; firstId: string | null }): Promise<TypedTiming> {
  await clearSearch(page);
  await page.evaluate(
    ({ query: q, hits, firstId }) => {
      type Probe = { inputs: { at: number; value: string }[]; frames: number[]; timers: number[] };
      const w = window as unknown as { __typing: Probe; __typed?: Promise<unknown> };
      const probe = w.__typing;
      probe.inputs.length = 0;
      probe.frames.length = 0;
      probe.timers.length = 0;
      const shows = () => {
        const box = document.querySelector<HTMLInputElement>('input[aria-label="搜索企业"]');
        const last = probe.inputs.at(-1);
        if (!box || box.value !== q || !last || last.value !== q) return false;
        const status = document.querySelector('[aria-label="企业数"]')?.textContent ?? '';
        if (!status.startsWith(`找到 ${hits} 家`)) return false;
        if (firstId === null) return (document.querySelector('.ant-layout-content')?.textContent ?? '').includes('没有找到匹配的企业');
        const first = document.querySelector<HTMLAnchorElement>('[aria-label="企业列表"] [role="rowgroup"] [role="row"] a');
        return first?.getAttribute('href')?.endsWith(`/enterprises/${firstId}`) === true;
      };
      w.__typed = new Promise((resolve, reject) => {
        // Checked in frames after a DOM change or an input event (the box's value is not in the DOM).
        let dirty = true;
        const observer = new MutationObserver(() => {
          dirty = true;
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const onInput = () => {
          dirty = true;
        };
        document.addEventListener('input', onInput, true);
        const stop = () => {
          observer.disconnect();
          document.removeEventListener('input', onInput, true);
        };
        const timeout = setTimeout(() => {
          stop();
          reject(new Error(`no result for "${q}" (expected ${hits} hits, first ${firstId})`));
        }, 60_000);
        const tick = () => {
          const check = dirty;
          dirty = false;
          if (!check || !shows()) {
            requestAnimationFrame(tick);
            return;
          }
          stop();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            clearTimeout(timeout);
            const painted = performance.now();
            const lastInput = probe.inputs.at(-1)!.at;
            const fired = probe.timers.find((t) => t >= lastInput);
            // Let the last keystroke's own frame be recorded before reading the frames.
            setTimeout(() => {
              resolve({
                totalMs: painted - lastInput,
                debounceMs: fired === undefined ? Number.NaN : fired - lastInput,
                afterDebounceMs: fired === undefined ? painted - lastInput : painted - fired,
                keystrokeFramesMs: [...probe.frames],
                inputs: probe.inputs.length,
              });
            }, 0);
          };
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(tick);
      });
    },
    { query, hits: expected.hits, firstId: expected.firstId },
  );
  const box = page.getByRole('textbox', { name: '搜索企业' });
  if (/[^\x20-\x7e]/.test(query)) {
    await box.focus();
    const chars = [...query];
    for (let i = 0; i < chars.length; i += 2) {
      if (i > 0) await page.waitForTimeout(80);
      await page.keyboard.insertText(chars.slice(i, i + 2).join(''));
    }
  } else {
    await box.pressSequentially(query, { delay: 30 });
  }
  const result = (await page.evaluate(() => (window as unknown as { __typed: Promise<unknown> }).__typed)) as Omit<TypedTiming, 'query'>;
  return { query, ...result };
}
