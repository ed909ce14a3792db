// The browser implementation of the bridge (`npm run web`, e2e tests): saving is a real download
// under the suggested name, opening is a file input. Arguments are checked against the same zod
// schemas main uses, with the same Chinese messages. The page-level effects come in as `BrowserShell`
// so the checks are tested under Node without a DOM.
import { checkIpcArgs, type IpcArgs, type IpcMethod, type LedgerApi } from '../../../shared/ipc';
import { createBrowserExportMethods } from '../export/browserExportMethods';

export interface BrowserShell {
  /** Hand `blob` to the browser as a download named `fileName`. */
  download(blob: Blob, fileName: string): void;
  /** Let the user pick one file (`accept` as for <input type=file>); null when they cancel. */
  pickFile(accept: string): Promise<File | null>;
  platform: string;
  version: string;
}

/** Types for the files the app writes, so the browser labels the download correctly. */
const mimeByExtension: Readonly<Record<string, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  zip: 'application/zip',
  pdf: 'application/pdf',
  txt: 'text/plain;charset=utf-8',
};

function mimeFor(fileName: string): string {
  const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : '';
  return mimeByExtension[extension] ?? 'application/octet-stream';
}

function megabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1048576))} MB`;
}

/** Parse or reject with the contract's Chinese message; nothing happens on a bad call. */
function checked<M extends IpcMethod>(method: M, args: IpcArgs<M>) {
  const result = checkIpcArgs(method, args);
  if (!result.ok) throw new Error(result.message);
  return result.args;
}

export function createBrowserBridge(shell: BrowserShell = documentShell()): LedgerApi {
  const fileMethods: Pick<LedgerApi, 'saveFile' | 'openFile' | 'appInfo'> = {
    async saveFile(args) {
      const { suggestedName, data } = checked('saveFile', args);
      shell.download(new Blob([data as BlobPart], { type: mimeFor(suggestedName) }), suggestedName);
      return { saved: true, fileName: suggestedName };
    },
    async openFile(args) {
      const { filters, maxBytes } = checked('openFile', args);
      const accept = [...new Set(filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)))].join(',');
      const file = await shell.pickFile(accept);
      if (!file) return null;
      if (file.size > maxBytes) {
        throw new Error(`“${file.name}”太大（${megabytes(file.size)}），超过 ${megabytes(maxBytes)} 的上限，未读取。`);
      }
      return { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) };
    },
    async appInfo(args) {
      checked('appInfo', args);
      return { shell: 'browser', version: shell.version, platform: shell.platform };
    },
  };
  // The streaming-export methods (reports) build the workbook in memory here and save it through saveFile.
  return { ...fileMethods, ...createBrowserExportMethods(fileMethods.saveFile) };
}

/** The real page: an <a download> click and a hidden <input type=file>. */
export function documentShell(): BrowserShell {
  return {
    download(blob, fileName) {
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.rel = 'noopener';
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started reading the blob by now; a minute covers slow disks.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    pickFile(accept) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = accept;
        input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
        input.addEventListener('cancel', () => resolve(null), { once: true });
        input.click();
      });
    },
    platform: navigator.platform,
    // Read through a cast: this module is also type-checked by the Node project (its tests), which has no vite/client types.
    version: (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env?.VITE_APP_VERSION ?? '0.1.0',
  };
}
