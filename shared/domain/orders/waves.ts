import type { Reservation } from './allocate';

export interface WaveOrder {
  orderId: string;
  /** Carrier cut-off for the order's shipping method, ISO timestamp. */
  cutoff: string;
  carrier: string;
  /** `ref` is the caller's id for the reservation; each pick task carries it. */
  reservations: readonly (Pick<Reservation, 'lineNo' | 'itemId' | 'locationId' | 'zone' | 'pathSeq' | 'lot' | 'qty'> & { ref: string })[];
}

export interface PickTaskPlan {
  ref: string;
  orderId: string;
  lineNo: number;
  itemId: string;
  locationId: string;
  zone: string;
  pathSeq: number;
  lot: string | null;
  qty: number;
  /** Position in the picker's walk. */
  sequence: number;
}

export interface WavePlan {
  cutoff: string;
  carrier: string;
  zone: string;
  orderIds: string[];
  tasks: PickTaskPlan[];
}

/** The zone an order is picked in: where most of its units are (ties: first on the path). */
function homeZone(o: WaveOrder): string {
  const units = new Map<string, { qty: number; first: number }>();
  for (const r of o.reservations) {
    const z = units.get(r.zone) ?? { qty: 0, first: r.pathSeq };
    z.qty += r.qty;
    z.first = Math.min(z.first, r.pathSeq);
    units.set(r.zone, z);
  }
  return [...units].sort(([, a], [, b]) => b.qty - a.qty || a.first - b.first)[0]?.[0] ?? '';
}

/**
 * Groups released, allocated orders into waves by carrier cut-off and zone
 * (earliest cut-off first), each with one pick list walked in path order.
 * Large groups are split so a wave stays one picker's cart.
 */
export function planWaves(orders: readonly WaveOrder[], maxOrdersPerWave = 40): WavePlan[] {
  const groups = new Map<string, WaveOrder[]>();
  for (const o of orders) {
    if (o.reservations.length === 0) continue;
    const key = `${o.cutoff}|${o.carrier}|${homeZone(o)}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const waves: WavePlan[] = [];
  for (const key of [...groups.keys()].sort()) {
    const members = groups.get(key) ?? [];
    const [cutoff = '', carrier = '', zone = ''] = key.split('|');
    for (let i = 0; i < members.length; i += maxOrdersPerWave) {
      const chunk = members.slice(i, i + maxOrdersPerWave);
      const tasks = chunk
        .flatMap((o) => o.reservations.map((r) => ({ ref: r.ref, orderId: o.orderId, lineNo: r.lineNo, itemId: r.itemId, locationId: r.locationId, zone: r.zone, pathSeq: r.pathSeq, lot: r.lot, qty: r.qty })))
        .sort((a, b) => a.pathSeq - b.pathSeq || a.orderId.localeCompare(b.orderId) || a.lineNo - b.lineNo)
        .map((t, sequence) => ({ ...t, sequence }));
      waves.push({ cutoff, carrier, zone, orderIds: chunk.map((o) => o.orderId), tasks });
    }
  }
  return waves;
}
