import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';
import type { DeviceEvent } from '../../shared/schemas/events';

/** SHA-256 of the event's canonical JSON: equal facts hash equal, whatever key order they came in. */
export function eventHash(ev: DeviceEvent): string {
  return createHash('sha256').update(canonicalJson(ev)).digest('hex');
}
