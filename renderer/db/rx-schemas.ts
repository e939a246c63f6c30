import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import { PULL_COLLECTIONS, type PullCollection } from '../../shared/schemas/docs';
import { IsoDateTime, Uuid } from '../../shared/schemas/common';
import type { DeviceEvent } from '../../shared/schemas/events';
import { canonicalJson } from '../../shared/canonical-json';
import type { PageRecord } from '../replica/page-store';
import { DOC_SCHEMAS } from './doc-schemas';

/** A replicated document as RxDB stores it: RxDB keeps the tombstone flag itself. */
export type Stored<T> = T extends unknown ? Omit<T, '_deleted'> : never;

type JsonObjectSchema = { properties: Record<string, unknown>; required?: string[] };

/**
 * RxDB JSON schemas derived from the shared zod schemas (one schema, many
 * uses): RxDB only adds its primary key, the key's maxLength and a version.
 * `_deleted` is RxDB's own field, so it is left out.
 */
function fromZod<T>(schema: z.ZodType, idMaxLength: number): RxJsonSchema<Stored<T>> {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonObjectSchema;
  const { _deleted: _tombstone, ...properties } = json.properties;
  const rx = {
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: { ...properties, id: { type: 'string', maxLength: idMaxLength } },
    required: (json.required ?? []).filter((k) => k !== '_deleted'),
  };
  return rx as unknown as RxJsonSchema<Stored<T>>;
}

const UUID_LENGTH = 36;

/**
 * A hash of each pulled collection's document schema: stored with its pages,
 * so a new app version that changes a document's shape drops and re-pulls
 * that collection (page-store.ts) instead of failing to open the database.
 */
export const PULLED_SCHEMA_HASHES = Object.fromEntries(
  PULL_COLLECTIONS.map((name) => [name, hash(canonicalJson(z.toJSONSchema(DOC_SCHEMAS[name], { io: 'output', unrepresentable: 'any' })))]),
) as Record<PullCollection, string>;

/** cyrb53: a fast 53-bit string hash (not cryptographic: it tells schema versions apart). */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Pulled documents, stored a page at a time (renderer/replica/page-store.ts). */
export type PageDoc = PageRecord;
export const PAGES_SCHEMA: RxJsonSchema<PageDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 100 },
    collection: { type: 'string' },
    scope: { type: 'string' },
    schema: { type: 'string' },
    toSeq: { type: 'number' },
    count: { type: 'number' },
    body: { type: 'string' },
  },
  required: ['id', 'collection', 'scope', 'schema', 'toSeq', 'count', 'body'],
};

/**
 * The device's own facts. The payload is a union validated by zod before
 * every insert (DeviceEvent.parse), so RxDB stores it as an opaque object.
 */
const envelope = z.object({
  id: Uuid,
  type: z.string(),
  schemaVersion: z.number().int().positive(),
  warehouseId: Uuid,
  deviceId: Uuid,
  userId: Uuid,
  occurredAt: IsoDateTime,
  payload: z.object({}).loose(),
});
export const EVENTS_SCHEMA = fromZod<DeviceEvent>(envelope, UUID_LENGTH);
