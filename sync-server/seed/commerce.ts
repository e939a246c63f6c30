import type { Sql } from '../db/types';

/**
 * The demo tenant's sales side: list prices (a markup on cost), three
 * channels, marketplace SKUs (single units and 6-packs), B2B accounts with
 * credit limits, and a marketplace reserve on a few fast movers in WH1.
 */
export async function writeCommerce(tx: Sql): Promise<void> {
  await tx.query(`UPDATE items SET list_price = standard_cost * 9 / 5`);
  await tx.query(
    `UPDATE warehouses w SET address = a.address FROM (VALUES
       ('WH1', '{"name":"DockScan Central DC","line1":"4100 Logistics Pkwy","city":"Columbus","region":"OH","postalCode":"43217","country":"US"}'::jsonb),
       ('WH2', '{"name":"DockScan East DC","line1":"88 Harbor Rd","city":"Newark","region":"NJ","postalCode":"07114","country":"US"}'::jsonb),
       ('ST1', '{"name":"DockScan Downtown","line1":"12 Market St","city":"Columbus","region":"OH","postalCode":"43215","country":"US"}'::jsonb)
     ) AS a(code, address) WHERE w.code = a.code`,
  );
  await tx.query(`INSERT INTO channels (code, name, order_prefix) VALUES ('web', 'Web shop', 'WEB'), ('amazon', 'Amazon marketplace', 'AMZ'), ('b2b', 'B2B portal', 'B2B')`);
  await tx.query(
    `INSERT INTO channel_skus (channel, channel_sku, item_id, factor)
     SELECT 'amazon', 'AMZ-' || sku, id, 1 FROM items WHERE active AND sku <= 'SKU-000500'
     UNION ALL
     SELECT 'amazon', 'AMZ-' || sku || '-6PK', id, 6 FROM items WHERE active AND sku <= 'SKU-000050'`,
  );
  await tx.query(
    `INSERT INTO b2b_accounts (code, name, credit_limit, open_balance) VALUES
       ('ACME', 'Acme Industrial Supply', 5000000, 1250000),
       ('GLOBEX', 'Globex Retail', 1000000, 940000),
       ('INITECH', 'Initech Facilities', 250000, 0)`,
  );
  await tx.query(
    `INSERT INTO channel_reserves (warehouse_id, item_id, channel, qty)
     SELECT w.id, i.id, 'amazon', 5 FROM warehouses w CROSS JOIN items i
     WHERE w.code = 'WH1' AND i.active AND i.sku <= 'SKU-000020'`,
  );
  await tx.query(
    `INSERT INTO stock_policies (warehouse_id, item_id, safety_stock)
     SELECT w.id, i.id, 2 FROM warehouses w CROSS JOIN items i
     WHERE w.kind = 'warehouse' AND i.active AND i.sku <= 'SKU-000100'`,
  );
}
