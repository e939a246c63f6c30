-- One schema for PGlite and PostgreSQL. Tables that grow with the business
-- are keyed by warehouse_id first so they can be distributed by warehouse.
-- Replicated tables carry `seq` (from repl_seq, handed out under the
-- replication advisory lock, see db/types.ts) and `deleted` (tombstone).

CREATE SEQUENCE repl_seq;

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL,
  -- NULL: every warehouse.
  warehouse_ids uuid[],
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE warehouses (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('warehouse', 'store')),
  dock_location_id uuid,
  seq bigint NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false
);
CREATE INDEX warehouses_seq ON warehouses (seq);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  warehouse_id uuid NOT NULL REFERENCES warehouses (id),
  name text NOT NULL,
  enrolled_by uuid NOT NULL REFERENCES users (id),
  enrolled_at timestamptz(3) NOT NULL DEFAULT now(),
  last_seen_at timestamptz(3)
);

CREATE TABLE locations (
  warehouse_id uuid NOT NULL REFERENCES warehouses (id),
  id uuid NOT NULL,
  code text NOT NULL,
  barcode text NOT NULL,
  kind text NOT NULL,
  zone text NOT NULL,
  path_seq integer NOT NULL,
  capacity integer,
  seq bigint NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (warehouse_id, id),
  UNIQUE (warehouse_id, code)
);
CREATE UNIQUE INDEX locations_id ON locations (id);
CREATE INDEX locations_seq ON locations (warehouse_id, seq);

CREATE TABLE items (
  id uuid PRIMARY KEY,
  sku text NOT NULL UNIQUE,
  name text NOT NULL,
  gtin text,
  base_uom text NOT NULL,
  uoms jsonb NOT NULL,
  tracking text NOT NULL CHECK (tracking IN ('none', 'lot', 'lot_expiry', 'serial')),
  standard_cost bigint NOT NULL,
  active boolean NOT NULL DEFAULT true,
  seq bigint NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false
);
CREATE INDEX items_seq ON items (seq);
CREATE INDEX items_gtin ON items (gtin);

CREATE TABLE suppliers (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  lead_time_days integer NOT NULL
);

CREATE TABLE purchase_orders (
  warehouse_id uuid NOT NULL REFERENCES warehouses (id),
  id uuid NOT NULL,
  number text NOT NULL UNIQUE,
  supplier_id uuid NOT NULL REFERENCES suppliers (id),
  status text NOT NULL,
  expected_at date,
  lines jsonb NOT NULL,
  seq bigint NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (warehouse_id, id)
);
CREATE UNIQUE INDEX purchase_orders_id ON purchase_orders (id);
CREATE INDEX purchase_orders_seq ON purchase_orders (warehouse_id, seq);

CREATE TABLE asns (
  warehouse_id uuid NOT NULL REFERENCES warehouses (id),
  id uuid NOT NULL,
  po_id uuid NOT NULL,
  number text NOT NULL UNIQUE,
  status text NOT NULL,
  ssccs text[] NOT NULL,
  lines jsonb NOT NULL,
  seq bigint NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (warehouse_id, id)
);
CREATE UNIQUE INDEX asns_id ON asns (id);
CREATE INDEX asns_seq ON asns (warehouse_id, seq);

CREATE TABLE receipts (
  warehouse_id uuid NOT NULL REFERENCES warehouses (id),
  id uuid NOT NULL,
  po_id uuid,
  asn_id uuid,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  lines jsonb NOT NULL,
  discrepancies jsonb NOT NULL,
  opened_at timestamptz(3) NOT NULL,
  closed_at timestamptz(3),
  seq bigint NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (warehouse_id, id)
);
CREATE INDEX receipts_seq ON receipts (warehouse_id, seq);

-- Every event a device pushed, exactly once, with the hash of its body so a
-- retry can be told from a forgery, and its outcome. The outcome columns are
-- what devices pull as `event_outcomes` (the event itself is device-written
-- and never rewritten; the outcome is a separate, server-owned document).
-- Idempotency is checked within the warehouse partition: a device can only
-- push events of the warehouse it is enrolled to.
CREATE TABLE events (
  warehouse_id uuid NOT NULL,
  id uuid NOT NULL,
  type text NOT NULL,
  schema_version integer NOT NULL,
  device_id uuid NOT NULL,
  user_id uuid NOT NULL,
  occurred_at timestamptz(3) NOT NULL,
  received_at timestamptz(3) NOT NULL DEFAULT now(),
  body jsonb NOT NULL,
  body_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'exception')),
  reason text,
  seq bigint NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (warehouse_id, id)
);
CREATE INDEX events_device_seq ON events (warehouse_id, device_id, seq);

CREATE TABLE movements (
  warehouse_id uuid NOT NULL,
  id uuid NOT NULL,
  location_id uuid NOT NULL,
  item_id uuid NOT NULL,
  lot text,
  expiry date,
  status text NOT NULL,
  qty bigint NOT NULL,
  value bigint NOT NULL,
  cause text NOT NULL,
  event_id uuid,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (warehouse_id, id)
);
CREATE INDEX movements_item ON movements (warehouse_id, item_id);

CREATE TABLE balances (
  warehouse_id uuid NOT NULL,
  id text NOT NULL,
  location_id uuid NOT NULL,
  item_id uuid NOT NULL,
  lot text,
  expiry date,
  status text NOT NULL,
  qty bigint NOT NULL,
  seq bigint NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (warehouse_id, id)
);
CREATE INDEX balances_seq ON balances (warehouse_id, seq);
CREATE INDEX balances_item ON balances (warehouse_id, item_id);

CREATE TABLE valuations (
  warehouse_id uuid NOT NULL,
  item_id uuid NOT NULL,
  qty bigint NOT NULL,
  value bigint NOT NULL,
  PRIMARY KEY (warehouse_id, item_id)
);

CREATE TABLE serials (
  warehouse_id uuid NOT NULL,
  item_id uuid NOT NULL,
  serial text NOT NULL,
  location_id uuid NOT NULL,
  status text NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (warehouse_id, item_id, serial)
);

CREATE TABLE exceptions (
  warehouse_id uuid NOT NULL,
  id uuid NOT NULL,
  event_id uuid,
  kind text NOT NULL,
  reason text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'resolved')),
  raised_at timestamptz(3) NOT NULL DEFAULT now(),
  resolved_at timestamptz(3),
  resolved_by uuid,
  resolution text,
  seq bigint NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (warehouse_id, id)
);
CREATE INDEX exceptions_seq ON exceptions (warehouse_id, seq);

-- Security alarms: a known event id pushed with a different body, and the like.
CREATE TABLE alarms (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  event_id uuid,
  device_id uuid,
  user_id uuid,
  detail jsonb NOT NULL,
  raised_at timestamptz(3) NOT NULL DEFAULT now()
);

-- Append-only, hash-chained audit log (guarantee 7).
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz(3) NOT NULL,
  user_id uuid,
  device_id uuid,
  warehouse_id uuid,
  action text NOT NULL,
  subject text NOT NULL,
  data jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Server settings that every instance shares (e.g. the token signing key).
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);

-- Events are facts: never edited or removed once applied.
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only';
END;
$$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_append_only();
