// The app's own origin, app://kvalitetsnavet, and the one test of whether a URL belongs to it.
// Shared by the protocol, navigation guards and the IPC sender check so they cannot disagree.

export const APP_SCHEME = 'app';
export const APP_HOST = 'kvalitetsnavet';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/`;

/**
 * True only for app://kvalitetsnavet/… with no user, password or port. Compared field by field
 * because Node's URL gives custom schemes the opaque origin "null", and because prefix checks
 * are fooled by app://kvalitetsnavet.evil or app://kvalitetsnavet@evil.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  );
}
