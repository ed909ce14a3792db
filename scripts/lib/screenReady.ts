// When a screen of the app is "complete", judged in the page, and the frame that paints it.
//
// Each predicate runs in the page (its source is sent through the DevTools protocol, so the app's CSP,
// which forbids eval, does not apply) and says whether the screen shows its rows AND its figures: no
// spinner, no "…" standing in for a count, no "正在更新统计" over remembered figures. The waiter
// checks in each animation frame that follows a DOM change; when a predicate first holds in a frame, that frame paints the
// content, and a message posted from there is handled after the frame's rendering: that handler's
// performance.now() is the "painted" time. Times are in the page's clock: ms since the navigation
// started for a page load, or since the hash was changed for an in-app move.
import type { Page } from 'playwright-core';

/** The app's frame: the layout with its menu (painted before the database opens, once issue 13 is done). */
function appFrame(): boolean {
  return document.querySelector('.ant-layout-sider [role="menu"]') !== null;
}

function spinning(root: Element): boolean {
  return root.querySelector('.ant-spin-spinning, .ant-skeleton') !== null;
}

/** The 首问负责制 counts bar under `root` shows fresh figures (not "…", not the remembered ones). */
function countsBarFresh(root: Element): boolean {
  const total = root.querySelector('[role="group"][aria-label="问题总数"]');
  const value = (total?.textContent ?? '').replace('问题总数', '').trim();
  if (value === '' || value === '…') return false;
  return ![...root.querySelectorAll('[role="status"]')].some((e) => (e.textContent ?? '').includes('正在更新统计'));
}

/** 首页: counts bar fresh, both due lists filled (titles carry their counts), no spinner. */
function homeScreen(): boolean {
  const content = document.querySelector('.ant-layout-content');
  if (!content || spinning(content) || !countsBarFresh(content)) return false;
  const titles = [...content.querySelectorAll('.ant-card-head-title')].map((e) => e.textContent ?? '');
  return titles.length >= 2 && titles.every((t) => !t.includes('（…）'));
}

/** 企业名录: rows, the count line, and the open-problem count in every row on screen. */
function enterprisesScreen(): boolean {
  const status = document.querySelector('[aria-label="企业数"]')?.textContent ?? '';
  if (status === '' || status.includes('正在载入')) return false;
  const rows = [...document.querySelectorAll('[aria-label="企业列表"] [role="rowgroup"] [role="row"]')];
  if (rows.length === 0) return false;
  return rows.every((row) => (row.querySelectorAll('[role="cell"]')[5]?.textContent ?? '') !== '');
}

/** 问题诉求: counts bar fresh, tab counts, the first page of rows, no spinner. */
function problemsScreen(): boolean {
  const content = document.querySelector('.ant-layout-content');
  if (!content || spinning(content) || !countsBarFresh(content)) return false;
  const tabs = [...content.querySelectorAll('.ant-tabs-tab')].map((e) => e.textContent ?? '');
  if (tabs.length < 3 || tabs.some((t) => t.includes('（…）'))) return false;
  return content.querySelector('.ant-table-row, .ant-table-placeholder') !== null;
}

/** 我的联系企业: the summary line (共 N 家) and rows, no spinner. */
function reviewScreen(): boolean {
  const content = document.querySelector('.ant-layout-content');
  if (!content || spinning(content)) return false;
  if (!(content.querySelector('h4')?.textContent ?? '').includes('共 ')) return false;
  return document.querySelector('[aria-label="联系企业列表"] [role="rowgroup"] [role="row"], .ant-empty') !== null;
}

/** 工作台: the four figures and the six charts drawn (a canvas, or 暂无数据). */
function workbenchScreen(): boolean {
  const content = document.querySelector('.ant-layout-content');
  if (!content || spinning(content)) return false;
  if (content.querySelectorAll('.ant-statistic').length < 4) return false;
  const charts = [...content.querySelectorAll('div[role="img"]')]; // the charts (antd icons are span[role=img])
  return charts.length >= 6 && charts.every((c) => c.querySelector('canvas') !== null || (c.textContent ?? '').includes('暂无数据'));
}

/** 重点项目: the summary line (在库 N 个) and the first page of rows, no spinner. */
function projectsScreen(): boolean {
  const content = document.querySelector('.ant-layout-content');
  if (!content || spinning(content)) return false;
  if (!(content.querySelector('h4')?.textContent ?? '').includes('在库')) return false;
  return content.querySelector('.ant-table-row, .ant-table-placeholder') !== null;
}

