/**
 * JSON with object keys sorted at every depth, so equal values always give
 * the same text: used for event body hashes and the audit hash chain, where
 * PostgreSQL's jsonb may hand keys back in another order. Written directly
 * (no intermediate sorted copies): it runs for every pushed event.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      out += (i > 0 ? ',' : '') + (v === undefined || typeof v === 'function' ? 'null' : canonicalJson(v));
    }
    return out + ']';
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined || typeof v === 'function') continue;
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(v);
    first = false;
  }
  return out + '}';
}
