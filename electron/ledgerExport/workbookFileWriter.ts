// One export in progress in the main process: an ExcelJS streaming WorkbookWriter on a hidden temp
// file beside the target. Sheets are written one at a time, and each chunk of rows is let through to
// the zip before the next is taken, so memory stays flat however long the ledger. `finish` syncs
// the temp file and renames it over the chosen name; any failure or `abort` deletes it, so the chosen
// name only ever holds a complete workbook (or the file that was there before).
import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SheetWriter } from '../../shared/reports/sheetWriter';
import type { SheetRow, SheetSpec } from '../../shared/reports/sheetSpec';
import { describeFileError, tempPathFor } from '../atomicWrite';

/** How much of a sheet's uncompressed XML may wait for the zip before appendRows waits. */
const MAX_PENDING_BYTES = 1024 * 1024;

/**
 * The pipe between a streaming worksheet and the zip (ExcelJS internals: the sheet's StreamBuf and
 * the PassThrough archiver reads it through). Undefined if a future ExcelJS is built differently;
 * then appendRows simply does not wait.
 */
function sheetPipe(sheet: SheetWriter): { stream: NodeJS.EventEmitter; length: () => number } | undefined {
  const internal = sheet.worksheet as unknown as { _stream?: { pipes?: unknown[] } };
  const pipe = internal._stream?.pipes?.[0] as (NodeJS.EventEmitter & { _writableState?: { length?: number } }) | undefined;
  if (!pipe || typeof pipe.once !== 'function' || typeof pipe._writableState?.length !== 'number') return undefined;
  return { stream: pipe, length: () => pipe._writableState?.length ?? 0 };
}

export class WorkbookFileWriter {
  readonly targetPath: string;
  readonly tempPath: string;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly fileStream: NodeJS.WritableStream & { destroy(): void };
  private sheet: SheetWriter | null = null;
  private readonly sheetNames = new Set<string>();
  private state: 'open' | 'finished' | 'aborted' = 'open';
  /** A write error reported by the file stream, kept so the next call fails with it. */
  private streamError: unknown = null;

  private constructor(targetPath: string, tempPath: string, stream: NodeJS.WritableStream & { destroy(): void }) {
    this.targetPath = targetPath;
    this.fileStream = stream;
    this.tempPath = tempPath;
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: stream as unknown as import('stream').Stream,
      useStyles: true,
      // Inline strings: a shared-string table would keep every distinct text of 200k rows in memory.
      useSharedStrings: false,
    });
    this.workbook.creator = 'Visit Ledger 企业走访台账';
  }

  /** Opens the temp file (`wx`: never through an existing file or link). */
  static async open(targetPath: string): Promise<WorkbookFileWriter> {
    const tempPath = tempPathFor(targetPath);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(tempPath, 'wx', 0o644);
    } catch (error) {
      throw new Error(describeFileError(error, 'write', path.basename(targetPath)), { cause: error });
    }
    const stream = handle.createWriteStream();
    const writer = new WorkbookFileWriter(targetPath, tempPath, stream);
    stream.on('error', (error) => {
      writer.streamError ??= error;
    });
    return writer;
  }

  get fileName(): string {
    return path.basename(this.targetPath);
  }

  private check(): void {
    if (this.state !== 'open') throw new Error('导出已结束，不能再写入');
    if (this.streamError) throw new Error(describeFileError(this.streamError, 'write', this.fileName), { cause: this.streamError });
  }

  addSheet(spec: SheetSpec): void {
    this.check();
    if (this.sheet) throw new Error(`上一张工作表尚未写完，不能开始“${spec.name}”`);
    if (this.sheetNames.has(spec.name)) throw new Error(`工作表“${spec.name}”重复`);
    this.sheetNames.add(spec.name);
    this.sheet = new SheetWriter(this.workbook, spec);
  }

  /**
   * Writes a chunk, then waits until the zip has taken in most of what the sheet produced. ExcelJS
   * hands a sheet's XML to the zip without backpressure (its StreamBuf ignores the pipe's answer),
   * so a fast producer piles the uncompressed rows up in memory until the sheet is committed, about
   * 1 KB a row (ExcelJS #1894, #2916). Waiting for that pipe to drain below 1 MB keeps memory flat at
   * no cost in time (the zip and the disk work while the renderer reads the next chunk).
   */
  async appendRows(rows: readonly SheetRow[]): Promise<number> {
    this.check();
    if (!this.sheet) throw new Error('没有正在写入的工作表');
    this.sheet.appendRows(rows);
    const count = this.sheet.rowCount;
    const pending = sheetPipe(this.sheet);
    while (pending && pending.length() > MAX_PENDING_BYTES && this.state === 'open' && !this.streamError) {
      // 'drain' fires when the pipe empties; the timer re-checks in case it never does (an error).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 100);
        function done() {
          clearTimeout(timer);
          pending?.stream.removeListener('drain', done);
          resolve();
        }
        pending.stream.once('drain', done);
      });
    }
    return count;
  }

  commitSheet(): number {
    this.check();
    if (!this.sheet) throw new Error('没有正在写入的工作表');
    const sheet = this.sheet;
    this.sheet = null;
    sheet.commit();
    return sheet.rowCount;
  }

  /** Completes the workbook, then renames it into place. On any failure the temp file is removed. */
  async finish(): Promise<void> {
    this.check();
    try {
      if (this.sheet) this.commitSheet();
      if (this.sheetNames.size === 0) throw new Error('工作簿中没有工作表');
      await this.workbook.commit();
      this.check();
      this.state = 'finished';
      // On disk before it takes the chosen name, so a power cut cannot leave a truncated workbook there.
      const handle = await fs.open(this.tempPath, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(this.tempPath, this.targetPath);
    } catch (error) {
      this.state = 'aborted';
      await fs.unlink(this.tempPath).catch(() => undefined);
      if (error instanceof Error && /^(保存|导出|工作)/.test(error.message)) throw error;
      throw new Error(describeFileError(error, 'write', this.fileName), { cause: error });
    }
  }

  /** Drops the export; safe to call at any point and more than once. */
  async abort(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'aborted';
    this.sheet = null;
    // Close the file before deleting it (Windows will not delete an open file).
    const stream = this.fileStream as NodeJS.WritableStream & { destroy(): void; closed?: boolean };
    if (!stream.closed) {
      await new Promise<void>((resolve) => {
        stream.once('close', () => resolve());
        stream.destroy();
      });
    }
    await fs.unlink(this.tempPath).catch(() => undefined);
  }

  /** For app quit, where nothing async finishes: close the file and delete the temp file now. */
  abortNow(): void {
    if (this.state !== 'open') return;
    this.state = 'aborted';
    this.sheet = null;
    this.fileStream.destroy();
    rmSync(this.tempPath, { force: true });
  }
}