/** 设置: the quiet screen the bulk load is also measured on (it reads only the settings). */
function settingsScreen(): boolean {
  const content = document.querySelector('.ant-layout-content');
  return !!content && !spinning(content) && (content.textContent ?? '').trim().length > 0;
}

export interface Screen {
  key: string;
  label: string;
  hash: string;
  /** Page-side predicate (serialised with its helpers). */
  ready: string;
}

const helpers = [spinning, countsBarFresh].map((f) => f.toString()).join('\n');
const predicate = (f: () => boolean): string => `(() => { ${helpers}\n return (${f.toString()})(); })`;

export const appFrameReady = predicate(appFrame);

export const screens = {
  home: { key: 'home', label: '首页', hash: '#/', ready: predicate(homeScreen) },
  enterprises: { key: 'enterprises', label: '企业名录', hash: '#/enterprises', ready: predicate(enterprisesScreen) },
  problems: { key: 'problems', label: '问题诉求', hash: '#/problems', ready: predicate(problemsScreen) },
  review: { key: 'review', label: '我的联系企业', hash: '#/review', ready: predicate(reviewScreen) },
  workbench: { key: 'workbench', label: '工作台', hash: '#/workbench', ready: predicate(workbenchScreen) },
  projects: { key: 'projects', label: '重点项目', hash: '#/projects', ready: predicate(projectsScreen) },
  settings: { key: 'settings', label: '设置', hash: '#/settings', ready: predicate(settingsScreen) },
} as const satisfies Record<string, Screen>;

export const listScreens = [screens.enterprises, screens.problems, screens.review, screens.workbench, screens.projects] as const;

/**
 * Page-side waiter: resolves with, for each predicate, the performance.now() after the frame where it
 * first held was rendered; `hash` (when not null) is set first, and `start` is the time just before.
 */
function waitPaintedInPage(
  readies: (() => boolean)[],
  hash: string | null,
  timeoutMs: number,
): Promise<{ start: number; painted: number[] }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    if (hash !== null) window.location.hash = hash;
    const painted: number[] = readies.map(() => Number.NaN);
    const timer = setTimeout(() => {
      observer.disconnect();
      const missing = readies.flatMap((_, i) => (Number.isNaN(painted[i]) ? [i] : []));
      reject(new Error(`screen not complete after ${timeoutMs} ms (predicates ${missing.join(', ')})`));
    }, timeoutMs);
    let pending = 0;
    // Predicates run only in frames after the DOM changed (a query per frame over a 20,000-row page
    // would be the harness's own cost inside the measured window).
    let dirty = true;
    const observer = new MutationObserver(() => {
      dirty = true;
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    const tick = () => {
      if (!dirty) {
        requestAnimationFrame(tick);
        return;
      }
      dirty = false;
      const heldNow: number[] = [];
      readies.forEach((ready, i) => {
        if (!Number.isNaN(painted[i])) return;
        let held: boolean;
        try {
          held = ready();
        } catch {
          held = false; // the screen is between states: not complete yet
        }
        if (held) {
          painted[i] = Number.POSITIVE_INFINITY; // claimed; the time comes after the frame
          heldNow.push(i);
        }
      });
      if (heldNow.length > 0) {
        pending += 1;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const t = performance.now();
          for (const i of heldNow) painted[i] = t;
          pending -= 1;
          if (pending === 0 && painted.every((p) => Number.isFinite(p))) {
            clearTimeout(timer);
            observer.disconnect();
            resolve({ start, painted });
          }
        };
        channel.port2.postMessage(null);
      }
      if (painted.some((p) => Number.isNaN(p))) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Waits in the page until every predicate has held in a painted frame; see waitPaintedInPage. */
export async function waitPainted(
  page: Page,
  readies: readonly string[],
  options: { hash?: string; timeoutMs?: number } = {},
): Promise<{ start: number; painted: number[] }> {
  const expression = `(${waitPaintedInPage.toString()})([${readies.join(',')}], ${JSON.stringify(options.hash ?? null)}, ${options.timeoutMs ?? 300_000})`;
  return (await page.evaluate(expression)) as { start: number; painted: number[] };
}
