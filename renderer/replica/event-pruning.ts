import type { DeviceEvent } from '../../shared/schemas/events';

/** How long the device keeps its own events after the server answered them (the outcome view looks back this far). */
export const KEEP_ANSWERED_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The device's events that can go: the server has applied them (their
 * outcome is pulled) and they are older than the keep window. Pending
 * events (no outcome yet) are never pruned: they are the queue.
 */
export function prunableEvents(
  events: ReadonlyMap<string, Pick<DeviceEvent, 'id' | 'occurredAt'>>,
  outcomes: ReadonlyMap<string, unknown>,
  now: Date,
  keepMs = KEEP_ANSWERED_MS,
): string[] {
  const before = now.getTime() - keepMs;
  const out: string[] = [];
  for (const e of events.values()) if (outcomes.has(e.id) && Date.parse(e.occurredAt) < before) out.push(e.id);
  return out;
}

/**
 * What the push replication should send: the device's events, never the
 * removal of one it pruned locally (the server keeps its copy for good).
 */
export function rowsToPush<T extends { newDocumentState: { _deleted?: boolean } }>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.newDocumentState._deleted !== true);
}
