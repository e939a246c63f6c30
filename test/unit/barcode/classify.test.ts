import { describe, it, expect } from 'vitest';
import { classifyScan } from '../../../shared/barcode/classify';

const today = '2025-06-15';
const classify = (raw: string) => classifyScan(raw, { today });

describe('classifyScan', () => {
  it('recognises internal barcodes', () => {
    expect(classify('LOC-A-01-02')).toEqual({ kind: 'internal', type: 'location', value: 'A-01-02', raw: 'LOC-A-01-02' });
    expect(classify('ORD-100234')).toMatchObject({ kind: 'internal', type: 'order', value: '100234' });
    expect(classify('LPN-42')).toMatchObject({ kind: 'internal', type: 'lpn', value: '42' });
  });

  it('pulls out the usual fields of a GS1 scan', () => {
    const r = classify(']C10109506000134352172512311012345A\u001d21SN-7\u001d3025');
    expect(r).toMatchObject({ kind: 'gs1', gtin: '09506000134352', lot: '12345A', expiry: '2025-12-31', serial: 'SN-7', qty: 25 });
    if (r.kind !== 'gs1') throw new Error('not gs1');
    expect(r.parsed.hri).toBe('(01)09506000134352(17)251231(10)12345A(21)SN-7(30)25');
  });

  it('reads a bare SSCC scanned as ]C1 + 00', () => {
    const r = classify(']C100106141412345678908');
    expect(r).toMatchObject({ kind: 'gs1', sscc: '106141412345678908' });
    expect(r).not.toHaveProperty('gtin');
  });

  it('uses AI 02 + 37 for logistic units, and best-before when there is no expiry', () => {
    expect(classify('(00)106141412345678908(02)09506000134352(37)12(15)260300')).toMatchObject({
      kind: 'gs1', sscc: '106141412345678908', gtin: '09506000134352', qty: 12, expiry: '2026-03-31',
    });
  });

  it('prefers AI 17 over AI 15 for expiry', () => {
    expect(classify('(01)09506000134352(15)260101(17)250901')).toMatchObject({ expiry: '2025-09-01' });
  });

  it('normalises plain EAN/UPC scans', () => {
    expect(classify('9506000134352')).toMatchObject({ kind: 'gs1', gtin: '09506000134352' });
  });

  it('reports unknown scans with a reason', () => {
    expect(classify('TOTE-X')).toEqual({ kind: 'unknown', raw: 'TOTE-X', error: '"TOTE-X" is not a valid tote barcode: use digits only after "TOTE-"' });
    expect(classify('(01)09506000134355')).toEqual({
      kind: 'unknown', raw: '(01)09506000134355', error: 'Check digit is wrong for GTIN (01): expected 2, got 5',
    });
    expect(classify('hello')).toMatchObject({ kind: 'unknown', raw: 'hello' });
  });
});
