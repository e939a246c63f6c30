-- Orders, allocation and waves (ERP core). Rules are data in `settings`.

ALTER TABLE items ADD COLUMN list_price bigint NOT NULL DEFAULT 0;

CREATE TABLE channels (
  code text PRIMARY KEY,
  name text NOT NULL
);

-- A channel's own SKU for one of our items, in a pack of `factor` base units.
CREATE TABLE channel_skus (
  channel text NOT NULL REFERENCES channels (code),
  channel_sku text NOT NULL,
  item_id uuid NOT NULL REFERENCES items (id),
  factor integer NOT NULL CHECK (factor > 0),
  PRIMARY KEY (channel, channel_sku)
);

CREATE TABLE b2b_accounts (
  code text PRIMARY KEY,
  name text NOT NULL,
  credit_limit bigint NOT NULL,
  open_balance bigint NOT NULL DEFAULT 0
);

CREATE TABLE stock_policies (
  warehouse_id uuid NOT NULL,
  item_id uuid NOT NULL,
  safety_stock integer NOT NULL DEFAULT 0,
  PRIMARY KEY (warehouse_id, item_id)
);

-- Units held back for one channel: other channels cannot allocate them.
CREATE TABLE channel_reserves (
  warehouse_id uuid NOT NULL,
  item_id uuid NOT NULL,
  channel text NOT NULL,
  qty integer NOT NULL CHECK (qty >= 0),
  PRIMARY KEY (warehouse_id, item_id, channel)
);

CREATE TABLE orders (
  id uuid PRIMARY KEY,
  channel text NOT NULL,
  external_id text NOT NULL,
  placed_at timestamptz(3) NOT NULL,
  customer jsonb NOT NULL,
  ship_to jsonb NOT NULL,
  shipping jsonb NOT NULL,
  payment jsonb NOT NULL,
  fraud_score real,
  b2b_account text,
  status text NOT NULL,
  holds text[] NOT NULL DEFAULT '{}',
  total bigint NOT NULL,
  carrier text,
  cutoff timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (channel, external_id)
);
CREATE INDEX orders_status ON orders (status);

CREATE TABLE order_lines (
  order_id uuid NOT NULL REFERENCES orders (id),
  line_no integer NOT NULL,
  sku text,
  channel_sku text,
  item_id uuid,
  qty integer NOT NULL,
  unit_price bigint NOT NULL,
  discount bigint NOT NULL DEFAULT 0,
  tax bigint NOT NULL DEFAULT 0,
  qty_allocated integer NOT NULL DEFAULT 0,
  qty_backordered integer NOT NULL DEFAULT 0,
  qty_picked integer NOT NULL DEFAULT 0,
  qty_shipped integer NOT NULL DEFAULT 0,
  PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_lines_backordered ON order_lines (item_id) WHERE qty_backordered > 0;

CREATE TABLE order_history (
  order_id uuid NOT NULL REFERENCES orders (id),
  at timestamptz(3) NOT NULL,
  n integer NOT NULL,
  from_status text,
  to_status text NOT NULL,
  reason text,
  user_id uuid,
  PRIMARY KEY (order_id, n)
);

-- Stock promised to an order line, bound to one location (and lot).
CREATE TABLE reservations (
  warehouse_id uuid NOT NULL,
  id uuid NOT NULL,
  order_id uuid NOT NULL,
  line_no integer NOT NULL,
  item_id uuid NOT NULL,
  location_id uuid NOT NULL,
  lot text,
  expiry date,
  qty integer NOT NULL CHECK (qty > 0),
  status text NOT NULL CHECK (status IN ('open', 'waved', 'picked', 'shipped', 'released')),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (warehouse_id, id)
);
CREATE INDEX reservations_order ON reservations (order_id);

CREATE TABLE waves (
  warehouse_id uuid NOT NULL,
  id uuid NOT NULL,
  number text NOT NULL,
  carrier text NOT NULL,
  cutoff timestamptz(3) NOT NULL,
  zone text NOT NULL,
  status text NOT NULL CHECK (status IN ('released', 'picking', 'done')),
  order_ids uuid[] NOT NULL,
  seq bigint NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (warehouse_id, id)
);
CREATE INDEX waves_seq ON waves (warehouse_id, seq);

CREATE TABLE pick_tasks (
  warehouse_id uuid NOT NULL,
  id uuid NOT NULL,
  wave_id uuid NOT NULL,
  order_id uuid NOT NULL,
  line_no integer NOT NULL,
  reservation_id uuid NOT NULL,
  item_id uuid NOT NULL,
  location_id uuid NOT NULL,
  lot text,
  qty integer NOT NULL,
  path_seq integer NOT NULL,
  sequence integer NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'picked', 'short')),
  qty_picked integer NOT NULL DEFAULT 0,
  tote text,
  seq bigint NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (warehouse_id, id)
);
CREATE INDEX pick_tasks_seq ON pick_tasks (warehouse_id, seq);
CREATE INDEX pick_tasks_wave ON pick_tasks (warehouse_id, wave_id);
