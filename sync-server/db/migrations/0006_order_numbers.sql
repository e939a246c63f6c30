-- Channel order numbers on the floor, and order status replicated to devices.

-- The order number as the business knows it: the channel's prefix, "-", the
-- channel's own id (WEB-100234, AMZ-113-…). Fixed at import.
ALTER TABLE channels ADD COLUMN order_prefix text;
UPDATE channels SET order_prefix = CASE code WHEN 'amazon' THEN 'AMZ' ELSE upper(code) END WHERE order_prefix IS NULL;

ALTER TABLE orders ADD COLUMN order_number text;
UPDATE orders o SET order_number = coalesce((SELECT c.order_prefix FROM channels c WHERE c.code = o.channel), upper(o.channel)) || '-' || o.external_id;
ALTER TABLE orders ALTER COLUMN order_number SET NOT NULL;
-- Not unique: two channels may share a prefix; the screen lists every match.
CREATE INDEX orders_number ON orders (upper(order_number));

-- Copied onto the replicated floor documents when they are written, so a pull
-- stays a plain range scan of one table (no join per page).
ALTER TABLE pick_tasks ADD COLUMN order_number text NOT NULL DEFAULT '';
ALTER TABLE pick_tasks ADD COLUMN ship_to_name text NOT NULL DEFAULT '';
ALTER TABLE waves ADD COLUMN order_numbers text[] NOT NULL DEFAULT '{}';
ALTER TABLE cartons ADD COLUMN order_number text NOT NULL DEFAULT '';
ALTER TABLE cartons ADD COLUMN ship_to_name text NOT NULL DEFAULT '';

-- Existing rows get their numbers and a new seq, so a device past them pulls them again.
UPDATE pick_tasks t SET order_number = o.order_number, ship_to_name = coalesce(o.ship_to->>'name', ''), seq = nextval('repl_seq'), updated_at = now()
FROM orders o WHERE o.id = t.order_id;
UPDATE cartons c SET order_number = o.order_number, ship_to_name = coalesce(o.ship_to->>'name', ''), seq = nextval('repl_seq'), updated_at = now()
FROM orders o WHERE o.id = c.order_id;
UPDATE waves w SET order_numbers = ARRAY(
    SELECT coalesce(o.order_number, '') FROM unnest(w.order_ids) WITH ORDINALITY AS u(id, n) LEFT JOIN orders o ON o.id = u.id ORDER BY u.n
  ), seq = nextval('repl_seq'), updated_at = now();

-- One document per order and warehouse it is allocated in: where the order
-- stands, for a device offline. Written (with a new seq) by refresh_order_status
-- whenever anything it shows changes; a tombstone once nothing of the order is
-- allocated in that warehouse any more.
CREATE TABLE order_status (
  warehouse_id uuid NOT NULL,
  order_id uuid NOT NULL,
  order_number text NOT NULL,
  channel text NOT NULL,
  customer_name text NOT NULL,
  ship_to_name text NOT NULL,
  placed_at timestamptz(3) NOT NULL,
  status text NOT NULL,
  holds text[] NOT NULL,
  carrier text,
  cutoff timestamptz(3),
  lines integer NOT NULL,
  lines_picked integer NOT NULL,
  lines_packed integer NOT NULL,
  lines_shipped integer NOT NULL,
  seq bigint NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (warehouse_id, order_id)
);
CREATE INDEX order_status_seq ON order_status (warehouse_id, seq);
CREATE INDEX order_status_order ON order_status (order_id);

