import type { LedgerState, PickTaskState } from '../../shared/domain/state';
import type { PickTaskDoc, WaveDoc } from '../../shared/schemas/docs';
import { PickPickedEvent, PickShortEvent, type EventOf } from '../../shared/schemas/events';
import type { Stored } from '../db/rx-schemas';
import { eventBase, isLotTracked, issuesText, readFloorScan, reject, type FloorReject, type FloorScanContext } from './scan';

/** One stop of the picker's path: a task as the optimistic view has it, with its place in the wave. */
export interface PickStop {
  task: PickTaskState;
  waveId: string;
  waveNumber: string;
  sequence: number;
  remaining: number;
}

/**
 * The picking list: open tasks of the warehouse, grouped by wave (earliest
 * carrier cut-off first) and in path order (`sequence`) within each wave.
 * Status and quantity come from the optimistic view, so a pick made here a
 * moment ago is already off the list, synced or not.
 */
export function pickList(
  state: Pick<LedgerState, 'tasks'>,
  docs: { pick_tasks: ReadonlyMap<string, Stored<PickTaskDoc>>; waves: ReadonlyMap<string, Stored<WaveDoc>> },
  warehouseId: string,
): PickStop[] {
  const stops: (PickStop & { cutoff: string })[] = [];
  for (const doc of docs.pick_tasks.values()) {
    if (doc.warehouseId !== warehouseId) continue;
    const task = state.tasks.get(doc.id) ?? doc;
    if (task.status !== 'open') continue;
    const wave = docs.waves.get(doc.waveId);
    stops.push({
      task,
      waveId: doc.waveId,
      waveNumber: wave?.number ?? '',
      cutoff: wave?.cutoff ?? '',
      sequence: doc.sequence,
      remaining: Math.max(0, task.qty - task.qtyPicked),
    });
  }
  stops.sort((a, b) => a.cutoff.localeCompare(b.cutoff) || a.waveNumber.localeCompare(b.waveNumber) || a.sequence - b.sequence);
  return stops.map(({ cutoff: _cutoff, ...s }) => s);
}

/** Where the picker is at the current stop: bin, then item, then lot (tracked items), then quantity and tote. */
export type PickStep = 'bin' | 'item' | 'lot' | 'tote';

export interface PickProgress {
  taskId: string;
  step: PickStep;
  /** Lot confirmed at the item or lot step. */
  lot: string | null;
  /** Quantity the tote scan will record (prefilled with what is left; the picker may lower it). */
  qty: number;
}

export const startProgress = (stop: PickStop): PickProgress => ({ taskId: stop.task.id, step: 'bin', lot: null, qty: stop.remaining });

export type PickDecision =
  | { kind: 'advance'; progress: PickProgress; what: 'bin' | 'item' | 'lot' }
  | { kind: 'pick'; event: EventOf<'pick.picked'> }
  | FloorReject;

export interface PickContext extends FloorScanContext {
  stop: PickStop | undefined;
  progress: PickProgress | undefined;
}

/**
 * One scan at the current stop. Wrong bin, wrong item and wrong lot are
 * refused here with the reason, so nothing is written for them; the right
 * sequence ends with the tote scan, which yields the `pick.picked` event.
 */
