import { describe, expect, it } from 'vitest';
import { parsePoke } from '../../../renderer/sync/resync-stream';

describe('server pokes', () => {
  it.each([
    ['RESYNC', null],
    ['RESYNC balances,receipts', ['balances', 'receipts']],
    ['RESYNC event_outcomes', ['event_outcomes']],
    // A collection this version does not know (a newer server): pull everything.
    ['RESYNC balances,returns', null],
    ['RESYNC ', null],
    ['hello', undefined],
    ['RESYNCED', undefined],
  ])('%j -> %j', (data, expected) => {
    expect(parsePoke(data)).toEqual(expected);
  });
});
