import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseDictionary, tableFromDictionary } from '../../../build/gs1-table-from-dictionary';
import { GS1_AI_TABLE } from '../../../shared/barcode/gs1-ai-table.generated';
import { GS1_LINTERS, UNCHECKED_LINTERS } from '../../../shared/barcode/gs1-linters';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const dictionary = read('build/gs1/gs1-syntax-dictionary.txt');
const ais = GS1_AI_TABLE.map((d) => d.ai);

describe('generated GS1 AI table', () => {
  it('is up to date with build/gs1/gs1-syntax-dictionary.txt (run: npx tsx build/gen-gs1-table.ts)', () => {
    expect(read('shared/barcode/gs1-ai-table.generated.ts')).toBe(tableFromDictionary(dictionary));
  });

  it('expands AI ranges from the dictionary', () => {
    for (const ai of ['3100', '3101', '3105', '3900', '3909', '3940', '3943', '91', '95', '99']) expect(ais).toContain(ai);
    for (const ai of ['3106', '3109', '3944', '3956', '90a']) expect(ais).not.toContain(ai);
    const def = GS1_AI_TABLE.find((d) => d.ai === '3103');
    expect(def).toMatchObject({ fixedLength: true, title: 'NET WEIGHT (kg)', ex: ['310n'], req: [[['01'], ['02']]] });
  });

  it('keeps component details, optional parts and linters', () => {
    const def = GS1_AI_TABLE.find((d) => d.ai === '8003');
    expect(def?.components).toEqual([
      { type: 'N', min: 1, max: 1, optional: false, linters: ['zero'] },
      { type: 'N', min: 13, max: 13, optional: false, linters: ['csum', 'gcppos1'] },
      { type: 'X', min: 1, max: 16, optional: true, linters: [] },
    ]);
    // Optional components written "[N3],iso3166" carry the linter outside the brackets.
    expect(GS1_AI_TABLE.find((d) => d.ai === '423')?.components[1]).toEqual({ type: 'N', min: 3, max: 3, optional: true, linters: ['iso3166'] });
    expect(GS1_AI_TABLE.find((d) => d.ai === '250')?.req).toEqual([[['01', '21'], ['03', '21'], ['8006', '21']]]);
    expect(GS1_AI_TABLE.find((d) => d.ai === '8110')?.title).toBe('');
  });

  it('has prefix-free AIs, so AIs can be read without knowing their length', () => {
    const clashes = ais.flatMap((a) => ais.filter((b) => b !== a && b.startsWith(a)).map((b) => `${a} < ${b}`));
    expect(clashes).toEqual([]);
  });

  it('only marks AIs "*" that GenSpecs lists as predefined length', () => {
    // GenSpecs figure "Element strings with predefined length": element strings starting 00-04, 11-20, 31-36 and 41.
    const predefined = /^(0[0-4]|1[1-9]|20|3[1-6]|41)/;
    for (const d of GS1_AI_TABLE.filter((d) => d.fixedLength)) expect(d.ai).toMatch(predefined);
  });

  it('uses only linters that are implemented or deliberately unchecked', () => {
    const used = new Set(GS1_AI_TABLE.flatMap((d) => d.components.flatMap((c) => c.linters)));
    const missing = [...used].filter((l) => !(l in GS1_LINTERS) && !UNCHECKED_LINTERS.has(l));
    expect(missing).toEqual([]);
  });
});

describe('parseDictionary', () => {
  const header = '# Release: TEST\n';
  it('reads a minimal dictionary', () => {
    const { release, entries } = parseDictionary(`${header}01  *?  N14,csum  ex=02 req=10+21,22  # GTIN\n91-92 X..90\n`);
    expect(release).toBe('TEST');
    expect(entries.map((e) => e.ai)).toEqual(['01', '91', '92']);
    expect(entries[0]).toEqual({
      ai: '01', fixedLength: true, title: 'GTIN', ex: ['02'], req: [[['10', '21'], ['22']]],
      components: [{ type: 'N', min: 14, max: 14, optional: false, linters: ['csum'] }],
    });
  });

  it.each([
    ['an unreadable token', '10  X..20  req=01 what?ever'],
    ['a backwards range', '3105-3100 N6'],
    ['a range with different lengths', '91-990 X..90'],
    ['a duplicate AI', '10 X..20\n10 X..20'],
    ['a variable component before the last', '10 X..20 N2'],
    ['a mandatory component after an optional one', '10 [N2] N2'],
    ['a "*" AI with variable length', '10 * X..20'],
    ['a missing specification', '10 ?  # TITLE'],
  ])('rejects %s', (_what, body) => {
    expect(() => parseDictionary(header + body)).toThrow(/gs1-syntax-dictionary\.txt line \d+/);
  });
});
