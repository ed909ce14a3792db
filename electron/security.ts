// Guards every web contents the app creates, at creation: no navigation or redirect away from our own
// app:// pages, no new windows, no <webview>, no permissions, no requests to anything but our own
// files. The pieces take `unknown` input and receive what they act on as parameters, so they are
// unit-tested without Electron.
import { appHost, appScheme } from './appProtocol';

/** True only for a URL that parses and points at our own app:// host. */
export function isAppUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === `${appScheme}:` && url.host.toLowerCase() === appHost && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * Requests the renderer may make: our own files, plus the in-memory blob:/data: URLs it creates for
 * photo previews. Everything else (http, https, ws, file, ftp…) is cancelled: the app is offline by
 * design and never loads remote content.
 */
export function isAllowedRequestUrl(value: unknown): boolean {
  if (isAppUrl(value)) return true;
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    if (url.protocol === 'data:') return true;
    if (url.protocol === 'blob:') return isAppUrl(url.pathname);
    // DevTools loads its own front end through devtools:; it only opens when not packaged.
    return url.protocol === 'devtools:';
  } catch {
    return false;
  }
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's WebContents the guards touch. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (details: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Cancel a navigation or redirect unless it stays on our app:// pages (hash routes included). */
export function guardNavigation(event: PreventableEvent, url: unknown): void {
  if (!isAppUrl(url)) event.preventDefault();
}

/** Apply every per-contents guard; called from `app.on('web-contents-created')`. */
export function guardWebContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event, url) => guardNavigation(event, url));
  contents.on('will-redirect', (event, url) => guardNavigation(event, url));
  // Sub-frames navigate through this one; the app has none, so any attempt stays on app:// or stops.
  contents.on('will-frame-navigate', (details) => guardNavigation(details, details.url));
  // The app never uses <webview>; refusing the attach is simpler than sanitising its preferences.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No second windows, and no links handed to the system browser: nothing in the app needs them.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The part of Electron's Session the guards touch. */
export interface GuardedSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/**
 * The one permission the app asks for: persistent storage, so the ledger's IndexedDB is never evicted
 * under disk pressure (db/localStorageState.ts asks at start; Electron 45 routes it through here).
 */
const grantedPermissions = new Set(['persistent-storage']);

/** Deny every other permission (camera, notifications, geolocation, USB…) and cancel every outside request. */
export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(grantedPermissions.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => grantedPermissions.has(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
}
