// The bridge's file methods: save bytes where the user chooses, open a file the user picks. The dialogs
// come in as parameters (ipcHandlers.ts passes Electron's), so the handlers run under Node in tests
// with a scripted "dialog".
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileExtensionOf } from '../../shared/ipc';
import type { IpcHandlers } from '../ipcRegistry';
import { describeFileError, writeFileAtomic } from '../atomicWrite';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface FileHandlerDeps {
  showSaveDialog(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: { title: string; filters: FileFilter[]; properties: ['openFile'] }): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** The folder the save dialog starts in (the user's Documents). */
  defaultFolder(): string;
}

type FileMethods = Pick<IpcHandlers, 'saveFile' | 'openFile'>;

const allFiles: FileFilter = { name: '所有文件', extensions: ['*'] };

function megabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1048576))} MB`;
}

/** IPC clones a view's whole backing buffer, so hand over bytes that own theirs exactly. */
function ownBytes(body: Buffer): Uint8Array {
  const exact = body.byteOffset === 0 && body.buffer.byteLength === body.byteLength;
  return exact ? new Uint8Array(body.buffer, 0, body.byteLength) : Uint8Array.from(body);
}

export function createFileHandlers(deps: FileHandlerDeps): FileMethods {
  return {
    async saveFile({ suggestedName, filters, data }) {
      // Only the file types the page asked for (the contract allows only those the app writes); no
      // 所有文件 entry, which would only invite a name without the extension.
      const choice = await deps.showSaveDialog({
        title: '保存文件',
        defaultPath: path.join(deps.defaultFolder(), suggestedName),
        filters,
      });
      if (choice.canceled || !choice.filePath) return { saved: false };
      // The file keeps the type it was made as: a name typed without it (or with another) gets it
      // appended, as the streaming export does for .xlsx, so Excel or the import finds it again.
      const extension = fileExtensionOf(suggestedName);
      const target = fileExtensionOf(path.basename(choice.filePath)) === extension ? choice.filePath : `${choice.filePath}.${extension}`;
      await writeFileAtomic(target, data);
      return { saved: true, fileName: path.basename(target) };
    },

    async openFile({ filters, maxBytes }) {
      const choice = await deps.showOpenDialog({ title: '打开文件', filters: [...filters, allFiles], properties: ['openFile'] });
      const filePath = choice.filePaths[0];
      if (choice.canceled || filePath === undefined) return null;
      const fileName = path.basename(filePath);
      let size: number;
      try {
        const info = await fs.stat(filePath);
        if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
        size = info.size;
      } catch (error) {
        throw new Error(describeFileError(error, 'read', fileName), { cause: error });
      }
      if (size > maxBytes) throw new Error(`“${fileName}”太大（${megabytes(size)}），超过 ${megabytes(maxBytes)} 的上限，未读取。`);
      let body: Buffer;
      try {
        body = await fs.readFile(filePath);
      } catch (error) {
        throw new Error(describeFileError(error, 'read', fileName), { cause: error });
      }
      // The file may have grown since stat; the limit holds for what was actually read.
      if (body.byteLength > maxBytes) throw new Error(`“${fileName}”太大，超过 ${megabytes(maxBytes)} 的上限，未读取。`);
      return { fileName, data: ownBytes(body) };
    },
  };
}
