import { uuidv7 } from 'uuidv7';
import { orderNumber } from '../../shared/domain/orders/order-number';
import { evaluateHolds, orderTotal, type B2bAccount, type CatalogMatch, type ResolvedLine } from '../../shared/domain/orders/holds';
import { carrierCutoff, ImportOrder, type HoldReason, type ImportResult, type OrderRules } from '../../shared/schemas/orders';
import { appendAudit } from '../audit/chain';
import { bulkInsert, col, type BulkTable } from '../db/bulk';
import type { Db, Sql } from '../db/types';
import { allocateOrders } from './allocation';
import { recordTransitions, type Transition } from './history';
import { loadOrderRules } from './rules';

interface NewOrder {
  id: string;
  orderNumber: string;
  order: ImportOrder;
  holds: HoldReason[];
  lines: ResolvedLine[];
  total: number;
  carrier: string;
  cutoff: string;
}

const ORDERS: BulkTable<NewOrder> = {
  table: 'orders',
  replicated: false,
  columns: [
    col('id', 'uuid', (o) => o.id),
    col('channel', 'text', (o) => o.order.channel),
    col('external_id', 'text', (o) => o.order.externalId),
    col('order_number', 'text', (o) => o.orderNumber),
    col('placed_at', 'timestamptz', (o) => o.order.placedAt),
    col('customer', 'jsonb', (o) => o.order.customer),
    col('ship_to', 'jsonb', (o) => o.order.shipTo),
    col('shipping', 'jsonb', (o) => o.order.shipping),
    col('payment', 'jsonb', (o) => o.order.payment),
    col('fraud_score', 'real', (o) => o.order.fraudScore ?? null),
    col('b2b_account', 'text', (o) => o.order.customer.b2bAccount ?? null),
    col('status', 'text', () => 'imported'),
    col('holds', 'text[]', (o) => o.holds),
    col('total', 'bigint', (o) => o.total),
    col('carrier', 'text', (o) => o.carrier),
    col('cutoff', 'timestamptz', (o) => o.cutoff),
  ],
};

const LINES: BulkTable<ResolvedLine & { orderId: string }> = {
  table: 'order_lines',
  replicated: false,
  columns: [
    col('order_id', 'uuid', (l) => l.orderId),
    col('line_no', 'integer', (l) => l.lineNo),
    col('sku', 'text', (l) => l.sku),
    col('channel_sku', 'text', (l) => l.channelSku),
    col('item_id', 'uuid', (l) => l.itemId),
    col('qty', 'integer', (l) => l.qty),
    col('unit_price', 'bigint', (l) => l.unitPrice),
    col('discount', 'bigint', (l) => l.discount),
    col('tax', 'bigint', (l) => l.tax),
    col('qty_backordered', 'integer', (l) => (l.itemId ? l.qty : 0)),
  ],
};

