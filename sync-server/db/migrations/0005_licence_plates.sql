-- Licence plates (LPNs): pre-printed pallet labels `LPN-<digits>`. A plate
-- is a container reference, not a second set of books: its stock is in the
-- ledger at the plate's location like any other, and what is on it is the
-- sum of the movements tagged with its code (movements.lpn).
--
-- The code is unique in the tenant (one label, one pallet), so it has a
-- unique index of its own beside the warehouse-first key. On a Citus
-- cluster distributed by warehouse that index would become a small
-- reference table of codes.
CREATE TABLE licence_plates (
  warehouse_id uuid NOT NULL REFERENCES warehouses (id),
  id uuid NOT NULL,
  code text NOT NULL,
  location_id uuid,
  status text NOT NULL CHECK (status IN ('open', 'closed', 'put_away', 'emptied')),
  -- The receipt it was last loaded in: closing that receipt closes the plate.
  receipt_id uuid,
  opened_at timestamptz(3) NOT NULL,
  seq bigint NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (warehouse_id, id)
);
CREATE UNIQUE INDEX licence_plates_code ON licence_plates (code);
CREATE INDEX licence_plates_seq ON licence_plates (warehouse_id, seq);
CREATE INDEX licence_plates_receipt ON licence_plates (warehouse_id, receipt_id) WHERE status = 'open';
CREATE INDEX licence_plates_location ON licence_plates (warehouse_id, location_id) WHERE status IN ('open', 'closed');

ALTER TABLE movements ADD COLUMN lpn text;
CREATE INDEX movements_lpn ON movements (warehouse_id, lpn) WHERE lpn IS NOT NULL;

-- What is on a plate, from the ledger: one JSON line per item, lot and
-- status with a non-zero sum (the shape of LicencePlateLine in
-- shared/schemas/docs.ts). Used by the pull, the event loader and the API.
CREATE FUNCTION licence_plate_contents(w uuid, plate text) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'itemId', c.item_id, 'lot', c.lot, 'expiry', to_char(c.expiry, 'YYYY-MM-DD'), 'status', c.status, 'qty', c.qty)
         ORDER BY c.item_id, c.lot, c.status), '[]'::jsonb)
  FROM (
    SELECT item_id, lot, status, max(expiry) AS expiry, sum(qty)::bigint AS qty
    FROM movements
    WHERE warehouse_id = w AND lpn = plate
    GROUP BY item_id, lot, status
    HAVING sum(qty) <> 0
  ) c
$$;
