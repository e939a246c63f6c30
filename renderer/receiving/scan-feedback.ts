import type { Effects } from '../../shared/domain/effects';
import type { FlashKind } from '../stores/feedback-store';
import type { LineProgress } from './line-progress';

/** A flash as translation keys; the service translates (keeps this pure and testable). */
export interface FlashSpec {
  kind: FlashKind;
  title: string;
  /** Keys of the sentences that explain it, in order. */
  details: string[];
  params: Record<string, string | number>;
}

/**
 * How a recorded line is announced: amber when the server will raise an
 * exception (quarantine), when the item was not expected, or when it pushes
 * the line over what was expected; green otherwise. The fact is recorded
 * either way (guarantee 4): the colour tells the operator to look.
 */
export function lineFeedback(
  effects: Effects,
  after: LineProgress | undefined,
  what: { name: string; qty: number; uom: string },
): FlashSpec {
  const base = { ...what, received: after?.received ?? 0, expected: after?.expected ?? 0 };
  if (effects.status === 'exception') {
    return { kind: 'warning', title: 'flash.quarantine', details: effects.reasons.map((r) => `reasons.${r}`), params: base };
  }
  if (!after || after.state === 'unexpected') return { kind: 'warning', title: 'flash.unexpected', details: ['flash.unexpectedDetail'], params: base };
  if (after.state === 'over') {
    return { kind: 'warning', title: 'flash.over', details: ['flash.overDetail'], params: { ...base, over: after.received - (after.expected ?? 0) } };
  }
  return { kind: 'accepted', title: 'flash.accepted', details: [after.state === 'complete' ? 'flash.lineComplete' : 'flash.progress'], params: base };
}
