-- Pull pages are built as JSON by the database (json_agg), not row by row in
-- Node: timestamps are written the way the API states them, ISO-8601 UTC
-- with milliseconds and `Z` (JSON's own rendering would be `+00:00`).
CREATE FUNCTION iso_utc(ts timestamptz) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
