// The browser implementation of the bridge: saving is a download, opening is a file input.
import { ipcContract, type LedgerApi } from '../../../shared/ipc';

export function createBrowserBridge(): LedgerApi {
  return {
    async saveFile(args) {
      const { suggestedName, data } = ipcContract.saveFile.args.parse(args);
      const url = URL.createObjectURL(new Blob([data as BlobPart]));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true, fileName: suggestedName };
    },
    async openFile(args) {
      const { filters, maxBytes } = ipcContract.openFile.args.parse(args);
      const file = await pickFile(filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(','));
      if (!file) return null;
      if (file.size > maxBytes) throw new Error(`文件过大（${Math.round(file.size / 1048576)} MB），超过上限`);
      return { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) };
    },
    async appInfo() {
      return { shell: 'browser', version: import.meta.env.VITE_APP_VERSION ?? '0.1.0', platform: navigator.platform };
    },
  };
}

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}