function describeIssues(err: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string[] {
  return err.issues.slice(0, 10).map((i) => `${i.path.map(String).join('.') || '(order)'}: ${i.message}`);
}

async function loadCatalog(tx: Sql, orders: readonly ImportOrder[]) {
  const skus = [...new Set(orders.flatMap((o) => o.lines.flatMap((l) => (l.sku ? [l.sku] : []))))];
  const pairs = orders.flatMap((o) => o.lines.flatMap((l) => (l.channelSku ? [[o.channel, l.channelSku] as const] : [])));
  const accounts = [...new Set(orders.flatMap((o) => (o.customer.b2bAccount ? [o.customer.b2bAccount] : [])))];
  const [items, channelSkus, accountRows] = [
    await tx.query<{ sku: string; id: string; listPrice: number }>(
      `SELECT sku, id, list_price AS "listPrice" FROM items WHERE sku = ANY($1::text[]) AND active AND NOT deleted`,
      [skus],
    ),
    await tx.query<{ channel: string; channelSku: string; id: string; factor: number; listPrice: number }>(
      `SELECT cs.channel, cs.channel_sku AS "channelSku", i.id, cs.factor, i.list_price AS "listPrice"
       FROM channel_skus cs JOIN unnest($1::text[], $2::text[]) AS k(c, s) ON cs.channel = k.c AND cs.channel_sku = k.s
       JOIN items i ON i.id = cs.item_id AND i.active AND NOT i.deleted`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    ),
    await tx.query<{ code: string; creditLimit: number; openBalance: number }>(
      `SELECT code, credit_limit AS "creditLimit", open_balance AS "openBalance" FROM b2b_accounts WHERE code = ANY($1::text[])`,
      [accounts],
    ),
  ];
  const bySku = new Map<string, CatalogMatch>(items.map((i) => [i.sku, { itemId: i.id, factor: 1, listPrice: i.listPrice }]));
  const byChannelSku = new Map<string, CatalogMatch>(channelSkus.map((c) => [`${c.channel}|${c.channelSku}`, { itemId: c.id, factor: c.factor, listPrice: c.listPrice }]));
  const accountMap = new Map<string, B2bAccount>(accountRows.map((a) => [a.code, { creditLimit: a.creditLimit, openBalance: a.openBalance }]));
  const prefixRows = await tx.query<{ code: string; prefix: string | null }>(`SELECT code, order_prefix AS prefix FROM channels WHERE code = ANY($1::text[])`, [
    [...new Set(orders.map((o) => o.channel))],
  ]);
  const prefixes = new Map(prefixRows.map((p) => [p.code, p.prefix]));
  return { bySku, byChannelSku, accountMap, prefixes };
}

async function existingKeys(tx: Sql, orders: readonly ImportOrder[]): Promise<Set<string>> {
  const rows = await tx.query<{ k: string }>(
    `SELECT o.channel || '|' || o.external_id AS k FROM orders o
     JOIN unnest($1::text[], $2::text[]) AS k(c, e) ON o.channel = k.c AND o.external_id = k.e`,
    [orders.map((o) => o.channel), orders.map((o) => o.externalId)],
  );
  return new Set(rows.map((r) => r.k));
}

/**
 * Imports a batch of channel orders in one transaction: each order is
 * validated on its own (a bad one is rejected with reasons, the rest
 * import), duplicates change nothing, rules decide holds, and released
 * orders are allocated at once. An order is never half-imported.
 */
export async function importOrders(db: Db, raw: readonly unknown[], userId: string, now: () => Date): Promise<ImportResult[]> {
  const at = now().toISOString();
  const rules: OrderRules = await loadOrderRules(db);
  const parsed = raw.map((r) => ImportOrder.safeParse(r));
  const valid = parsed.flatMap((p) => (p.success ? [p.data] : []));

  return db.writeTransaction(async (tx) => {
    const catalog = await loadCatalog(tx, valid);
    const existing = await existingKeys(tx, valid);
    const results: ImportResult[] = [];
    const created: NewOrder[] = [];
    const accountUse = new Map<string, number>();

    parsed.forEach((p, i) => {
      if (!p.success) {
        const ext = (raw[i] as { externalId?: unknown } | null)?.externalId;
        results.push({ externalId: typeof ext === 'string' ? ext : `#${i + 1}`, status: 'rejected', errors: describeIssues(p.error) });
        return;
      }
      const order = p.data;
      const key = `${order.channel}|${order.externalId}`;
      if (existing.has(key)) {
        results.push({ externalId: order.externalId, status: 'duplicate' });
        return;
      }
      existing.add(key);
      const code = order.customer.b2bAccount;
      const base = code === undefined ? undefined : (catalog.accountMap.get(code) ?? null);
      const account = base ? { ...base, openBalance: base.openBalance + (accountUse.get(code ?? '') ?? 0) } : base;
      const { holds, lines } = evaluateHolds(order, {
        rules,
        account,
        match: (l, channel) => (l.sku ? catalog.bySku.get(l.sku) : catalog.byChannelSku.get(`${channel}|${l.channelSku ?? ''}`)) ?? null,
      });
      const total = orderTotal(order);
      if (code && account && !holds.includes('credit_limit')) accountUse.set(code, (accountUse.get(code) ?? 0) + total);
      const { carrier, cutoff } = carrierCutoff(rules, order.shipping.method, at);
      const id = uuidv7();
      const number = orderNumber(order.channel, order.externalId, catalog.prefixes.get(order.channel) ?? null);
      created.push({ id, orderNumber: number, order, holds, lines, total, carrier, cutoff });
      results.push({ externalId: order.externalId, orderId: id, orderNumber: number, status: holds.length > 0 ? 'on_hold' : 'released', ...(holds.length > 0 ? { holds } : {}) });
    });

    await bulkInsert(tx, ORDERS, created);
    await bulkInsert(tx, LINES, created.flatMap((o) => o.lines.map((l) => ({ ...l, orderId: o.id }))));
    const transitions: Transition[] = created.flatMap((o): Transition[] => [
      { orderId: o.id, from: 'imported', to: 'validated', reason: null },
      { orderId: o.id, from: 'validated', to: o.holds.length > 0 ? 'on_hold' : 'released', reason: o.holds.length > 0 ? o.holds.join(',') : null },
    ]);
    await recordTransitions(tx, transitions, at, userId);
    for (const [code, used] of accountUse) {
      await tx.query('UPDATE b2b_accounts SET open_balance = open_balance + $2 WHERE code = $1', [code, used]);
    }

    const released = created.filter((o) => o.holds.length === 0).map((o) => o.id);
    const allocated = await allocateOrders(tx, released, rules, at, userId);
    for (const r of results) {
      if (r.orderId && allocated.get(r.orderId) === 'backordered') r.status = 'backordered';
    }
    await appendAudit(tx, [
      {
        at,
        userId,
        deviceId: null,
        warehouseId: null,
        action: 'orders.imported',
        subject: `import:${created[0]?.id ?? 'none'}`,
        data: { orders: created.map((o) => [o.id, o.order.channel, o.order.externalId, o.holds]), rejected: results.filter((r) => r.status === 'rejected').length },
      },
    ]);
    return results;
  });
}
