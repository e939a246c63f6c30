import { uuidv7 } from 'uuidv7';
import type { DeviceEvent } from '../../shared/schemas/events';
import { makeItem, makePurchaseOrder, makeWarehouse } from '../support/factories';
import { api, lineScanned, receiptClosed, rows, sessionFor, startTestServer } from '../support/server';

export interface ServerApplyResult {
  bench: 'server_apply';
  database: 'pglite' | 'postgres';
  events: number;
  batchSize: number;
  seconds: number;
  eventsPerSecond: number;
  /** Bare multi-row INSERT, same batch size, one transaction per batch: the strict floor. */
  bareInsertRowsPerSecond: number;
  ratio: number;
  /** Bare INSERT statements, one per row, one transaction per batch. */
  bareRowInsertRowsPerSecond: number;
  ratioToRowInserts: number;
}

/**
 * Receiving events pushed over HTTP exactly as devices push them (zod
 * validation, idempotency check, ledger, balances, documents, audit chain),
 * against two baselines writing as many rows into a plain table, one
 * transaction per batch of the same size: a bare multi-row INSERT (the
 * strict floor) and bare single-row INSERT statements.
 */
export async function benchServerApply(kind: 'pglite' | 'postgres', totalEvents = 20_000, batchSize = 500): Promise<ServerApplyResult> {
  const server = await startTestServer(kind);
  try {
    const wh = await makeWarehouse(server.db, { bins: 20 });
    const items = [];
    for (let i = 0; i < 200; i++) items.push(await makeItem(server.db, { caseOf: i % 3 === 0 ? 12 : undefined }));
    const pos = [];
    for (let p = 0; p < 20; p++) {
      pos.push(await makePurchaseOrder(server.db, wh.id, items.slice(p * 10, p * 10 + 10).map((it) => ({ itemId: it.id, qty: 1000 }))));
    }
    const device = await sessionFor(server, ['associate'], wh.id);

    const events: DeviceEvent[] = [];
    const receipts = pos.map((po) => ({ po, id: uuidv7() }));
    for (let i = 0; events.length < totalEvents; i++) {
      const r = receipts[i % receipts.length];
      if (!r) throw new Error('no receipt');
      const line = r.po.lines[i % r.po.lines.length];
      if (!line) throw new Error('no line');
      events.push(
        i % 1000 === 999
          ? receiptClosed(device, r.id, r.po.id)
          : lineScanned(device, { receiptId: r.id, poId: r.po.id, itemId: line.itemId, qty: 1 + (i % 4), barcode: 'bench' }),
      );
    }
    const batches: DeviceEvent[][] = [];
    for (let i = 0; i < events.length; i += batchSize) batches.push(events.slice(i, i + batchSize));

    // Warm-up outside the clock: JIT, connection pool, plan cache.
    await api(server, '/sync/events/push', { token: device.token, body: rows(batches[0] ?? []) });
    const started = performance.now();
    for (const batch of batches.slice(1)) {
      const res = await api(server, '/sync/events/push', { token: device.token, body: rows(batch) });
      if (res.status !== 200) throw new Error(`push failed: ${res.status}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const applied = events.length - (batches[0]?.length ?? 0);

    await server.db.exec('CREATE TABLE bench_bare (id uuid PRIMARY KEY, body jsonb NOT NULL)');
    const bareRows = events.map((e) => ({ id: uuidv7(), body: e }));
    const bareStart = performance.now();
    for (let i = 0; i < bareRows.length; i += batchSize) {
      await server.db.transaction((tx) =>
        tx.query('INSERT INTO bench_bare (id, body) SELECT id, body FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, body jsonb)', [
          JSON.stringify(bareRows.slice(i, i + batchSize)),
        ]),
      );
    }
    const bareSeconds = (performance.now() - bareStart) / 1000;
    await server.db.exec('CREATE TABLE bench_bare_rows (id uuid PRIMARY KEY, body jsonb NOT NULL)');
    const rowRows = events.map((e) => ({ id: uuidv7(), body: JSON.stringify(e) }));
    const rowStart = performance.now();
    for (let i = 0; i < rowRows.length; i += batchSize) {
      await server.db.transaction(async (tx) => {
        for (const r of rowRows.slice(i, i + batchSize)) await tx.query('INSERT INTO bench_bare_rows (id, body) VALUES ($1, $2)', [r.id, r.body]);
      });
    }
    const rowSeconds = (performance.now() - rowStart) / 1000;
    const eventsPerSecond = applied / seconds;
    const bareInsertRowsPerSecond = bareRows.length / bareSeconds;
    const bareRowInsertRowsPerSecond = rowRows.length / rowSeconds;
    return {
      bench: 'server_apply',
      database: kind,
      events: applied,
      batchSize,
      seconds: round(seconds),
      eventsPerSecond: Math.round(eventsPerSecond),
      bareInsertRowsPerSecond: Math.round(bareInsertRowsPerSecond),
      ratio: round(eventsPerSecond / bareInsertRowsPerSecond),
      bareRowInsertRowsPerSecond: Math.round(bareRowInsertRowsPerSecond),
      ratioToRowInserts: round(eventsPerSecond / bareRowInsertRowsPerSecond),
    };
  } finally {
    await server.close();
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
