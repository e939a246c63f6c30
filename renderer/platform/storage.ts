/** Asks the browser not to evict the replica under storage pressure (DESIGN section 6). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}

/** True when an error (or anything it wraps: RxDB and Dexie nest them) is IndexedDB running out of space. */
export function isQuotaError(err: unknown, depth = 0): boolean {
  if (depth > 6 || err === null || typeof err !== 'object') return false;
  const e = err as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; parameters?: { errors?: unknown } };
  if (e.name === 'QuotaExceededError' || (typeof e.message === 'string' && /quota/i.test(e.message))) return true;
  const nested = [e.inner, e.cause, ...(Array.isArray(e.parameters?.errors) ? e.parameters.errors : [])];
  return nested.some((n) => isQuotaError(n, depth + 1));
}
