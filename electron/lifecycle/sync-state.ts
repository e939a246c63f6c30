/**
 * How many events the renderer still has to push, as it last reported.
 * `null` until the first report: unknown is not the same as zero, and
 * anything that needs "nothing pending" (an update restart, switching
 * servers) must treat unknown carefully.
 */
export interface SyncState {
  pending(): number | null;
  report(count: number): void;
  onChange(listener: (pending: number) => void): void;
}

export function createSyncState(): SyncState {
  let pending: number | null = null;
  const listeners: ((pending: number) => void)[] = [];
  return {
    pending: () => pending,
    report(count) {
      if (count === pending) return;
      pending = count;
      for (const listener of listeners) listener(count);
    },
    onChange: (listener) => void listeners.push(listener),
  };
}
