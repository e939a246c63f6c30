import { create } from 'zustand';
import type { CartonLine } from './packing';
import type { PickProgress } from './picking';
import type { PlateDraft, PutawayDraft } from './putaway';

interface PutawayState {
  draft: PutawayDraft | null;
  /** A bin other than the suggestion was scanned: the reason is asked before anything is written. */
  override: { toLocationId: string } | null;
  last: { itemId: string; qty: number; toLocationId: string } | null;
  /** A licence plate scanned at the dock, waiting for its bin (never at the same time as an item draft). */
  plate: PlateDraft | null;
  lastPlate: { lpn: string; units: number; toLocationId: string } | null;
}

interface PickingState {
  progress: PickProgress | null;
  /** Stops the picker skipped for now: they go to the end of the walk. */
  skipped: string[];
  /** The short-pick confirmation is open for this task. */
  confirmShort: string | null;
}

interface PackingState {
  orderId: string | null;
  tote: string | null;
  carton: CartonLine[];
  /** A tote holding several orders: which one to pack. */
  choose: string[] | null;
  /** The carton's id, generated on the device when the first item goes in. */
  cartonId: string | null;
  last: { cartonId: string; orderId: string } | null;
}

interface ShippingState {
  orderId: string | null;
  last: { orderId: string; cartonIds: string[] } | null;
}

interface FloorState {
  putaway: PutawayState;
  picking: PickingState;
  packing: PackingState;
  shipping: ShippingState;
  setPutaway(patch: Partial<PutawayState>): void;
  setPicking(patch: Partial<PickingState>): void;
  setPacking(patch: Partial<PackingState>): void;
  setShipping(patch: Partial<ShippingState>): void;
  reset(): void;
}

const initial = {
  putaway: { draft: null, override: null, last: null, plate: null, lastPlate: null },
  picking: { progress: null, skipped: [], confirmShort: null },
  packing: { orderId: null, tote: null, carton: [], choose: null, cartonId: null, last: null },
  shipping: { orderId: null, last: null },
} satisfies Pick<FloorState, 'putaway' | 'picking' | 'packing' | 'shipping'>;

/** Where each floor workflow stands on this device (not facts: those are events). */
export const useFloor = create<FloorState>()((set) => ({
  ...initial,
  setPutaway: (patch) => set((s) => ({ putaway: { ...s.putaway, ...patch } })),
  setPicking: (patch) => set((s) => ({ picking: { ...s.picking, ...patch } })),
  setPacking: (patch) => set((s) => ({ packing: { ...s.packing, ...patch } })),
  setShipping: (patch) => set((s) => ({ shipping: { ...s.shipping, ...patch } })),
  reset: () => set(initial),
}));
