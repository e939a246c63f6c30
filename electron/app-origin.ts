/**
 * The app's own origin. The renderer is served from this custom scheme (never
 * file://), so navigation, permissions and IPC senders can all be checked
 * against one origin. Changing it orphans every device's IndexedDB replica
 * (storage is per origin): never rename it.
 */
export const APP_SCHEME = 'dockscan';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/** True for `dockscan://app/...` exactly: no other host, port or user info. */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // Custom schemes have an opaque `origin` ("null") in WHATWG URL, so compare the parts.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/** A URL cut down for logs: origin and path, never query strings that may carry tokens. */
export function urlForLog(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '<unparsable url>';
  }
}
