// The preload (sandboxed, bundled as CommonJS): exposes window.api with exactly one named
// function per contract method and nothing else: no ipcRenderer, no generic invoke(channel).
// The names come from the zod-free list, so no schema code is bundled into the preload.
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '../db/api/methodNames.ts';
import { apiChannel } from './channels.ts';

export type ExposedApi = Readonly<Record<string, (input?: unknown) => Promise<unknown>>>;

export function buildApi(invoke: (channel: string, input: unknown) => Promise<unknown>): ExposedApi {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const name of METHOD_NAMES) {
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
