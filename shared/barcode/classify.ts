/**
 * One entry point for whatever the scanner delivered: our own barcodes first
 * (their prefixes can never start GS1 data), then GS1, else "unknown" with a
 * message the worker can act on.
 */
import { parseGs1, type Gs1ParseOk, type ParseGs1Options } from './gs1';
import { parseInternalBarcode, type InternalBarcodeType } from './internal';

export type ScanClassification =
  | { kind: 'internal'; type: InternalBarcodeType; value: string; raw: string }
  | {
      kind: 'gs1';
      parsed: Gs1ParseOk;
      /** GTIN-14 from AI 01, else AI 02 (GTIN of the contained items). */
      gtin?: string;
      /** AI 00. */
      sscc?: string;
      /** AI 10. */
      lot?: string;
      /** AI 17 (use by / expiry), else AI 15 (best before), as 'YYYY-MM-DD'. */
      expiry?: string;
      /** AI 21. */
      serial?: string;
      /** AI 30 (variable count), else AI 37 (count of items in a logistic unit). */
      qty?: number;
    }
  | { kind: 'unknown'; raw: string; error: string };

export function classifyScan(raw: string, options?: ParseGs1Options): ScanClassification {
  const internal = parseInternalBarcode(raw);
  if (internal.ok) return { kind: 'internal', type: internal.type, value: internal.value, raw };
  if (internal.recognised) return { kind: 'unknown', raw, error: internal.error };

  const parsed = parseGs1(raw, options);
  if (!parsed.ok) return { kind: 'unknown', raw, error: parsed.error };

  // Identical repeats are allowed, differing ones rejected, so first is fine.
  const find = (ai: string) => parsed.elements.find((e) => e.ai === ai);
  const result: ScanClassification = { kind: 'gs1', parsed };
  const gtin = (find('01') ?? find('02'))?.value;
  const sscc = find('00')?.value;
  const lot = find('10')?.value;
  const expiry = find('17')?.date ?? find('15')?.date;
  const serial = find('21')?.value;
  const count = (find('30') ?? find('37'))?.value;
  if (gtin !== undefined) result.gtin = gtin;
  if (sscc !== undefined) result.sscc = sscc;
  if (lot !== undefined) result.lot = lot;
  if (expiry !== undefined) result.expiry = expiry;
  if (serial !== undefined) result.serial = serial;
  if (count !== undefined) result.qty = Number(count);
  return result;
}
