/**
 * The app version a client sends in `x-client-version` on sync calls. A
 * server refuses older builds with HTTP 426; the client keeps its queue and
 * asks the user to update (DESIGN section 6).
 */
export const CLIENT_VERSION = '0.1.0';
export const MIN_CLIENT_VERSION = '0.1.0';
export const CLIENT_VERSION_HEADER = 'x-client-version';

/** Compares dotted numeric versions: negative when a < b. Non-numeric parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
