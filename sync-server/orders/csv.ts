import Papa from 'papaparse';

/**
 * CSV order import: one row per order line; rows with the same channel and
 * externalId form one order (order fields are read from its first row).
 * Documented in docs/API.md.
 */
export const CSV_COLUMNS = [
  'channel',
  'externalId',
  'placedAt',
  'customerEmail',
  'customerName',
  'b2bAccount',
  'shipToName',
  'shipToLine1',
  'shipToLine2',
  'shipToCity',
  'shipToRegion',
  'shipToPostalCode',
  'shipToCountry',
  'sku',
  'channelSku',
  'qty',
  'unitPrice',
  'discount',
  'tax',
  'shippingMethod',
  'shippingPrice',
  'paymentStatus',
  'paymentAmount',
  'fraudScore',
] as const;

const REQUIRED = ['channel', 'externalId', 'placedAt', 'customerEmail', 'customerName', 'shipToName', 'shipToLine1', 'shipToCity', 'shipToPostalCode', 'shipToCountry', 'qty', 'unitPrice', 'shippingMethod', 'shippingPrice', 'paymentStatus', 'paymentAmount'];

export type CsvParse = { ok: true; orders: unknown[] } | { ok: false; error: string };

const opt = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
/** Numbers stay strings when they are not numbers, so the order's own validation names the bad field. */
const num = (v: string | undefined) => {
  const s = opt(v);
  if (s === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
};

export function ordersFromCsv(text: string): CsvParse {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const headers = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((c) => !headers.includes(c));
  if (missing.length > 0) return { ok: false, error: `CSV is missing columns: ${missing.join(', ')}` };
  const unknown = headers.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) return { ok: false, error: `CSV has unknown columns: ${unknown.join(', ')}` };
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) return { ok: false, error: `CSV row ${fatal.row ?? '?'}: ${fatal.message}` };
  if (parsed.data.length === 0) return { ok: false, error: 'CSV has no order lines' };

  const orders = new Map<string, Record<string, unknown> & { lines: unknown[] }>();
  for (const r of parsed.data) {
    const key = `${r.channel ?? ''}|${r.externalId ?? ''}`;
    let order = orders.get(key);
    if (!order) {
      order = {
        channel: opt(r.channel),
        externalId: opt(r.externalId),
        placedAt: opt(r.placedAt),
        customer: { email: opt(r.customerEmail), name: opt(r.customerName), b2bAccount: opt(r.b2bAccount) },
        shipTo: {
          name: r.shipToName ?? '',
          line1: r.shipToLine1 ?? '',
          line2: opt(r.shipToLine2),
          city: r.shipToCity ?? '',
          region: opt(r.shipToRegion),
          postalCode: r.shipToPostalCode ?? '',
          country: (r.shipToCountry ?? '').trim(),
        },
        lines: [],
        shipping: { method: opt(r.shippingMethod), price: num(r.shippingPrice) },
        payment: { status: opt(r.paymentStatus), amount: num(r.paymentAmount) },
        fraudScore: num(r.fraudScore),
      };
      orders.set(key, order);
    }
    order.lines.push({ sku: opt(r.sku), channelSku: opt(r.channelSku), qty: num(r.qty), unitPrice: num(r.unitPrice), discount: num(r.discount), tax: num(r.tax) });
  }
  return { ok: true, orders: [...orders.values()] };
}
