// The preload (sandboxed, bundled as CommonJS): exposes window.api with exactly one named
// function per contract method and nothing else: no ipcRenderer, no generic invoke(channel).
import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../db/api/contract.ts';
import { apiChannel } from './channels.ts';

export type ExposedApi = Readonly<Record<string, (input?: unknown) => Promise<unknown>>>;

export function buildApi(invoke: (channel: string, input: unknown) => Promise<unknown>): ExposedApi {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const name of methodNames) {
    const channel = apiChannel(name);
    // Only the input crosses; the page never sees the IPC event or the channel.
    api[name] = (input?: unknown) => invoke(channel, input);
  }
  return Object.freeze(api);
}

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
