import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE_SETTINGS, GS, WedgeDetector, type WedgeSettings, type WedgeStep } from '../../../renderer/scanner/wedge-detector';

const key = (k: string, time: number, mods: Partial<{ ctrlKey: boolean }> = {}) => ({ key: k, time, ctrlKey: false, altKey: false, metaKey: false, ...mods });

/** Feeds keys at the given gap and collects what the detector decided. */
function type(text: string, gapMs: number, opts: { start?: number; terminator?: string | null; settings?: WedgeSettings } = {}) {
  const d = new WedgeDetector(opts.settings ?? DEFAULT_WEDGE_SETTINGS);
  let t = opts.start ?? 1000;
  const steps: WedgeStep[] = [];
  for (const ch of text) {
    steps.push(d.feed(key(ch, t)));
    t += gapMs;
  }
  if (opts.terminator !== null) steps.push(d.feed(key(opts.terminator ?? 'Enter', t)));
  steps.push(d.idle(t + 10_000));
  return {
    scans: steps.flatMap((s) => (s.scan === null ? [] : [s.scan])),
    typed: steps.map((s) => s.flush).join(''),
    consumedTerminator: steps[text.length]?.consume ?? false,
  };
}

describe('WedgeDetector', () => {
  it('takes a fast burst ending in Enter as a scan and swallows every key of it', () => {
    const d = new WedgeDetector();
    const steps = [...'09506000134352'].map((c, i) => d.feed(key(c, 100 + i * 4)));
    expect(steps.every((s) => s.consume && s.flush === '' && s.scan === null)).toBe(true);
    const end = d.feed(key('Enter', 100 + 14 * 4));
    expect(end).toEqual({ flush: '', consume: true, scan: '09506000134352' });
  });

  it('accepts Tab as a terminator and keeps symbology identifiers for the parser', () => {
    expect(type(']C10109506000134352', 3, { terminator: 'Tab' }).scans).toEqual([']C10109506000134352']);
  });

  it('hands slow typing back to the focused field, and lets its Enter through', () => {
    const r = type('1234', 180);
    expect(r.scans).toEqual([]);
    expect(r.typed).toBe('1234');
    expect(r.consumedTerminator).toBe(false);
  });

  it('treats a fast burst shorter than the minimum as typing', () => {
    const r = type('12', 5);
    expect(r.scans).toEqual([]);
    expect(r.typed).toBe('12');
  });

  it('splits typing followed by a scan: the typed part is flushed, the scan is whole', () => {
    const d = new WedgeDetector();
    expect(d.feed(key('x', 0)).consume).toBe(true);
    const first = d.feed(key('P', 500));
    expect(first.flush).toBe('x');
    let t = 500;
    for (const c of 'O-1001') d.feed(key(c, (t += 5)));
    expect(d.feed(key('Enter', t + 5)).scan).toBe('PO-1001');
  });

  it('turns Ctrl+] into the GS1 separator (FNC1)', () => {
    const d = new WedgeDetector();
    let t = 0;
    for (const c of '10ABC') d.feed(key(c, (t += 2)));
    d.feed(key(']', (t += 2), { ctrlKey: true }));
    for (const c of '21XY') d.feed(key(c, (t += 2)));
    expect(d.feed(key('Enter', t + 2)).scan).toBe(`10ABC${GS}21XY`);
  });

  it('ignores Shift (scanners press it for capitals) without breaking the burst', () => {
    const d = new WedgeDetector();
    let t = 0;
    for (const c of ['Shift', 'L', 'O', 'C', '-', 'A', '1']) d.feed(key(c, (t += 3)));
    expect(d.feed(key('Enter', t + 3)).scan).toBe('LOC-A1');
  });

  it('ends a scan by silence when the scanner sends no terminator (configurable)', () => {
    const settings = { ...DEFAULT_WEDGE_SETTINGS, requireTerminator: false };
    expect(type('09506000134352', 4, { terminator: null, settings }).scans).toEqual(['09506000134352']);
    expect(type('09506000134352', 4, { terminator: null }).scans).toEqual([]);
  });

  it('honours a configured inter-key gap', () => {
    const slowScanner = { ...DEFAULT_WEDGE_SETTINGS, maxInterKeyMs: 120 };
    expect(type('PO-1001', 90, { settings: slowScanner }).scans).toEqual(['PO-1001']);
    expect(type('PO-1001', 90).scans).toEqual([]);
  });

  it('never loses a character: whatever is not a scan is given back in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ0123-'), minLength: 1, maxLength: 30 }), fc.integer({ min: 60, max: 400 }), (text, gap) => {
        const r = type(text, gap);
        expect(r.scans).toEqual([]);
        expect(r.typed).toBe(text);
      }),
    );
  });

  it('delivers any fast burst of printable characters as exactly one scan', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ABC019-()]\u001d'), minLength: 4, maxLength: 60 }), fc.integer({ min: 0, max: 50 }), (text, gap) => {
        const r = type(text, gap);
        expect(r.scans).toEqual([text]);
        expect(r.typed).toBe('');
      }),
    );
  });
});
