import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import { PULL_COLLECTIONS, type PullCollection } from '../../shared/schemas/docs';
import { IsoDateTime, Uuid } from '../../shared/schemas/common';
import type { DeviceEvent } from '../../shared/schemas/events';
import { DOC_SCHEMAS, type PulledDocs } from './doc-schemas';

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

/** Ids are uuids except a balance's `${locationId}|${itemId}|${lot}|${status}` (two uuids, a lot of up to 20, a status). */
const ID_LENGTH: Partial<Record<PullCollection, number>> = { balances: 2 * UUID_LENGTH + 20 + 40 };

export const PULLED_SCHEMAS = Object.fromEntries(
  PULL_COLLECTIONS.map((name) => [name, fromZod(DOC_SCHEMAS[name], ID_LENGTH[name] ?? UUID_LENGTH)]),
) as { [K in PullCollection]: RxJsonSchema<Stored<PulledDocs[K]>> };

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