-- Recomputes the order_status documents of the given orders from the orders,
-- their reservations and cartons, and gives a new seq to those that changed.
-- One definition for the write path and the backfill below. Callers hold the
-- replication lock (Db.writeTransaction): seq is handed out in commit order.
--
-- Per warehouse, an order line counts when units of it are reserved there
-- (reservations not released); it is picked when all of them are picked,
-- shipped when all have shipped, and packed when the order's cartons in that
-- warehouse hold the line's units (lines of one item fill in line order).
CREATE FUNCTION refresh_order_status(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO order_status AS s (warehouse_id, order_id, order_number, channel, customer_name, ship_to_name, placed_at, status, holds,
                                 carrier, cutoff, lines, lines_picked, lines_packed, lines_shipped, deleted, seq, updated_at)
  SELECT k.warehouse_id, o.id, o.order_number, o.channel, coalesce(o.customer->>'name', ''), coalesce(o.ship_to->>'name', ''),
         o.placed_at, o.status, o.holds, o.carrier, o.cutoff, k.lines, k.lines_picked, k.lines_packed, k.lines_shipped,
         k.lines = 0, nextval('repl_seq'), now()
  FROM (
    SELECT l.warehouse_id, l.order_id,
           count(*) FILTER (WHERE l.need > 0)::int AS lines,
           count(*) FILTER (WHERE l.need > 0 AND l.picked >= l.need)::int AS lines_picked,
           count(*) FILTER (WHERE l.need > 0 AND (l.shipped >= l.need OR coalesce(p.qty, 0) >= l.need_upto))::int AS lines_packed,
           count(*) FILTER (WHERE l.need > 0 AND l.shipped >= l.need)::int AS lines_shipped
    FROM (
      SELECT r.warehouse_id, r.order_id, r.line_no, r.item_id,
             coalesce(sum(r.qty) FILTER (WHERE r.status <> 'released'), 0) AS need,
             coalesce(sum(r.qty) FILTER (WHERE r.status IN ('picked', 'shipped')), 0) AS picked,
             coalesce(sum(r.qty) FILTER (WHERE r.status = 'shipped'), 0) AS shipped,
             sum(coalesce(sum(r.qty) FILTER (WHERE r.status <> 'released'), 0))
               OVER (PARTITION BY r.warehouse_id, r.order_id, r.item_id ORDER BY r.line_no) AS need_upto
      FROM reservations r
      WHERE r.order_id = ANY(ids)
      GROUP BY r.warehouse_id, r.order_id, r.line_no, r.item_id
    ) l
    LEFT JOIN LATERAL (
      SELECT sum((x->>'qty')::int) AS qty
      FROM cartons c, jsonb_array_elements(c.lines) x
      WHERE c.order_id = l.order_id AND c.warehouse_id = l.warehouse_id AND (x->>'itemId')::uuid = l.item_id
    ) p ON true
    GROUP BY l.warehouse_id, l.order_id
    -- Documents whose order lost every reservation in their warehouse (re-allocated elsewhere): tombstones.
    UNION ALL
    SELECT d.warehouse_id, d.order_id, 0, 0, 0, 0
    FROM order_status d
    WHERE d.order_id = ANY(ids)
      AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.order_id = d.order_id AND r.warehouse_id = d.warehouse_id)
  ) k
  JOIN orders o ON o.id = k.order_id
  ON CONFLICT (warehouse_id, order_id) DO UPDATE SET
    order_number = EXCLUDED.order_number, customer_name = EXCLUDED.customer_name, ship_to_name = EXCLUDED.ship_to_name,
    status = EXCLUDED.status, holds = EXCLUDED.holds, carrier = EXCLUDED.carrier, cutoff = EXCLUDED.cutoff,
    lines = EXCLUDED.lines, lines_picked = EXCLUDED.lines_picked, lines_packed = EXCLUDED.lines_packed,
    lines_shipped = EXCLUDED.lines_shipped, deleted = EXCLUDED.deleted, seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at
  WHERE (s.order_number, s.customer_name, s.ship_to_name, s.status, s.holds, s.carrier, s.cutoff,
         s.lines, s.lines_picked, s.lines_packed, s.lines_shipped, s.deleted)
    IS DISTINCT FROM
        (EXCLUDED.order_number, EXCLUDED.customer_name, EXCLUDED.ship_to_name, EXCLUDED.status, EXCLUDED.holds, EXCLUDED.carrier,
         EXCLUDED.cutoff, EXCLUDED.lines, EXCLUDED.lines_picked, EXCLUDED.lines_packed, EXCLUDED.lines_shipped, EXCLUDED.deleted);
$$;

SELECT refresh_order_status(ARRAY(SELECT DISTINCT order_id FROM reservations));
