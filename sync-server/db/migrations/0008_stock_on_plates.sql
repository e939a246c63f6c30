-- Available units of an item (and lot) standing on open or closed licence
-- plates at a location: they belong to their plate (they go to a bin with
-- it), so allocation and reservation transfers leave them alone.
CREATE FUNCTION available_on_plates(w uuid, loc uuid, item uuid, lot_ text) RETURNS bigint
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN (
    SELECT coalesce(sum(m.qty), 0)::bigint
    FROM licence_plates lp JOIN movements m ON m.warehouse_id = lp.warehouse_id AND m.lpn = lp.code
    WHERE lp.warehouse_id = w AND lp.location_id = loc AND lp.status IN ('open', 'closed')
      AND m.item_id = item AND m.lot IS NOT DISTINCT FROM lot_ AND m.status = 'available'
  );
