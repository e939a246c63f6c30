import type { EventOf } from '../schemas/events';
import { noEffects, type Effects } from './effects';
import { balanceKey, issueValue, type Movement } from './ledger';
import { takeFromPlates } from './licence-plates';
import { describeReasons, type ExceptionReason } from './reasons';
import { valuationKey, type LedgerState, type OrderState } from './state';

function withExceptions(effects: Effects, reasons: ExceptionReason[]): Effects {
  const [first] = reasons;
  if (first === undefined) return effects;
  return { ...effects, status: 'exception', reasons, exceptions: [{ kind: first, reason: describeReasons(reasons) }] };
}

const move = (ev: { warehouseId: string; id: string }, locationId: string, itemId: string, lot: string | null, status: Movement['status'], qty: number, value = 0): Movement => ({
  warehouseId: ev.warehouseId,
  locationId,
  itemId,
  lot,
  expiry: null,
  status,
  qty,
  value,
  cause: ev.id,
});

function onHand(state: LedgerState, warehouseId: string, locationId: string, itemId: string, lot: string | null, status: Movement['status']): number {
  return state.balances.get(balanceKey({ warehouseId, locationId, itemId, lot, status }))?.qty ?? 0;
}

function updateLine(order: OrderState | undefined, lineNo: number, change: (l: OrderState['lines'][number]) => OrderState['lines'][number], status?: string): OrderState[] {
  if (!order) return [];
  return [{ ...order, status: status ?? order.status, lines: order.lines.map((l) => (l.lineNo === lineNo ? change(l) : l)) }];
}

/** Put-away: dock to bin (or any move inside the warehouse). Value does not change; the books may be short, never the record. */
export function decidePutaway(state: LedgerState, ev: EventOf<'putaway.moved'>): Effects {
  const p = ev.payload;
  const reasons: ExceptionReason[] = [];
  if (state.locations.get(p.fromLocationId) !== ev.warehouseId || state.locations.get(p.toLocationId) !== ev.warehouseId) {
    return withExceptions(noEffects(), ['unknown_location']);
  }
  if (!state.items.has(p.itemId)) return withExceptions(noEffects(), ['unknown_item']);
  if (onHand(state, ev.warehouseId, p.fromLocationId, p.itemId, p.lot, 'available') < p.qty) reasons.push('stock_not_found');
  // Loose units first, then off the licence plates at the source (a plate never claims more than is there).
  const out = takeFromPlates(state, ev, { locationId: p.fromLocationId, itemId: p.itemId, lot: p.lot, qty: p.qty });
  return withExceptions({ ...noEffects(), movements: [...out.movements, move(ev, p.toLocationId, p.itemId, p.lot, 'available', p.qty)], plates: out.plates }, reasons);
}

/** A pick moves allocated units from the bin to the staging area (still allocated to the order). */
export function decidePick(state: LedgerState, ev: EventOf<'pick.picked'>): Effects {
  const p = ev.payload;
  const task = state.tasks.get(p.taskId);
  const staging = state.staging.get(ev.warehouseId);
  if (!task || task.warehouseId !== ev.warehouseId || !staging) return withExceptions(noEffects(), ['unknown_task']);
  const reasons: ExceptionReason[] = [];
  if (task.status !== 'open') reasons.push('task_closed');
  if (p.locationId !== task.locationId) reasons.push('wrong_location');
  if (p.itemId !== task.itemId) reasons.push('wrong_item');
  if (task.qtyPicked + p.qty > task.qty) reasons.push('pick_over');
  // What the picker physically took is a fact: it moves, whatever the task said. Only the right
  // item from the right place counts toward the task; anything else travels as unallocated stock.
  const matches = p.locationId === task.locationId && p.itemId === task.itemId && p.lot === task.lot;
  const status = matches ? 'allocated' : 'available';
  if (onHand(state, ev.warehouseId, p.locationId, p.itemId, p.lot, status) < p.qty) reasons.push('stock_not_found');
  const movements = [move(ev, p.locationId, p.itemId, p.lot, status, -p.qty), move(ev, staging, p.itemId, p.lot, status, p.qty)];
  if (!matches) return withExceptions({ ...noEffects(), movements }, reasons);
  const qtyPicked = task.qtyPicked + p.qty;
  return withExceptions(
    {
      ...noEffects(),
      movements,
      tasks: [{ ...task, qtyPicked, tote: p.tote, status: qtyPicked >= task.qty ? 'picked' : task.status }],
      orders: updateLine(state.orders.get(task.orderId), task.lineNo, (l) => ({ ...l, qtyPicked: l.qtyPicked + p.qty })),
    },
    reasons,
  );
}

/**
 * A short pick: the units are not in the bin. They leave the order's
 * allocation and wait in quarantine at the bin until a count settles them;
 * the order asks for allocation again (another bin, or a backorder).
 */
