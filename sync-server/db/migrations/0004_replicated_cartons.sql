-- Cartons replicate to the warehouse's devices, so any pack or ship station
-- can ship (and print for) a carton another device packed.
ALTER TABLE cartons ADD COLUMN seq bigint;
ALTER TABLE cartons ADD COLUMN updated_at timestamptz(3) NOT NULL DEFAULT now();
ALTER TABLE cartons ADD COLUMN deleted boolean NOT NULL DEFAULT false;
UPDATE cartons SET seq = nextval('repl_seq') WHERE seq IS NULL;
ALTER TABLE cartons ALTER COLUMN seq SET NOT NULL;
CREATE INDEX cartons_seq ON cartons (warehouse_id, seq);
