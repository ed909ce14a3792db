// The renderer's only way to the operating system: `window.api` from the Electron preload, or, in a
// plain browser (`npm run web`, e2e tests), the browser implementation of the same contract.
import type { LedgerApi } from '../../../shared/ipc';
import { createBrowserBridge } from './browserBridge';

declare global {
  interface Window {
    api?: LedgerApi;
  }
}

export const api: LedgerApi = window.api ?? createBrowserBridge();
