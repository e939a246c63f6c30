/**
 * Tests generated from the AI table itself, so every AI in the dictionary is
 * exercised, plus fast-check round trips through the bracketed HRI form.
 */
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { GS1_AI_TABLE } from '../../../shared/barcode/gs1-ai-table.generated';
import { parseGs1 } from '../../../shared/barcode/gs1';
import { aiValueArb, elementListArb, sampleValue, toRaw } from './gs1-samples';

const today = '2025-06-15';
const parse = (raw: string) => parseGs1(raw, { today });
const SSCC = '106141412345678908';
const fixedAis = GS1_AI_TABLE.filter((d) => d.fixedLength);
const csumAis = GS1_AI_TABLE.filter((d) => d.components.some((c) => c.linters.includes('csum')));

describe('every fixed-length ("*") AI', () => {
  it('is in the table at all', () => {
    expect(fixedAis.length).toBeGreaterThan(100);
  });

  it.each(fixedAis.map((d) => [d.ai, d] as const))('(%s) parses a correctly sized value with no separator after it', (ai, def) => {
    const value = sampleValue(def);
    const follower = ai === '00' ? `01${'09506000134352'}` : `00${SSCC}`;
    const r = parse(`]C1${ai}${value}${follower}`);
    expect(r.ok ? r.elements.map((e) => [e.ai, e.value]) : r.error).toEqual([
      [ai, value],
      [follower.slice(0, 2), follower.slice(2)],
    ]);
  });

  it.each(fixedAis.map((d) => [d.ai, d] as const))('(%s) rejects a value one character short', (ai, def) => {
    const value = sampleValue(def).slice(0, -1);
    const r = parse(`]C1${ai}${value}`);
    expect(r.ok ? r.hri : r.error).toMatch(/is cut short/);
  });
});

describe('every AI with a csum linter', () => {
  it.each(csumAis.map((d) => [d.ai, d] as const))('(%s) rejects a wrong check digit', (ai, def) => {
    const value = sampleValue(def);
    // Only the last component may vary in length, so offsets are fixed.
    const index = def.components.findIndex((c) => c.linters.includes('csum'));
    const csumComponent = def.components[index];
    expect(csumComponent?.min).toBe(csumComponent?.max);
    const at = def.components.slice(0, index + 1).reduce((n, c) => n + c.max, 0) - 1;
    const good = Number(value.charAt(at));
    const wrong = `${value.slice(0, at)}${(good + 1) % 10}${value.slice(at + 1)}`;
    expect(parse(`(${ai})${value}`).ok).toBe(true);
    const r = parse(`(${ai})${wrong}`);
    expect(r.ok ? r.hri : r.error).toBe(`Check digit is wrong for ${def.title} (${ai}): expected ${good}, got ${(good + 1) % 10}`);
  });
});

describe('every AI in the table', () => {
  it('accepts generated valid values in bracketed form', () => {
    for (const def of GS1_AI_TABLE) {
      fc.assert(
        fc.property(aiValueArb(def), (value) => {
          const r = parse(`(${def.ai})${value.replaceAll('(', '\\(')}`);
          expect(r.ok ? r.elements[0]?.value : `${def.ai}: ${r.error}`).toBe(value);
        }),
        { numRuns: 20 },
      );
    }
  });
});

describe('HRI round trip', () => {
  it('raw -> hri -> parse gives the same elements (GS1 example)', () => {
    const raw = `]C1010950600013435217201225` + `10ABC123\u001d21XYZ(1)`;
    const first = parse(raw);
    if (!first.ok) throw new Error(first.error);
    const second = parse(first.hri);
    expect(second).toEqual(first);
  });

  it('holds for any generated valid element string (property)', () => {
    fc.assert(
      fc.property(elementListArb, (elements) => {
        const first = parse(`]C1${toRaw(elements)}`);
        if (!first.ok) throw new Error(`${toRaw(elements)}: ${first.error}`);
        expect(first.elements.map(({ ai, value }) => ({ ai, value }))).toEqual(elements);
        const second = parse(first.hri);
        expect(second).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });
});
