// Keeps every web contents on the app's own origin: no navigation away, no new windows, no
// <webview>, no permissions. External links open in the user's browser only after a question.
import type { App, Session, Shell, WebContents } from 'electron';
import { isAppUrl } from './appOrigin.ts';

/** Parsed with URL, never by prefix, so app://kvalitetsnavet.evil and app://x@evil fail. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['https:', 'mailto:']);

/** The normalised URL if it may be handed to the OS, else null (file:, smb:, javascript:, ms-settings: …). */
export function externalUrlOrNull(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(url.protocol)) return null;
  // user:pass@ in a web link is a classic way to disguise the real host in the confirmation.
  if (url.protocol === 'https:' && (url.username || url.password)) return null;
  return url.href;
}

export type ConfirmExternal = (url: string) => Promise<boolean>;

/**
 * The only way the app opens anything outside itself. Links come from imported spreadsheets
 * and meeting notes, i.e. untrusted text, so the scheme is allowlisted and the user confirms.
 */
export async function openExternalSafe(
  raw: string,
  shell: Pick<Shell, 'openExternal'>,
  confirm: ConfirmExternal,
): Promise<boolean> {
  const href = externalUrlOrNull(raw);
  if (href === null) return false;
  if (!(await confirm(href))) return false;
  await shell.openExternal(href);
  return true;
}

export interface GuardDeps {
  shell: Pick<Shell, 'openExternal'>;
  confirm: ConfirmExternal;
  /** Reports failures without personal data; defaults to ignoring them. */
  onError?: (error: unknown) => void;
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

function offerExternal(url: string, deps: GuardDeps): void {
  if (externalUrlOrNull(url) === null) return;
  openExternalSafe(url, deps.shell, deps.confirm).catch((error: unknown) => deps.onError?.(error));
}

export function hardenWebContents(contents: GuardedContents, deps: GuardDeps): void {
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    offerExternal(url, deps);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  // Defence in depth, as in Signal Desktop: the app never needs a second window or a webview.
  contents.setWindowOpenHandler(({ url }) => {
    offerExternal(url, deps);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Registered before any window exists, so every web contents is guarded from its first moment. */
export function registerWebContentsGuards(app: Pick<App, 'on'>, deps: GuardDeps): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, deps);
  });
}

/** Electron grants every permission by default; the app needs none (camera, geolocation, notifications …). */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