export function decideShort(state: LedgerState, ev: EventOf<'pick.short'>): Effects {
  const p = ev.payload;
  const task = state.tasks.get(p.taskId);
  if (!task || task.warehouseId !== ev.warehouseId) return withExceptions(noEffects(), ['unknown_task']);
  const short = Math.min(p.qtyShort, task.qty - task.qtyPicked);
  const effects: Effects = {
    ...noEffects(),
    movements: short > 0 ? [move(ev, task.locationId, task.itemId, task.lot, 'allocated', -short), move(ev, task.locationId, task.itemId, task.lot, 'quarantine', short)] : [],
    tasks: [{ ...task, status: 'short' }],
    orders: updateLine(state.orders.get(task.orderId), task.lineNo, (l) => ({ ...l, qtyAllocated: l.qtyAllocated - short })),
    reallocate: [task.orderId],
  };
  return withExceptions(effects, ['pick_short']);
}

/** Closing a carton: checked against what was picked for the order and not yet packed. */
export function decidePack(state: LedgerState, ev: EventOf<'pack.carton_closed'>): Effects {
  const p = ev.payload;
  const order = state.orders.get(p.orderId);
  if (!order) return withExceptions(noEffects(), ['unknown_order']);
  const packed = new Map<string, number>();
  for (const c of state.cartons.values()) {
    if (c.orderId !== p.orderId || c.id === p.cartonId) continue;
    for (const l of c.lines) packed.set(l.itemId, (packed.get(l.itemId) ?? 0) + l.qty);
  }
  const picked = new Map<string, number>();
  for (const l of order.lines) if (l.itemId) picked.set(l.itemId, (picked.get(l.itemId) ?? 0) + l.qtyPicked);
  const inCarton = new Map<string, number>();
  for (const l of p.lines) inCarton.set(l.itemId, (inCarton.get(l.itemId) ?? 0) + l.qty);
  const mismatch = [...inCarton].some(([item, q]) => q + (packed.get(item) ?? 0) > (picked.get(item) ?? 0));
  return withExceptions(
    {
      ...noEffects(),
      cartons: [{ id: p.cartonId, warehouseId: ev.warehouseId, orderId: p.orderId, lines: p.lines, weightGrams: p.weightGrams, status: 'closed' }],
      orders: [{ ...order, status: 'packed' }],
    },
    mismatch ? ['pack_mismatch'] : [],
  );
}

/** Shipping: the cartons leave; stock leaves the books at moving-average cost. A partial shipment leaves the order open. */
export function decideShip(state: LedgerState, ev: EventOf<'ship.confirmed'>): Effects {
  const p = ev.payload;
  const order = state.orders.get(p.orderId);
  const staging = state.staging.get(ev.warehouseId);
  if (!order || !staging) return withExceptions(noEffects(), ['unknown_order']);
  const reasons: ExceptionReason[] = [];
  const cartons = p.cartonIds.map((id) => state.cartons.get(id));
  if (cartons.some((c) => !c || c.orderId !== p.orderId)) reasons.push('unknown_carton');
  if (cartons.some((c) => c?.status === 'shipped')) reasons.push('carton_shipped');
  const shipping = cartons.filter((c): c is NonNullable<typeof c> => c !== undefined && c.orderId === p.orderId && c.status === 'closed');

  const movements: Movement[] = [];
  const valuations = new Map<string, { qty: number; value: number }>();
  const shippedByItem = new Map<string, number>();
  for (const l of shipping.flatMap((c) => c.lines)) {
    const vKey = valuationKey(ev.warehouseId, l.itemId);
    const v = valuations.get(vKey) ?? { ...(state.valuations.get(vKey) ?? { qty: 0, value: 0 }) };
    const value = issueValue(v, l.qty);
    v.qty -= l.qty;
    v.value -= value;
    valuations.set(vKey, v);
    movements.push(move(ev, staging, l.itemId, l.lot, 'allocated', -l.qty, -value));
    shippedByItem.set(l.itemId, (shippedByItem.get(l.itemId) ?? 0) + l.qty);
  }
  const lines = order.lines.map((l) => {
    if (!l.itemId) return l;
    const left = shippedByItem.get(l.itemId) ?? 0;
    const n = Math.min(left, l.qtyPicked - l.qtyShipped);
    shippedByItem.set(l.itemId, left - n);
    return { ...l, qtyShipped: l.qtyShipped + n };
  });
  // Shipped only when nothing is left: units re-allocated after a short pick go out in a later shipment.
  const allocatedLeft = lines.some((l) => l.itemId !== null && l.qtyShipped < l.qtyAllocated);
  const unallocatedLeft = lines.some((l) => l.itemId !== null && l.qtyAllocated < l.qty);
  const status = allocatedLeft ? 'picking' : unallocatedLeft ? 'backordered' : 'shipped';
  return withExceptions(
    {
      ...noEffects(),
      movements,
      cartons: shipping.map((c) => ({ ...c, status: 'shipped' as const })),
      orders: [{ ...order, status, lines }],
    },
    reasons,
  );
}
