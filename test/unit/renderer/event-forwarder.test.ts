import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../shared/schemas/events';
import type { Journal } from '../../../renderer/db/scan-journal';
import { EventForwarder } from '../../../renderer/replica/event-forwarder';

const event = (n: number): DeviceEvent =>
  ({
    id: `0193a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    type: 'receipt.line_scanned',
    schemaVersion: 1,
    warehouseId: '0193a000-0000-7000-8000-000000000001',
    deviceId: '0193a000-0000-7000-8000-000000000002',
    userId: '0193a000-0000-7000-8000-000000000003',
    occurredAt: '2026-11-22T10:00:00.000Z',
    payload: {},
  }) as unknown as DeviceEvent;

function memoryJournal() {
  const entries = new Map<string, DeviceEvent>();
  let failPut: Error | null = null;
  const journal: Journal = {
    put: async (e) => {
      if (failPut) throw failPut;
      entries.set(e.id, e);
    },
    all: async () => [...entries.values()],
    remove: async (ids) => {
      for (const id of ids) entries.delete(id);
    },
  };
  return { journal, entries, failPuts: (err: Error | null) => (failPut = err) };
}

/** RxDB's events store as far as forwarding sees it: writes in order, an id already there is a no-op. */
function rxEvents() {
  const stored: string[] = [];
  let failures = 0;
  return {
    stored,
    failNext: (n: number) => (failures = n),
    write: async (events: readonly DeviceEvent[]) => {
      if (failures > 0) {
        failures--;
        throw new Error('QuotaExceededError');
      }
      for (const e of events) if (!stored.includes(e.id)) stored.push(e.id);
    },
  };
}

describe('scan journal forwarding', () => {
  it('confirms once the journal holds the event, then moves it to RxDB in scan order and trims the journal', async () => {
    const j = memoryJournal();
    const rx = rxEvents();
    const fwd = new EventForwarder(j.journal, rx.write);
    for (let i = 1; i <= 5; i++) {
      await fwd.append(event(i));
      // Durable in the journal the moment the scan is confirmed.
      expect(j.entries.has(event(i).id)).toBe(true);
    }
    await fwd.settle();
    expect(rx.stored).toEqual([1, 2, 3, 4, 5].map((i) => event(i).id));
    expect(j.entries.size).toBe(0);
  });

  it('a scan whose journal write fails is not confirmed and never reaches RxDB', async () => {
    const j = memoryJournal();
    const rx = rxEvents();
    const fwd = new EventForwarder(j.journal, rx.write);
    j.failPuts(new DOMException('full', 'QuotaExceededError'));
    await expect(fwd.append(event(1))).rejects.toThrow('full');
    await fwd.settle();
    expect(rx.stored).toEqual([]);
  });

  it('keeps events in the journal while RxDB cannot take them, and retries without losing or reordering any', async () => {
    const j = memoryJournal();
    const rx = rxEvents();
    const problems: unknown[] = [];
    const fwd = new EventForwarder(j.journal, rx.write, (err) => problems.push(err));
    rx.failNext(1);
    await fwd.append(event(1));
    await fwd.settle();
    expect(problems).toHaveLength(1);
    expect(j.entries.has(event(1).id)).toBe(true);
    await fwd.append(event(2));
    await fwd.settle();
    expect(rx.stored).toEqual([event(1).id, event(2).id]);
    expect(j.entries.size).toBe(0);
  });

  it('after a crash between journal and RxDB, start-up moves what the journal holds, once, in id order', async () => {
    const j = memoryJournal();
    const rx = rxEvents();
    // The tab died after confirming scans 3 and 4; scan 3 had already reached RxDB.
    j.entries.set(event(4).id, event(4));
    j.entries.set(event(3).id, event(3));
    rx.stored.push(event(3).id);
    const fwd = new EventForwarder(j.journal, rx.write);
    expect(await fwd.recover()).toBe(2);
    expect(rx.stored).toEqual([event(3).id, event(4).id]);
    expect(j.entries.size).toBe(0);
    expect(await fwd.recover()).toBe(0);
  });
});
