import { uuidv7 } from 'uuidv7';
import { buildApp, type App } from '../../sync-server/app';
import type { DeviceEvent, EventDoc, PushResult } from '../../shared/schemas/events';
import { EVENT_SCHEMA_VERSION } from '../../shared/schemas/events';
import type { ReceiptLineScannedPayload } from '../../shared/schemas/events';
import { createTestDatabase, type TestDatabase } from './databases';
import { makeUser } from './factories';

export interface TestServer extends TestDatabase {
  app: App;
  url: string;
  close(): Promise<void>;
}

/** A real server on a real port, over PGlite or a throwaway PostgreSQL database. */
export async function startTestServer(kind: 'pglite' | 'postgres'): Promise<TestServer> {
  const database = await createTestDatabase(kind);
  const app = await buildApp({ db: database.db, jwtSecret: 'test-secret-test-secret-test-secret' });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    ...database,
    app,
    url: address,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export interface Session {
  token: string;
  userId: string;
  deviceId: string | null;
  warehouseId: string | null;
}

export async function api<T = unknown>(
  server: { url: string },
  path: string,
  init: { method?: string; token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Creates a user with the roles, logs in, and (with a warehouse) enrols a device. */
export async function sessionFor(server: TestServer, roles: string[], warehouseId?: string): Promise<Session> {
  const user = await makeUser(server.db, roles);
  const login = await api<{ token: string; user: { id: string } }>(server, '/api/auth/login', {
    body: { username: user.username, password: user.password },
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  if (!warehouseId) return { token: login.body.token, userId: user.id, deviceId: null, warehouseId: null };
  const enrol = await api<{ token: string; device: { id: string } }>(server, '/api/devices/enrol', {
    token: login.body.token,
    body: { name: `handheld ${user.username}`, warehouseId },
  });
  if (enrol.status !== 200) throw new Error(`enrol failed: ${enrol.status} ${JSON.stringify(enrol.body)}`);
  return { token: enrol.body.token, userId: user.id, deviceId: enrol.body.device.id, warehouseId };
}

const BASE_TIME = Date.parse('2026-11-20T08:00:00.000Z');
let tick = 0;

export function lineScanned(
  s: Session,
  p: Partial<ReceiptLineScannedPayload> & Pick<ReceiptLineScannedPayload, 'receiptId' | 'itemId'>,
): DeviceEvent {
  if (!s.deviceId || !s.warehouseId) throw new Error('session has no device');
  return {
    id: uuidv7(),
    type: 'receipt.line_scanned',
    schemaVersion: EVENT_SCHEMA_VERSION,
    warehouseId: s.warehouseId,
    deviceId: s.deviceId,
    userId: s.userId,
    occurredAt: new Date(BASE_TIME + ++tick * 1000).toISOString(),
    payload: {
      poId: null,
      asnId: null,
      barcode: '',
      qty: 1,
      uom: 'EA',
      lot: null,
      expiry: null,
      serials: [],
      condition: 'good',
      locationId: null,
      ...p,
    },
  };
}

export function receiptClosed(s: Session, receiptId: string, poId: string | null, asnId: string | null = null): DeviceEvent {
  if (!s.deviceId || !s.warehouseId) throw new Error('session has no device');
  return {
    id: uuidv7(),
    type: 'receipt.closed',
    schemaVersion: EVENT_SCHEMA_VERSION,
    warehouseId: s.warehouseId,
    deviceId: s.deviceId,
    userId: s.userId,
    occurredAt: new Date(BASE_TIME + ++tick * 1000).toISOString(),
    payload: { receiptId, poId, asnId, note: null },
  };
}

/** Any device event of this session, with a fresh id and a ticking clock. */
export function deviceEvent<T extends DeviceEvent['type']>(s: Session, type: T, payload: Extract<DeviceEvent, { type: T }>['payload']): DeviceEvent {
  if (!s.deviceId || !s.warehouseId) throw new Error('session has no device');
  return {
    id: uuidv7(),
    type,
    schemaVersion: EVENT_SCHEMA_VERSION,
    warehouseId: s.warehouseId,
    deviceId: s.deviceId,
    userId: s.userId,
    occurredAt: new Date(BASE_TIME + ++tick * 1000).toISOString(),
    payload,
  } as DeviceEvent;
}

export const rows = (events: readonly DeviceEvent[]) =>
  events.map((e) => ({ newDocumentState: { ...e, _deleted: false } as EventDoc, assumedMasterState: null }));

export function push(server: { url: string }, s: Session, events: readonly DeviceEvent[]) {
  return api<PushResult>(server, '/sync/events/push', { token: s.token, body: rows(events) });
}

export async function pullAll<T = Record<string, unknown>>(server: { url: string }, s: Session, collection: string, limit = 500): Promise<T[]> {
  const docs: T[] = [];
  let checkpoint = '';
  for (;;) {
    const res = await api<{ documents: T[]; checkpoint: { seq: number } }>(
      server,
      `/sync/${collection}/pull?checkpoint=${checkpoint}&limit=${limit}`,
      { token: s.token },
    );
    if (res.status !== 200) throw new Error(`pull ${collection}: ${res.status} ${JSON.stringify(res.body)}`);
    docs.push(...res.body.documents);
    if (res.body.documents.length < limit) return docs;
    checkpoint = String(res.body.checkpoint.seq);
  }
}

export { uuidv7 };

/** A valid channel order for `POST /api/orders/import`: captured payment for the lines' total, a complete address. */
export function webOrder(externalId: string, lines: { sku: string; qty: number; unitPrice: number }[], placedAt = '2026-11-20T08:00:00Z') {
  const amount = lines.reduce((n, l) => n + l.qty * l.unitPrice, 0);
  return {
    channel: 'web',
    externalId,
    placedAt,
    customer: { email: `${externalId.toLowerCase()}@example.com`, name: externalId },
    shipTo: { name: externalId, line1: '1 Way', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    lines,
    shipping: { method: 'ground', price: 0 },
    payment: { status: 'captured' as const, amount },
  };
}
