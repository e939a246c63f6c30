import { isAppUrl } from '../app-origin';
import type { SessionLike } from '../electron-api';
import type { Logger } from '../logger';

/**
 * Permission policy: the app's own page may use the camera (barcode scanning
 * in the renderer) and persistent storage; everything else is denied,
 * explicitly. Persistent storage is granted because the local replica holds
 * unsynced scans, and an evicted IndexedDB would lose them (DESIGN 4.1); it
 * exposes no data and no device.
 */

const ALWAYS_ALLOWED: ReadonlySet<string> = new Set(['persistent-storage']);

export function isPermissionGranted(permission: string, requestingUrl: string | undefined, mediaTypes?: readonly string[]): boolean {
  if (requestingUrl === undefined || !isAppUrl(requestingUrl)) return false;
  if (permission === 'media') {
    // Camera only: no microphone, and a request that does not say what it wants is refused.
    return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');
  }
  return ALWAYS_ALLOWED.has(permission);
}

export function isPermissionCheckGranted(permission: string, requestingOrigin: string, mediaType?: string): boolean {
  if (!isAppUrl(requestingOrigin)) return false;
  if (permission === 'media') return mediaType === 'video';
  return ALWAYS_ALLOWED.has(permission);
}

export function applyPermissionPolicy(session: SessionLike, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isPermissionGranted(permission, details.requestingUrl, details.mediaTypes);
    if (!granted) log.warn(`Denied permission "${permission}".`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionCheckGranted(permission, requestingOrigin, details.mediaType),
  );
  // WebHID / WebUSB / WebSerial: scanners go through main's serial adapter, never the page.
  session.setDevicePermissionHandler(() => false);
}
