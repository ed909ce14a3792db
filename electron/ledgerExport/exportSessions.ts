// The exports in progress, by id, as the IPC handlers see them. Ids are random so a page cannot
// guess another export's; only a few may be open at once, and each is dropped when it ends.
import { randomUUID } from 'node:crypto';
import type { SheetRow, SheetSpec } from '../../shared/reports/sheetSpec';
import { WorkbookFileWriter } from './workbookFileWriter';

const MAX_OPEN_EXPORTS = 4;

export class ExportSessions {
  private readonly open = new Map<string, WorkbookFileWriter>();

  get size(): number {
    return this.open.size;
  }

  async begin(targetPath: string): Promise<{ exportId: string; fileName: string }> {
    if (this.open.size >= MAX_OPEN_EXPORTS) throw new Error('同时进行的导出过多，请等待当前导出完成');
    const writer = await WorkbookFileWriter.open(targetPath);
    const exportId = randomUUID();
    this.open.set(exportId, writer);
    return { exportId, fileName: writer.fileName };
  }

  private get(exportId: string): WorkbookFileWriter {
    const writer = this.open.get(exportId);
    if (!writer) throw new Error('导出不存在或已结束');
    return writer;
  }

  /** Runs a step; if it throws, the export is aborted (temp file deleted) before the error goes on. */
  private async step<T>(exportId: string, run: (writer: WorkbookFileWriter) => T | Promise<T>): Promise<T> {
    const writer = this.get(exportId);
    try {
      return await run(writer);
    } catch (error) {
      this.open.delete(exportId);
      await writer.abort();
      throw error;
    }
  }

  addSheet(exportId: string, spec: SheetSpec): Promise<void> {
    return this.step(exportId, (w) => w.addSheet(spec));
  }

  appendRows(exportId: string, rows: readonly SheetRow[]): Promise<number> {
    return this.step(exportId, (w) => w.appendRows(rows));
  }

  commitSheet(exportId: string): Promise<number> {
    return this.step(exportId, (w) => w.commitSheet());
  }

  async finish(exportId: string): Promise<string> {
    const fileName = await this.step(exportId, async (w) => {
      await w.finish();
      return w.fileName;
    });
    this.open.delete(exportId);
    return fileName;
  }

  async abort(exportId: string): Promise<void> {
    const writer = this.open.get(exportId);
    this.open.delete(exportId);
    await writer?.abort();
  }

  async abortAll(): Promise<void> {
    const writers = [...this.open.values()];
    this.open.clear();
    await Promise.all(writers.map((w) => w.abort()));
  }

  /** On quit: drop every open export at once (synchronously), so no temp file outlives the app. */
  abortAllNow(): void {
    for (const writer of this.open.values()) {
      try {
        writer.abortNow();
      } catch {
        // a file another program holds open stays; it is hidden and named .tmp
      }
    }
    this.open.clear();
  }
}
