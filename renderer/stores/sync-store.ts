import { create } from 'zustand';
import type { PullCollection } from '../../shared/schemas/docs';

/** Sync problems the operator must know about; scans are kept in every case. */
export type SyncProblem = { kind: 'auth' } | { kind: 'upgrade' } | { kind: 'quota' } | { kind: 'error'; message: string };

export interface BootstrapProgress {
  /** Collections whose first download finished. */
  done: PullCollection[];
  total: number;
  docs: number;
  /** Documents the whole download brings, once the server said (`remaining=1`). */
  expected?: number;
}

interface SyncState {
  /** The browser has a network and the last request reached the server. */
  online: boolean;
  pending: number;
  lastSyncAt: string | null;
  /** Present while a new device downloads its replica. */
  bootstrap: BootstrapProgress | null;
  problem: SyncProblem | null;
  setOnline(online: boolean): void;
  setPending(pending: number): void;
  synced(at: Date): void;
  setBootstrap(b: BootstrapProgress | null): void;
  setProblem(p: SyncProblem | null): void;
}

const LAST_SYNC_KEY = 'dockscan.lastSyncAt';

export const useSync = create<SyncState>()((set, get) => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  pending: 0,
  lastSyncAt: typeof localStorage === 'undefined' ? null : localStorage.getItem(LAST_SYNC_KEY),
  bootstrap: null,
  problem: null,
  setOnline: (online) => {
    if (get().online !== online) set({ online });
  },
  setPending: (pending) => {
    if (get().pending !== pending) set({ pending });
  },
  synced: (at) => {
    const state = get();
    const problem = state.problem;
    // A successful exchange clears transient problems, not a full disk.
    const keep = problem?.kind === 'quota' ? problem : null;
    // Every request reports here (a dozen per sync round): the bar shows seconds, so one update a second will do.
    if (state.online && problem === keep && state.lastSyncAt && at.getTime() - Date.parse(state.lastSyncAt) < 1000) return;
    const iso = at.toISOString();
    localStorage.setItem(LAST_SYNC_KEY, iso);
    set({ lastSyncAt: iso, online: true, problem: keep });
  },
  setBootstrap: (bootstrap) => set({ bootstrap }),
  setProblem: (problem) => set({ problem }),
}));
