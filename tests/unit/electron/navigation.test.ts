import { describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  hardenWebContents,
  isAllowedNavigation,
  openExternalSafe,
  registerWebContentsGuards,
  type GuardDeps,
} from '../../../electron/navigation.ts';

describe('isAllowedNavigation', () => {
  it.each([
    'app://kvalitetsnavet/',
    'app://kvalitetsnavet/index.html',
    'app://kvalitetsnavet/tillsyn?id=1#ovan',
  ])('allows the app origin: %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    'https://app.evil',
    'https://kvalitetsnavet',
    'http://kvalitetsnavet/',
    'app://x@evil',
    'app://kvalitetsnavet@evil/',
    'app://evil@kvalitetsnavet/',
    'app://kvalitetsnavet.evil/',
    'app://kvalitetsnavet:1234/',
    'app://evil/kvalitetsnavet/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'blob:app://kvalitetsnavet/1234',
    'about:blank',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

function fakeShell() {
  return { openExternal: vi.fn((_url: string) => Promise.resolve()) };
}

describe('openExternalSafe', () => {
  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'smb://attacker/share/payload.exe',
    '\\\\attacker\\share',
    'javascript:alert(1)',
    'ms-settings:privacy',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox',
    'http://example.se/',
    'app://kvalitetsnavet/',
    'https://user:pass@example.se/',
    'not a url',
  ])('never hands %s to the shell and never even asks', async (url) => {
    const shell = fakeShell();
    const confirm = vi.fn(() => Promise.resolve(true));
    expect(await openExternalSafe(url, shell, confirm)).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens https only after the user confirms', async () => {
    const shell = fakeShell();
    const confirm = vi.fn(() => Promise.resolve(true));
    expect(await openExternalSafe('https://www.ivo.se/tillsyn', shell, confirm)).toBe(true);
    expect(confirm).toHaveBeenCalledWith('https://www.ivo.se/tillsyn');
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.ivo.se/tillsyn');
  });

  it('opens nothing when the user declines', async () => {
    const shell = fakeShell();
    expect(await openExternalSafe('https://www.ivo.se/', shell, () => Promise.resolve(false))).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('allows mailto: after confirmation', async () => {
    const shell = fakeShell();
    expect(await openExternalSafe('mailto:registrator@kommun.se', shell, () => Promise.resolve(true))).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('mailto:registrator@kommun.se');
  });
});

type Listener = (event: { preventDefault: () => void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, listener: Listener) => {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      windowOpenHandler = handler;
    },
  };
  return { contents, listeners, openWindow: (url: string) => windowOpenHandler!({ url }) };
}

function fire(listeners: Map<string, Listener>, name: string, url = ''): boolean {
  let prevented = false;
  listeners.get(name)!({ preventDefault: () => (prevented = true) }, url);
  return prevented;
}

function deps(): GuardDeps & { shell: ReturnType<typeof fakeShell>; confirm: ReturnType<typeof vi.fn> } {
  return { shell: fakeShell(), confirm: vi.fn(() => Promise.resolve(true)) };
}

describe('hardenWebContents', () => {
  it('lets in-app navigation through and stops everything else', () => {
    const { contents, listeners } = fakeContents();
    hardenWebContents(contents as never, deps());
    expect(fire(listeners, 'will-navigate', 'app://kvalitetsnavet/rapporter')).toBe(false);
    expect(fire(listeners, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire(listeners, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire(listeners, 'will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('sends a stopped https navigation to openExternalSafe (with confirmation), never file:', async () => {
    const { contents, listeners } = fakeContents();
    const d = deps();
    hardenWebContents(contents as never, d);
    fire(listeners, 'will-navigate', 'https://www.socialstyrelsen.se/');
    fire(listeners, 'will-navigate', 'file:///etc/passwd');
    await vi.waitFor(() => expect(d.shell.openExternal).toHaveBeenCalledTimes(1));
    expect(d.confirm).toHaveBeenCalledTimes(1);
    expect(d.shell.openExternal).toHaveBeenCalledWith('https://www.socialstyrelsen.se/');
  });

  it('denies every new window, even for the app origin', () => {
    const { contents, openWindow } = fakeContents();
    hardenWebContents(contents as never, deps());
    expect(openWindow('app://kvalitetsnavet/')).toEqual({ action: 'deny' });
    expect(openWindow('https://www.ivo.se/')).toEqual({ action: 'deny' });
    expect(openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
  });

  it('prevents every <webview> attach', () => {
    const { contents, listeners } = fakeContents();
    hardenWebContents(contents as never, deps());
    expect(fire(listeners, 'will-attach-webview')).toBe(true);
  });
});

describe('registerWebContentsGuards', () => {
  it('hardens every web contents when it is created', () => {
    let created: ((event: unknown, contents: unknown) => void) | undefined;
    const app = { on: vi.fn((event: string, listener: (event: unknown, contents: unknown) => void) => {
      expect(event).toBe('web-contents-created');
      created = listener;
    }) };
    registerWebContentsGuards(app as never, deps());
    const { contents, listeners } = fakeContents();
    created!({}, contents);
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
  });
});

describe('denyAllPermissions', () => {
  it('denies every permission request and check', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (granted: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fileSystem']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (wc: unknown, p: string, origin: string) => boolean;
    expect(check({}, 'media', 'app://kvalitetsnavet')).toBe(false);
    expect(check(null, 'notifications', 'https://evil.example')).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (details: unknown) => boolean;
    expect(device({ deviceType: 'usb', origin: 'app://kvalitetsnavet' })).toBe(false);
  });
});
