// The two sinks behind the bridge's export methods, for tests that export a workbook as the app does:
// main's streaming file writer behind a scripted save dialog, and the browser build's in-page workbook
// that ends in a download (here: the bytes kept in memory).
import path from 'node:path';
import { createExportHandlers } from '../../../electron/ledgerExport/exportHandlerSet';
import type { ExportBridge } from '../../../renderer/src/export/workbookExport';
import { createBrowserExportMethods } from '../../../renderer/src/export/browserExportMethods';

/** Main's export handlers; the save dialog answers `file` in `dir`, or cancels when `file` is null. */
export function fileSink(dir: string, file: string | null): ExportBridge {
  return createExportHandlers({
    showSaveDialog: async () => (file === null ? { canceled: true } : { canceled: false, filePath: path.resolve(dir, file) }),
    defaultFolder: () => dir,
  }) as unknown as ExportBridge;
}

/** The browser build's export methods; `saved` gets each downloaded file. */
export function browserSink(): { bridge: ExportBridge; saved: { name: string; data: Uint8Array }[] } {
  const saved: { name: string; data: Uint8Array }[] = [];
  const bridge = createBrowserExportMethods(async ({ suggestedName, data }) => {
    saved.push({ name: suggestedName, data });
    return { saved: true, fileName: suggestedName };
  });
  return { bridge, saved };
}
