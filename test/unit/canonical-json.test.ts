import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined like JSON.stringify', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"z":1}]},"b":1}');
    expect(canonicalJson([undefined, 'x\n"'])).toBe('[null,"x\\n\\""]');
  });

  it('is valid JSON equal to the input, and the same for any key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        const shuffled = JSON.parse(JSON.stringify(v), (_k, val: unknown) =>
          val !== null && typeof val === 'object' && !Array.isArray(val) ? Object.fromEntries(Object.entries(val).reverse()) : val,
        ) as unknown;
        expect(canonicalJson(shuffled)).toBe(text);
      }),
    );
  });
});
