import { describe, it, expect } from 'vitest';
import { gs1FullYear, parseGs1Date, referenceYear } from '../../../shared/barcode/gs1-dates';
import { parseGs1 } from '../../../shared/barcode/gs1';

const dateOf = (raw: string, today: string) => {
  const r = parseGs1(raw, { today });
  if (!r.ok) throw new Error(r.error);
  return r.elements.find((e) => e.date !== undefined)?.date;
};
const errorOf = (raw: string, today = '2025-06-15') => {
  const r = parseGs1(raw, { today });
  return r.ok ? undefined : r.error;
};

describe('GS1 century window (GenSpecs 7.12)', () => {
  it.each([
    // [two-digit year, reference year, full year]
    [75, 2025, 2075], // +50: same century
    [76, 2025, 1976], // +51: previous century
    [0, 2025, 2000],
    [99, 2000, 1999], // +99: previous century
    [50, 2000, 2050],
    [51, 2000, 1951],
    [49, 2099, 2149], // -50: next century
    [50, 2099, 2050], // -49: same century
    [0, 2099, 2100],
  ])('YY %i in %i is %i', (yy, ref, full) => {
    expect(gs1FullYear(yy, ref)).toBe(full);
  });

  it('applies the window to date AIs with a fixed today', () => {
    expect(dateOf('(01)09506000134352(17)751231', '2025-06-15')).toBe('2075-12-31');
    expect(dateOf('(01)09506000134352(17)760101', '2025-06-15')).toBe('1976-01-01');
    expect(dateOf('(01)09506000134352(17)490101', '2099-01-01')).toBe('2149-01-01');
    expect(dateOf('(01)09506000134352(11)990101', '2000-12-31')).toBe('1999-01-01');
  });

  it('uses the current year when no today is given', () => {
    const r = parseGs1('(01)09506000134352(17)000101');
    expect(r.ok && r.elements[1]?.date?.slice(4)).toBe('-01-01');
  });

  it('rejects a malformed today as a programming error', () => {
    expect(() => parseGs1('(01)09506000134352', { today: '2025-13-01' })).toThrow(RangeError);
    expect(() => referenceYear('15/06/2025')).toThrow(/YYYY-MM-DD/);
  });
});

describe('GS1 dates', () => {
  it('reads day 00 as the last day of the month where yymmd0 allows it', () => {
    expect(dateOf('(01)09506000134352(17)250200', '2025-06-15')).toBe('2025-02-28');
    expect(dateOf('(01)09506000134352(15)240200', '2025-06-15')).toBe('2024-02-29');
    expect(dateOf('(01)09506000134352(17)251100', '2025-06-15')).toBe('2025-11-30');
  });

  it('rejects day 00 where the linter is yymmdd (e.g. AI 7006)', () => {
    expect(errorOf('(01)09506000134352(7006)250200')).toBe('FIRST FREEZE DATE (7006) has an impossible date "250200": day 00 is not allowed here');
  });

  it('rejects impossible dates', () => {
    expect(errorOf('(01)09506000134352(17)230230')).toBe('USE BY or EXPIRY (17) has an impossible date "230230": February 2023 has only 28 days');
    expect(errorOf('(01)09506000134352(17)231301')).toBe('USE BY or EXPIRY (17) has an impossible date "231301": there is no month 13');
    expect(errorOf('(01)09506000134352(11)230431')).toMatch(/April 2023 has only 30 days/);
    expect(errorOf('(01)09506000134352(17)230229')).toMatch(/February 2023 has only 28 days/);
    expect(errorOf('(01)09506000134352(17)240229')).toBeUndefined();
  });

  it('knows 2100 is not a leap year when the window puts 00 there', () => {
    expect(errorOf('(01)09506000134352(17)000229', '2080-01-01')).toMatch(/February 2100 has only 28 days/);
    expect(errorOf('(01)09506000134352(17)000229', '2025-01-01')).toBeUndefined();
  });

  it('gives the date for every date AI, including date+time ones', () => {
    const t = '2025-06-15';
    for (const ai of ['11', '12', '13', '15', '16', '17']) expect(dateOf(`(01)09506000134352(${ai})250614`, t)).toBe('2025-06-14');
    expect(dateOf('(01)09506000134352(7006)250614', t)).toBe('2025-06-14');
    expect(dateOf('(01)09506000134352(7003)2506141330', t)).toBe('2025-06-14');
    expect(dateOf('(01)09506000134352(7007)250601250614', t)).toBe('2025-06-01');
    expect(dateOf('(8018)123456789012345675(7250)19800229', t)).toBe('1980-02-29');
  });

  it('parseGs1Date handles four-digit years', () => {
    expect(parseGs1Date('19000229', 'yyyymmdd', 2025)).toEqual({ ok: false, problem: 'February 1900 has only 28 days' });
    expect(parseGs1Date('20000200', 'yyyymmd0', 2025)).toEqual({ ok: true, date: '2000-02-29' });
  });
});
