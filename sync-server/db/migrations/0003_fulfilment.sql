-- Packing and shipping records. SSCCs are assigned by the server from one sequence.
CREATE SEQUENCE sscc_serial;

CREATE TABLE cartons (
  warehouse_id uuid NOT NULL,
  id uuid NOT NULL,
  order_id uuid NOT NULL,
  sscc text NOT NULL UNIQUE,
  lines jsonb NOT NULL,
  weight_grams integer NOT NULL,
  status text NOT NULL CHECK (status IN ('closed', 'shipped')),
  event_id uuid NOT NULL,
  closed_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (warehouse_id, id)
);
CREATE INDEX cartons_order ON cartons (order_id);

CREATE TABLE shipments (
  warehouse_id uuid NOT NULL,
  id uuid NOT NULL,
  order_id uuid NOT NULL,
  carrier text NOT NULL,
  tracking_number text NOT NULL,
  carton_ids uuid[] NOT NULL,
  shipped_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (warehouse_id, id)
);
CREATE INDEX shipments_order ON shipments (order_id);

-- The ship-from address printed on carton labels.
ALTER TABLE warehouses ADD COLUMN address jsonb;
