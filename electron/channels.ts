// IPC channel names, derived from contract method names so main and preload always agree.
export const API_CHANNEL_PREFIX = 'api:';

export function apiChannel(method: string): string {
  return API_CHANNEL_PREFIX + method;
}
