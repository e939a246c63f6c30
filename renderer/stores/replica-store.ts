import { create } from 'zustand';

interface ReplicaState {
  /** The replica is open and loaded into memory. */
  loaded: boolean;
  /** Bumped whenever the optimistic view changed: screens re-derive what they show. */
  version: number;
  setLoaded(): void;
  bump(): void;
}

export const useReplica = create<ReplicaState>()((set) => ({
  loaded: false,
  version: 0,
  setLoaded: () => set({ loaded: true }),
  bump: () => set((s) => ({ version: s.version + 1 })),
}));