export function interpretPickScan(raw: string, ctx: PickContext): PickDecision {
  const { stop } = ctx;
  if (!stop) return reject('no_task');
  const progress = ctx.progress?.taskId === stop.task.id ? ctx.progress : startProgress(stop);
  const task = stop.task;
  const scan = readFloorScan(raw, ctx);
  if (scan.kind === 'reject') return scan;
  const binCode = ctx.locations.get(task.locationId)?.code ?? '';
  const expectedItem = ctx.items.get(task.itemId);
  const expectedName = expectedItem?.name ?? '';

  switch (scan.kind) {
    case 'location':
      if (!scan.location) return reject('unknown_location', { code: scan.barcode });
      if (scan.location.id !== task.locationId) return reject('wrong_bin', { code: scan.location.code, expected: binCode });
      // Re-scanning the right bin is harmless: back to the item.
      return { kind: 'advance', progress: { ...progress, step: 'item', lot: null }, what: 'bin' };
    case 'item': {
      if (progress.step === 'bin') return reject('scan_bin_first', { expected: binCode });
      if (!scan.item) return reject('unknown_item', { code: scan.code });
      if (scan.item.id !== task.itemId) return reject('wrong_item', { name: scan.item.name, expected: expectedName, code: binCode });
      const needsLot = task.lot !== null && isLotTracked(scan.item);
      if (scan.lot !== null && task.lot !== null && scan.lot !== task.lot) return reject('wrong_lot', { lot: scan.lot, expected: task.lot });
      const qty = clampQty(progress.qty, stop.remaining);
      if (needsLot && scan.lot === null) return { kind: 'advance', progress: { ...progress, step: 'lot', lot: null, qty }, what: 'item' };
      return { kind: 'advance', progress: { ...progress, step: 'tote', lot: task.lot, qty }, what: 'item' };
    }
    case 'lot-only':
      if (progress.step !== 'lot') return reject(progress.step === 'bin' ? 'scan_bin_first' : 'scan_item_first', { expected: binCode });
      return enterLot(scan.lot, { ...ctx, progress });
    case 'tote':
      if (progress.step === 'bin') return reject('scan_bin_first', { expected: binCode });
      if (progress.step === 'item') return reject('scan_item_first', { expected: expectedName });
      if (progress.step === 'lot') return reject('scan_lot', { expected: task.lot ?? '' });
      return pickEvent(ctx, stop, progress, scan.barcode);
    default:
      return reject('wrong_barcode', { code: 'barcode' in scan ? scan.barcode : raw });
  }
}

/** The picker typed (or scanned) the lot of a tracked item. */
export function enterLot(lot: string, ctx: PickContext): PickDecision {
  const { stop, progress } = ctx;
  if (!stop || !progress || progress.taskId !== stop.task.id) return reject('no_task');
  if (progress.step !== 'lot') return reject('scan_item_first', { expected: ctx.items.get(stop.task.itemId)?.name ?? '' });
  const typed = lot.trim().toUpperCase();
  const expected = (stop.task.lot ?? '').toUpperCase();
  if (typed !== expected) return reject('wrong_lot', { lot: lot.trim(), expected: stop.task.lot ?? '' });
  return { kind: 'advance', progress: { ...progress, step: 'tote', lot: stop.task.lot }, what: 'lot' };
}

function clampQty(qty: number, remaining: number): number {
  return Number.isInteger(qty) && qty > 0 && qty <= remaining ? qty : remaining;
}

function pickEvent(ctx: PickContext, stop: PickStop, progress: PickProgress, tote: string): PickDecision {
  if (!Number.isInteger(progress.qty) || progress.qty <= 0) return reject('bad_qty', { qty: String(progress.qty) });
  if (progress.qty > stop.remaining) return reject('pick_over', { qty: progress.qty, remaining: stop.remaining });
  const parsed = PickPickedEvent.safeParse({
    ...eventBase(ctx),
    type: 'pick.picked',
    payload: { taskId: stop.task.id, locationId: stop.task.locationId, itemId: stop.task.itemId, lot: progress.lot, qty: progress.qty, tote },
  });
  if (!parsed.success) return reject('invalid', { code: issuesText(parsed.error.issues) });
  return { kind: 'pick', event: parsed.data };
}

/** What is left at the stop is not there: a short pick of the rest (the server raises a count and re-allocates). */
export function shortEvent(ctx: Pick<FloorScanContext, 'actor' | 'now' | 'newId'>, stop: PickStop, note: string): EventOf<'pick.short'> | FloorReject {
  if (stop.remaining <= 0) return reject('no_task');
  const parsed = PickShortEvent.safeParse({
    ...eventBase(ctx),
    type: 'pick.short',
    payload: {
      taskId: stop.task.id,
      locationId: stop.task.locationId,
      itemId: stop.task.itemId,
      lot: stop.task.lot,
      qtyShort: stop.remaining,
      note: note.trim() === '' ? null : note.trim().slice(0, 200),
    },
  });
  if (!parsed.success) return reject('invalid', { code: issuesText(parsed.error.issues) });
  return parsed.data;
}
