import type { CartonState, LedgerState, OrderLineState, OrderState, PickTaskState, PlateState } from '../../shared/domain/state';
import type { DeviceEvent } from '../../shared/schemas/events';
import type { MirrorDocs } from '../replica/mirror';

type FloorDocs = Pick<MirrorDocs, 'pick_tasks' | 'locations' | 'events' | 'event_outcomes' | 'cartons' | 'licence_plates'>;

/**
 * The floor's slice of the server state as a device knows it, for the
 * optimistic view: pick tasks as pulled, each warehouse's staging area (the
 * first on the path, as the server chooses it), orders as far as their pick
 * tasks tell, and the warehouse's cartons as pulled (packed on any device),
 * with this device's own answered pack/ship events on top until the
 * server's copy of the carton arrives.
 * Pending events are folded on top by the view, through the shared reducers.
 */
export function floorServerState(docs: FloorDocs): Pick<LedgerState, 'tasks' | 'staging' | 'orders' | 'cartons' | 'plates'> {
  const tasks = new Map<string, PickTaskState>(docs.pick_tasks);

  const staging = new Map<string, string>();
  const stagingSeq = new Map<string, number>();
  for (const l of docs.locations.values()) {
    if (l.kind !== 'staging') continue;
    const seq = stagingSeq.get(l.warehouseId);
    if (seq === undefined || l.pathSeq < seq) {
      staging.set(l.warehouseId, l.id);
      stagingSeq.set(l.warehouseId, l.pathSeq);
    }
  }

  const cartons = new Map<string, CartonState>();
  const shippedOrders = new Set<string>();
  for (const c of docs.cartons.values()) {
    cartons.set(c.id, { id: c.id, warehouseId: c.warehouseId, orderId: c.orderId, lines: c.lines, weightGrams: c.weightGrams, status: c.status });
    if (c.status === 'shipped') shippedOrders.add(c.orderId);
  }
  const answered = [...docs.events.values()].filter((e) => docs.event_outcomes.has(e.id)).sort(byId);
  for (const ev of answered) {
    if (ev.type === 'pack.carton_closed') {
      // The pulled carton is the server's word; this device's own event only fills the gap until it arrives.
      if (cartons.has(ev.payload.cartonId)) continue;
      const p = ev.payload;
      cartons.set(p.cartonId, { id: p.cartonId, warehouseId: ev.warehouseId, orderId: p.orderId, lines: p.lines, weightGrams: p.weightGrams, status: 'closed' });
    } else if (ev.type === 'ship.confirmed') {
      for (const id of ev.payload.cartonIds) {
        const c = cartons.get(id);
        if (c && c.orderId === ev.payload.orderId) cartons.set(id, { ...c, status: 'shipped' });
      }
      shippedOrders.add(ev.payload.orderId);
    }
  }

  const lines = new Map<string, Map<number, OrderLineState>>();
  for (const t of tasks.values()) {
    const byLine = lines.get(t.orderId) ?? new Map<number, OrderLineState>();
    const l = byLine.get(t.lineNo) ?? { lineNo: t.lineNo, itemId: t.itemId, qty: 0, qtyAllocated: 0, qtyPicked: 0, qtyShipped: 0 };
    const counted = t.status === 'short' ? t.qtyPicked : t.qty;
    byLine.set(t.lineNo, { ...l, qty: l.qty + counted, qtyAllocated: l.qtyAllocated + counted, qtyPicked: l.qtyPicked + t.qtyPicked });
    lines.set(t.orderId, byLine);
  }
  const shippedByOrder = new Map<string, Map<string, number>>();
  for (const c of cartons.values()) {
    if (c.status !== 'shipped') continue;
    const m = shippedByOrder.get(c.orderId) ?? new Map<string, number>();
    for (const l of c.lines) m.set(l.itemId, (m.get(l.itemId) ?? 0) + l.qty);
    shippedByOrder.set(c.orderId, m);
  }
  const orders = new Map<string, OrderState>();
  for (const [orderId, byLine] of lines) {
    const shipped = shippedByOrder.get(orderId) ?? new Map<string, number>();
    const orderLines = [...byLine.values()]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((l) => {
        const left = l.itemId ? (shipped.get(l.itemId) ?? 0) : 0;
        const n = Math.min(left, l.qtyPicked);
        if (l.itemId) shipped.set(l.itemId, left - n);
        return { ...l, qtyShipped: n };
      });
    const hasCarton = [...cartons.values()].some((c) => c.orderId === orderId);
    orders.set(orderId, { id: orderId, status: shippedOrders.has(orderId) ? 'shipped' : hasCarton ? 'packed' : 'picking', lines: orderLines });
  }
  return { tasks, staging, orders, cartons, plates: pulledPlates(docs) };
}

/** The warehouse's licence plates as pulled, by code (reducers replace plate entries, never edit them). */
function pulledPlates(docs: Pick<FloorDocs, 'licence_plates'>): Map<string, PlateState> {
  const plates = new Map<string, PlateState>();
  for (const p of docs.licence_plates.values()) {
    plates.set(p.code, { code: p.code, warehouseId: p.warehouseId, locationId: p.locationId, status: p.status, receiptId: p.receiptId, openedAt: p.openedAt, contents: p.contents });
  }
  return plates;
}

const byId = (a: DeviceEvent, b: DeviceEvent): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
