import { describe, expect, it } from 'vitest';
import { prunableEvents, rowsToPush, KEEP_ANSWERED_MS } from '../../../renderer/replica/event-pruning';

const now = new Date('2026-11-22T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const DAY = 24 * 60 * 60 * 1000;

describe('pruning the device\'s own events', () => {
  it('takes only events the server answered, and only past the keep window', () => {
    const events = new Map([
      ['old-answered', { id: 'old-answered', occurredAt: ago(KEEP_ANSWERED_MS + DAY) }],
      ['old-pending', { id: 'old-pending', occurredAt: ago(30 * DAY) }],
      ['new-answered', { id: 'new-answered', occurredAt: ago(DAY) }],
    ]);
    const outcomes = new Map([
      ['old-answered', {}],
      ['new-answered', {}],
    ]);
    // A month offline: the pending scan stays, it is the queue.
    expect(prunableEvents(events, outcomes, now)).toEqual(['old-answered']);
    expect(prunableEvents(events, new Map(), now)).toEqual([]);
  });

  it('never pushes the removal of a pruned event to the server', () => {
    const rows = [
      { newDocumentState: { id: 'a', _deleted: false } },
      { newDocumentState: { id: 'b', _deleted: true } },
      { newDocumentState: { id: 'c' } },
    ];
    expect(rowsToPush(rows).map((r) => r.newDocumentState.id)).toEqual(['a', 'c']);
  });
});
