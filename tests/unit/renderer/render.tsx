// Renders renderer components into happy-dom with React's act, the app's i18n and status line, and
// window.api bridged (as the Electron preload does) to the real dispatch on a temp database.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ApiResult } from '../../../db/errors.ts';
import { initI18n } from '../../../renderer/i18n/index.ts';
import { StatusProvider } from '../../../renderer/components/Status.tsx';
import { testApi } from '../../helpers/db.ts';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;
initI18n();

export interface Rendered {
  container: HTMLElement;
  rerender: (node: ReactNode) => void;
  unmount: () => void;
  /** The text of the app's one status line. */
  statusText: () => string;
}

export function render(node: ReactNode): Rendered {
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  const draw = (n: ReactNode) =>
    act(() => {
      root.render(<StatusProvider>{n}</StatusProvider>);
    });
  draw(node);
  return {
    container,
    rerender: draw,
    unmount: () => {
      act(() => {
        root.unmount();
      });
      container.remove();
    },
    statusText: () => container.querySelector('[role="status"]')?.textContent ?? '',
  };
}

/** Lets pending promises settle and React apply what they set. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** A promise the test resolves or rejects when it wants, to order answers by hand. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** window.api as the preload exposes it, answering from a real database through the dispatch. */
export function bridgeToTestDatabase() {
  const api = testApi();
  const bridge: Record<string, (input: unknown) => Promise<ApiResult<unknown>>> = {};
  window.api = new Proxy(bridge, {
    get: (_target, method) => (input: unknown) => api.dispatch(String(method), input),
  });
  return api;
}
