// The page reads a roster only in the worker: a worker that cannot start, fails or hangs gives the
// officer a clear message (未能读取) and the file is never parsed on the page instead; a file over
// the size cap is refused before a worker starts. Hostile files handed to a stand-in worker running
// the worker's own reader leave the database exactly as it was.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ledgerDb } from '../../../renderer/src/db/db';
import { importRosterPreview, buildRosterPreview } from '../../../renderer/src/features/roster/rosterImport';
import { readRosterInBackground, type RosterWorker } from '../../../renderer/src/features/roster/readRosterInBackground';
import type { RosterReaderReply, RosterReaderRequest } from '../../../renderer/src/features/roster/rosterReader.worker';
import { findHeaderRow, mapHeaderRow } from '../../../shared/roster/rosterColumns';
import { defaultTowns } from '../../../shared/reference/towns';
import { lyingZipBombXlsx, unterminatedQuoteCsv, wideHeaderCsv, zipBombXlsx } from '../../shared/roster/hostileFiles';
import { validCreditCode } from '../../shared/roster/creditCodes';
import { utf8BomCsv } from './rosterFixtures';

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../shared/roster/readRosterFile', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/roster/readRosterFile')>();
  return {
    ...actual,
    readRosterFile: (...args: Parameters<typeof actual.readRosterFile>) => {
      reads.count++;
      return actual.readRosterFile(...args);
    },
    readRosterBlob: (...args: Parameters<typeof actual.readRosterBlob>) => {
      reads.count++;
      return actual.readRosterBlob(...args);
    },
  };
});
const { readRosterBlob, RosterFileError } = await import('../../../shared/roster/readRosterFile');

const db = ledgerDb();
const who = { officerName: '导入员', deviceId: 'device-test' };

beforeEach(() => {
  reads.count = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

/** A worker stand-in; `answer` decides what it does with the request. */
function fakeWorker(answer: (worker: RosterWorker, request: RosterReaderRequest) => void) {
  const state = { terminated: false, posted: 0 };
  const worker: RosterWorker = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(message: unknown) {
      state.posted++;
      answer(worker, message as RosterReaderRequest);
    },
    terminate() {
      state.terminated = true;
    },
  };
  return { worker, state };
}

/** A stand-in running what rosterReader.worker.ts runs, as the real worker would. */
const readingWorker = () =>
  fakeWorker((worker, { fileName, file }) => {
    void readRosterBlob(fileName, file).then(
      (sheet) => worker.onmessage?.call(worker as Worker, new MessageEvent<RosterReaderReply>('message', { data: { ok: true, sheet } })),
      (error: Error) =>
        worker.onmessage?.call(
          worker as Worker,
          new MessageEvent<RosterReaderReply>('message', { data: { ok: false, expected: error instanceof RosterFileError, message: error.message } }),
        ),
    );
  });

const fileOf = (name: string, data: Uint8Array) => new File([new Uint8Array(data)], name);

async function refusal(read: Promise<unknown>): Promise<Error> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RosterFileError);
  return error as Error;
}

describe('when the worker fails', () => {
  it('says the file could not be read when no worker starts, and reads nothing on the page', async () => {
    const error = await refusal(
      readRosterInBackground(fileOf('名单.csv', utf8BomCsv([['企业名称'], ['甲']])), () => {
        throw new Error('Worker is not defined');
      }),
    );
    expect(error.message).toMatch(/^文件「名单\.csv」未能读取：后台读取程序无法启动，没有导入任何数据/);
    expect(reads.count).toBe(0);
  });

  it('says so when the worker fails, and stops it', async () => {
    const { worker, state } = fakeWorker((w) => {
      // What a worker's error event carries (ErrorEvent is not in Node).
      const event = { message: 'Out of memory', preventDefault() {} } as ErrorEvent;
      w.onerror?.call(w as Worker, event);
    });
    const error = await refusal(readRosterInBackground(fileOf('名单.xlsx', new Uint8Array([0x50, 0x4b, 3, 4])), () => worker));
    expect(error.message).toMatch(/^文件「名单\.xlsx」未能读取：读取程序出错（Out of memory），没有导入任何数据/);
    expect(state.terminated).toBe(true);
    expect(reads.count).toBe(0);
  });

  it('gives up on a worker that does not answer within a minute', async () => {
    vi.useFakeTimers();
    const { worker, state } = fakeWorker(() => {});
    const read = refusal(readRosterInBackground(fileOf('名单.csv', new Uint8Array([0x61])), () => worker));
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await read).message).toMatch(/^文件「名单\.csv」未能读取：读取超过 60 秒仍未完成，已停止/);
    expect(state.terminated).toBe(true);
    expect(reads.count).toBe(0);
  });

  it('reports a failure inside the reader as unreadable, not as a crash', async () => {
    const { worker } = fakeWorker((w) =>
      w.onmessage?.call(w as Worker, new MessageEvent<RosterReaderReply>('message', { data: { ok: false, expected: false, message: 'Invalid string length' } })),
    );
    const error = await refusal(readRosterInBackground(fileOf('名单.csv', new Uint8Array([0x61])), () => worker));
    expect(error.message).toContain('未能读取：读取程序出错（Invalid string length）');
  });
});

describe('hostile files through the worker', () => {
  it('refuses a file over 20 MB before any worker starts', async () => {
    let started = 0;
    const big = fileOf('大.csv', new Uint8Array(20 * 1024 * 1024 + 1));
    const error = await refusal(
      readRosterInBackground(big, () => {
        started++;
        return readingWorker().worker;
      }),
    );
    expect(error.message).toContain('超过名单文件 20 MB 的上限，没有读取');
    expect(started).toBe(0);
    expect(reads.count).toBe(0);
  });

  // The rest of the corpus is in test/shared/roster/hostileFiles.test.ts; these cross the worker's protocol.
  it('refuses each with its message and leaves the database as it was', async () => {
    await db.enterprises.clear();
    const header = ['企业名称', '统一社会信用代码', '所属区镇'];
    const sheet = await readRosterInBackground(fileOf('名单.csv', utf8BomCsv([header, ['甲有限公司', validCreditCode(901), '平望镇']])), () => readingWorker().worker);
    const texts = sheet.rows.map((r) => r.map((c) => String(c)));
    const headerIndex = findHeaderRow(texts)!;
    await importRosterPreview(await buildRosterPreview(sheet, headerIndex, mapHeaderRow(texts[headerIndex]!), defaultTowns), who);
    const before = await db.enterprises.toArray();
    expect(before).toHaveLength(1);

    const hostile: [string, Uint8Array, string][] = [
      ['炸弹.xlsx', zipBombXlsx(), '压缩炸弹'],
      ['炸弹2.xlsx', lyingZipBombXlsx(), '解压后比它声明的大小更大'],
      ['引号.csv', unterminatedQuoteCsv(), '第 2 行 B 列以引号（"）开头的单元格'],
      ['宽表头.csv', wideHeaderCsv(), '第 1 行的第 201 列（GS 列）还有内容'],
    ];
    for (const [name, data, message] of hostile) {
      const error = await refusal(readRosterInBackground(fileOf(name, data), () => readingWorker().worker));
      expect(error.message).toContain(message);
    }
    expect(await db.enterprises.toArray()).toEqual(before);
  });
});
