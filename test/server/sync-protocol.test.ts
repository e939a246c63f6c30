import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { makeItem, makeWarehouse, type TestItem, type TestWarehouse } from '../support/factories';
import { api, lineScanned, pullAll, push, rows, sessionFor, startTestServer, uuidv7, type Session, type TestServer } from '../support/server';
import type { DeviceEvent } from '../../shared/schemas/events';

describe.each(DATABASE_KINDS)('sync protocol on %s', (kind) => {
  let server: TestServer;
  let wh: TestWarehouse;
  let device: Session;
  let item: TestItem;

  beforeAll(async () => {
    server = await startTestServer(kind);
    wh = await makeWarehouse(server.db);
    device = await sessionFor(server, ['associate'], wh.id);
    item = await makeItem(server.db);
  });
  afterAll(() => server.close());

  const onHand = async (itemId: string) => {
    const [row] = await server.db.query<{ qty: number | null; movements: number }>(
      `SELECT (SELECT sum(qty)::int8 FROM balances WHERE item_id = $1) AS qty, (SELECT count(*)::int8 FROM movements WHERE item_id = $1) AS movements`,
      [itemId],
    );
    return row;
  };

  it('answers health with the database in use', async () => {
    const res = await api(server, '/health');
    expect(res).toEqual({ status: 200, body: { status: 'ok', database: kind } });
  });

  describe('refuses what it must', () => {
    it('401 without a token, with a forged token, and for a wrong password', async () => {
      expect((await api(server, '/sync/items/pull')).status).toBe(401);
      expect((await api(server, '/sync/items/pull', { token: 'eyJhbGciOiJIUzI1NiJ9.e30.x' })).status).toBe(401);
      expect((await api(server, '/sync/events/push', { body: [] })).status).toBe(401);
      const login = await api<{ error: string }>(server, '/api/auth/login', { body: { username: 'nobody', password: 'nope' } });
      expect(login.status).toBe(401);
      expect(login.body.error).toBe('unauthorized');
    });

    it('403 for a role that may not sync and for a session without an enrolled device', async () => {
      const finance = await sessionFor(server, ['finance'], wh.id);
      expect((await api(server, '/sync/items/pull', { token: finance.token })).status).toBe(403);
      expect((await push(server, finance, [])).status).toBe(403);
      const noDevice = await sessionFor(server, ['associate']);
      expect((await api(server, '/sync/items/pull', { token: noDevice.token })).status).toBe(403);
      const associate = await sessionFor(server, ['associate']);
      const createUser = await api(server, '/api/users', {
        token: associate.token,
        body: { username: 'mallory', displayName: 'M', password: 'longenough', roles: ['admin'] },
      });
      expect(createUser.status).toBe(403);
    });

    it('403 when a device pushes events in the name of another device', async () => {
      const other = await sessionFor(server, ['associate'], wh.id);
      const ev = lineScanned(other, { receiptId: uuidv7(), itemId: item.id });
      const res = await push(server, device, [ev]);
      expect(res.status).toBe(403);
      expect(await server.db.query('SELECT 1 FROM events WHERE id = $1', [ev.id])).toHaveLength(0);
    });

    it('400 with the zod issues for a malformed batch, and nothing of it is applied', async () => {
      const good = lineScanned(device, { receiptId: uuidv7(), itemId: item.id });
      const bad = { ...lineScanned(device, { receiptId: uuidv7(), itemId: item.id }), payload: { qty: -3 } };
      const res = await api<{ error: string; message: string; issues: unknown[] }>(server, '/sync/events/push', {
        token: device.token,
        body: [...rows([good]), { newDocumentState: bad, assumedMasterState: null }],
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation');
      expect(res.body.issues.length).toBeGreaterThan(0);
      expect(await server.db.query('SELECT 1 FROM events WHERE id = $1', [good.id])).toHaveLength(0);
      const notJson = await api(server, '/sync/events/push', { token: device.token, body: '{"broken', headers: { 'content-type': 'application/json' } });
      expect(notJson.status).toBe(400);
    });

    it('426 for an app build older than the server accepts; the device keeps its queue', async () => {
      const ev = lineScanned(device, { receiptId: uuidv7(), itemId: item.id });
      const res = await api<{ error: string }>(server, '/sync/events/push', {
        token: device.token,
        body: rows([ev]),
        headers: { 'x-client-version': '0.0.9' },
      });
      expect(res.status).toBe(426);
      expect(res.body.error).toBe('client_outdated');
      expect(await server.db.query('SELECT 1 FROM events WHERE id = $1', [ev.id])).toHaveLength(0);
      const current = await api(server, '/sync/events/push', { token: device.token, body: rows([ev]), headers: { 'x-client-version': '0.1.0' } });
      expect(current.status).toBe(200);
    });
  });

  describe('applies every event exactly once', () => {
    it('a batch pushed three times is applied once', async () => {
      const it2 = await makeItem(server.db);
      const batch = Array.from({ length: 5 }, () => lineScanned(device, { receiptId: uuidv7(), itemId: it2.id, qty: 2 }));
      const first = await push(server, device, batch);
      const second = await push(server, device, batch);
      const third = await push(server, device, batch);
      expect(first.body.results.map((r) => r.status)).toEqual(Array(5).fill('applied'));
      expect(second.body.results.map((r) => r.status)).toEqual(Array(5).fill('duplicate'));
      expect(third.body.conflicts).toEqual([]);
      expect(await onHand(it2.id)).toEqual({ qty: 10, movements: 5 });
    });

    it('a push whose response was lost is applied once when the device retries', async () => {
      const it2 = await makeItem(server.db);
      const batch = [lineScanned(device, { receiptId: uuidv7(), itemId: it2.id, qty: 7 })];
      // Send the request and drop the connection before reading the answer, like a handheld leaving Wi-Fi.
      await new Promise<void>((resolve) => {
        const body = JSON.stringify(rows(batch));
        const req = http.request(`${server.url}/sync/events/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}`, 'content-length': Buffer.byteLength(body) },
        });
        req.on('error', () => resolve());
        req.end(body, () => setTimeout(() => (req.destroy(), resolve()), 5));
      });
      // The server may or may not have committed; the device cannot tell and retries.
      const retry = await push(server, device, batch);
      expect(retry.status).toBe(200);
      expect(['applied', 'duplicate']).toContain(retry.body.results[0]?.status);
      expect(await onHand(it2.id)).toEqual({ qty: 7, movements: 1 });
    });

    it('the same id with a different body is refused, kept as first written, and raised as an alarm', async () => {
      const original = lineScanned(device, { receiptId: uuidv7(), itemId: item.id, qty: 1 });
      await push(server, device, [original]);
      const forged: DeviceEvent = { ...original, payload: { ...original.payload, qty: 500 } } as DeviceEvent;
      const res = await push(server, device, [forged]);
      expect(res.status).toBe(200);
      expect(res.body.results[0]).toMatchObject({ status: 'refused', reason: 'event_body_mismatch' });
      expect(res.body.conflicts).toHaveLength(1);
      expect(res.body.conflicts[0]).toMatchObject({ id: original.id, payload: { qty: 1 } });
      const [stored] = await server.db.query<{ qty: string }>(`SELECT body->'payload'->>'qty' AS qty FROM events WHERE id = $1`, [original.id]);
      expect(stored?.qty).toBe('1');
      const alarms = await server.db.query('SELECT 1 FROM alarms WHERE event_id = $1', [original.id]);
      expect(alarms).toHaveLength(1);
    });

    it('ten devices pushing overlapping batches at once apply each event once', async () => {
      const it2 = await makeItem(server.db);
      const devices = await Promise.all(Array.from({ length: 10 }, () => sessionFor(server, ['associate'], wh.id)));
      // Each device has 20 events of its own; every device also re-sends its neighbour's (a relayed retry).
      const own = devices.map((d) => Array.from({ length: 20 }, () => lineScanned(d, { receiptId: uuidv7(), itemId: it2.id, qty: 1 })));
      const pushes = devices.flatMap((d, i) => {
        const mine = own[i] ?? [];
        return [push(server, d, mine.slice(0, 12)), push(server, d, mine.slice(6)), push(server, d, mine)];
      });
      const results = await Promise.all(pushes);
      expect(results.every((r) => r.status === 200)).toBe(true);
      const applied = results.flatMap((r) => r.body.results).filter((r) => r.status === 'applied');
      expect(applied).toHaveLength(200);
      expect(new Set(applied.map((a) => a.id)).size).toBe(200);
      expect(await onHand(it2.id)).toEqual({ qty: 200, movements: 200 });
    });
  });

  describe('pull', () => {
    it('pages through a collection in server order with a checkpoint and sees tombstones', async () => {
      const all = await pullAll<{ id: string; seq: number; _deleted: boolean }>(server, device, 'items', 3);
      const seqs = all.map((d) => d.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
      await server.db.writeTransaction((tx) => tx.query(`UPDATE items SET deleted = true, seq = nextval('repl_seq') WHERE id = $1`, [item.id]));
      const last = seqs[seqs.length - 1] ?? 0;
      const after = await api<{ documents: { id: string; _deleted: boolean }[] }>(server, `/sync/items/pull?checkpoint=${last}&limit=10`, {
        token: device.token,
      });
      expect(after.body.documents).toEqual([expect.objectContaining({ id: item.id, _deleted: true })]);
      await server.db.writeTransaction((tx) => tx.query(`UPDATE items SET deleted = false, seq = nextval('repl_seq') WHERE id = $1`, [item.id]));
    });

    it('tells a new device how many documents remain, for its progress bar', async () => {
      const all = await pullAll(server, device, 'locations');
      const first = await api<{ documents: unknown[]; remaining: number }>(server, '/sync/locations/pull?limit=2&remaining=1', { token: device.token });
      expect(first.body.documents).toHaveLength(2);
      expect(first.body.remaining).toBe(all.length - 2);
      const plain = await api<{ remaining?: number }>(server, '/sync/locations/pull?limit=2', { token: device.token });
      expect(plain.body.remaining).toBeUndefined();
    });

    it('scopes warehouse documents to the device’s warehouse', async () => {
      const other = await makeWarehouse(server.db);
      const locs = await pullAll<{ warehouseId: string }>(server, device, 'locations');
      expect(locs.length).toBeGreaterThan(0);
      expect(locs.every((l) => l.warehouseId === wh.id)).toBe(true);
      expect(locs.some((l) => l.warehouseId === other.id)).toBe(false);
    });

    it('400 for an unknown collection or a bad checkpoint', async () => {
      expect((await api(server, '/sync/salaries/pull', { token: device.token })).status).toBe(400);
      expect((await api(server, '/sync/items/pull?checkpoint=abc', { token: device.token })).status).toBe(400);
    });

    it('never skips a row while transactions commit out of order', async () => {
      const it2 = await makeItem(server.db);
      const start = await api<{ checkpoint: { seq: number } }>(server, '/sync/balances/pull?limit=5000', { token: device.token });
      let checkpoint = start.body.checkpoint.seq;
      const seen = new Set<string>();
      const expected = new Set<string>();
      let writing = true;
      // A slow writer holds its transaction open while fast writers queue behind it and a device keeps pulling.
      const slow = server.db.writeTransaction(async (tx) => {
        await tx.query(
          `INSERT INTO balances (warehouse_id, id, location_id, item_id, status, qty, seq) VALUES ($1, 'slow', $2, $3, 'available', 1, nextval('repl_seq'))`,
          [wh.id, wh.dockId, it2.id],
        );
        await new Promise((r) => setTimeout(r, 400));
      });
      expected.add('slow');
      const fast = Array.from({ length: 8 }, async (_, i) => {
        await new Promise((r) => setTimeout(r, 20 * i));
        const ev = lineScanned(device, { receiptId: uuidv7(), itemId: it2.id, locationId: wh.binIds[i % wh.binIds.length] ?? null });
        await push(server, device, [ev]);
      });
      for (const b of wh.binIds) expected.add(`${b}|${it2.id}||available`);
      const puller = (async () => {
        while (writing) {
          const res = await api<{ documents: { id: string }[]; checkpoint: { seq: number } }>(
            server,
            `/sync/balances/pull?checkpoint=${checkpoint}&limit=50`,
            { token: device.token },
          );
          for (const d of res.body.documents) seen.add(d.id);
          checkpoint = res.body.checkpoint.seq;
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      await Promise.all([slow, ...fast]);
      writing = false;
      await puller;
      const final = await api<{ documents: { id: string }[] }>(server, `/sync/balances/pull?checkpoint=${checkpoint}&limit=5000`, { token: device.token });
      for (const d of final.body.documents) seen.add(d.id);
      for (const id of expected) expect(seen).toContain(id);
    });
  });

  it('pokes connected devices over server-sent events after a commit, naming the collections that changed for them', async () => {
    const controller = new AbortController();
    /** A device's poke stream, read as it arrives. */
    const listen = async (token: string) => {
      const res = await fetch(`${server.url}/sync/stream?token=${encodeURIComponent(token)}`, { signal: controller.signal });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body?.getReader();
      if (!reader) throw new Error('no stream');
      const decoder = new TextDecoder();
      const stream = { text: '' };
      const readUntil = async (count: number) => {
        while ((stream.text.match(/data: RESYNC/g) ?? []).length < count) {
          const chunk = await reader.read();
          if (chunk.done) break;
          stream.text += decoder.decode(chunk.value);
        }
      };
      await readUntil(1); // the poke on connect: pull everything
      expect(stream.text).toMatch(/data: RESYNC\n/);
      return { readUntil, named: () => new Set(/data: RESYNC (\S+)\n/.exec(stream.text)?.[1]?.split(',')) };
    };
    const scanner = await listen(device.token);
    // Another device of the same warehouse (their streams share the warehouse-wide lookups).
    const neighbour = await listen((await sessionFor(server, ['associate'], wh.id)).token);
    await push(server, device, [lineScanned(device, { receiptId: uuidv7(), itemId: item.id })]);
    await Promise.all([scanner.readUntil(2), neighbour.readUntil(2)]);
    // The scan's outcome and what it changed in this warehouse; nothing it did not touch.
    const named = scanner.named();
    expect(named).toContain('event_outcomes');
    expect(named).toContain('receipts');
    expect(named).toContain('balances');
    expect(named).not.toContain('items');
    expect(named).not.toContain('locations');
    // The neighbour pulls the warehouse's new state, not the scanning device's own outcomes.
    const theirs = neighbour.named();
    expect(theirs).toContain('receipts');
    expect(theirs).toContain('balances');
    expect(theirs).not.toContain('event_outcomes');
    controller.abort();
    const unauth = await fetch(`${server.url}/sync/stream`);
    expect(unauth.status).toBe(401);
  });

  it('keeps a hash-chained audit log that shows tampering', async () => {
    const admin = await sessionFor(server, ['admin']);
    const ok = await api<{ ok: boolean; entries: number; events: number }>(server, '/api/audit/verify', { token: admin.token });
    expect(ok.body.ok).toBe(true);
    expect(ok.body.entries).toBeGreaterThan(10);
    expect(ok.body.events).toBeGreaterThan(200);

    // Rewriting a stored scan (say, to hide a shortage) is caught against the chain.
    const [victim] = await server.db.query<{ id: string }>(`SELECT id FROM events ORDER BY id LIMIT 1`);
    await expect(server.db.query(`DELETE FROM events WHERE id = $1`, [victim?.id ?? ''])).rejects.toThrow(/append-only/);
    await server.db.exec(`ALTER TABLE events DISABLE TRIGGER events_no_update;
      UPDATE events SET body = jsonb_set(body, '{payload,qty}', '999') WHERE id = '${victim?.id ?? ''}';
      ALTER TABLE events ENABLE TRIGGER events_no_update;`);
    const edited = await api<{ ok: boolean; tamperedEvent: string }>(server, '/api/audit/verify', { token: admin.token });
    expect(edited.body).toMatchObject({ ok: false, tamperedEvent: victim?.id });

    await expect(server.db.query(`UPDATE audit_log SET action = 'x' WHERE seq = 3`)).rejects.toThrow(/append-only/);
    // Someone with superuser rights goes around the trigger; the chain still tells.
    await server.db.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET data = '{"type":"forged"}' WHERE seq = 3;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    const broken = await api<{ ok: boolean; brokenAt: number }>(server, '/api/audit/verify', { token: admin.token });
    expect(broken.body).toMatchObject({ ok: false, brokenAt: 3 });
  });
});
