// Runs the roster reader in a Web Worker, and only there. A file that could take the page down
// must never be parsed on the UI thread: when the worker cannot start, fails, or does not answer
// in time, the officer gets a clear message (文件…未能读取) and nothing is read on the page.
import { fileTooLarge, maxRosterFileBytes, RosterFileError } from '../../../../shared/roster/rosterLimits';
import type { RosterSheet } from '../../../../shared/roster/readRosterFile';
import type { RosterReaderReply, RosterReaderRequest } from './rosterReader.worker';

/** Far above what the largest roster the limits allow takes (a few seconds); a backstop against a hang. */
export const rosterReadTimeoutMs = 60_000;

/** The part of a Worker this module uses (a test gives a stand-in). */
export type RosterWorker = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror' | 'onmessageerror'>;

function startRosterWorker(): RosterWorker {
  return new Worker(new URL('./rosterReader.worker.ts', import.meta.url), { type: 'module' });
}

export function rosterUnreadable(fileName: string, why: string): RosterFileError {
  return new RosterFileError(
    `文件「${fileName}」未能读取：${why}，没有导入任何数据。请重新选择文件再试；如仍不行，请在 Excel/WPS 中另存为 .xlsx 后再导入，或重新启动本软件`,
  );
}

export function readRosterInBackground(
  file: File,
  startWorker: () => RosterWorker = startRosterWorker,
  timeoutMs: number = rosterReadTimeoutMs,
): Promise<RosterSheet> {
  const fileName = file.name;
  // Refused at once, before a worker starts or a byte is read.
  if (file.size > maxRosterFileBytes) return Promise.reject(fileTooLarge(fileName, file.size));
  return new Promise<RosterSheet>((resolve, reject) => {
    let worker: RosterWorker;
    try {
      worker = startWorker();
    } catch {
      reject(rosterUnreadable(fileName, '后台读取程序无法启动'));
      return;
    }
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(rosterUnreadable(fileName, `读取超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止`))),
      timeoutMs,
    );
    worker.onmessage = (event: MessageEvent<RosterReaderReply>) => {
      const reply = event.data;
      finish(() => {
        if (reply.ok) resolve(reply.sheet);
        else reject(reply.expected ? new RosterFileError(reply.message) : rosterUnreadable(fileName, `读取程序出错（${reply.message}）`));
      });
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      finish(() => reject(rosterUnreadable(fileName, event.message ? `读取程序出错（${event.message}）` : '后台读取程序意外停止')));
    };
    worker.onmessageerror = () => finish(() => reject(rosterUnreadable(fileName, '读取结果无法传回页面')));
    const request: RosterReaderRequest = { fileName, file };
    worker.postMessage(request);
  });
}
