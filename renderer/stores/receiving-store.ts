import { create } from 'zustand';
import type { Condition } from '../../shared/schemas/common';
import type { Discrepancy } from '../../shared/schemas/docs';
import type { LineDraft, MissingTracking } from '../receiving/scan-to-event';
import type { ReceivingSession } from '../receiving/session';

export interface TrackingPrompt {
  draft: LineDraft;
  missing: MissingTracking[];
}

export interface ClosePreview {
  discrepancies: Discrepancy[];
}

interface ReceivingState {
  session: ReceivingSession | null;
  /** Quantity each item scan records (back to 1 after every scan). */
  qty: number;
  condition: Condition;
  prompt: TrackingPrompt | null;
  closing: ClosePreview | null;
  /** The receipt just closed, shown on the start screen. */
  lastClosed: { receiptId: string; discrepancies: Discrepancy[] } | null;
  setSession(session: ReceivingSession | null): void;
  setQty(qty: number): void;
  setCondition(condition: Condition): void;
  toggleCondition(): void;
  setPrompt(prompt: TrackingPrompt | null): void;
  setClosing(closing: ClosePreview | null): void;
  closed(receiptId: string, discrepancies: Discrepancy[]): void;
}

/** The receiving session at this dock: which receipt, and what the next scan records. */
export const useReceiving = create<ReceivingState>()((set) => ({
  session: null,
  qty: 1,
  condition: 'good',
  prompt: null,
  closing: null,
  lastClosed: null,
  setSession: (session) => set({ session, prompt: null, closing: null, qty: 1, condition: 'good', lastClosed: null }),
  setQty: (qty) => set({ qty: Number.isInteger(qty) && qty > 0 ? Math.min(qty, 1_000_000) : 1 }),
  setCondition: (condition) => set({ condition }),
  toggleCondition: () => set((s) => ({ condition: s.condition === 'good' ? 'damaged' : 'good' })),
  setPrompt: (prompt) => set({ prompt }),
  setClosing: (closing) => set({ closing }),
  closed: (receiptId, discrepancies) => set({ session: null, prompt: null, closing: null, qty: 1, condition: 'good', lastClosed: { receiptId, discrepancies } }),
}));
