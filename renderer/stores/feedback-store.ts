import { create } from 'zustand';

export type FlashKind = 'accepted' | 'warning' | 'rejected';

export interface Flash {
  kind: FlashKind;
  /** Large headline, already translated. */
  title: string;
  /** The reason in plain words, already translated. */
  detail: string;
  /** Increments per flash so the banner re-animates and tests can wait for a new one. */
  seq: number;
}

interface FeedbackState {
  flash: Flash | null;
  show(kind: FlashKind, title: string, detail?: string): void;
  clear(): void;
}

/** Scan feedback: one banner, replaced by every scan. Sounds are played by the banner's subscriber. */
export const useFeedback = create<FeedbackState>()((set) => ({
  flash: null,
  show: (kind, title, detail = '') => set((s) => ({ flash: { kind, title, detail, seq: (s.flash?.seq ?? 0) + 1 } })),
  clear: () => set({ flash: null }),
}));
