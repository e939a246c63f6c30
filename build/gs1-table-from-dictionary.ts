/**
 * Pure translation of the GS1 Barcode Syntax Dictionary text into the AI
 * table used by `shared/barcode/gs1.ts`. No I/O here, so the unit tests can
 * regenerate the table in memory and check the checked-in file is current.
 *
 * The dictionary line format is documented at the top of
 * build/gs1/gs1-syntax-dictionary.txt:
 *   AIs  [Flags]  Specification  [Attributes...]  [# Title]
 * Anything we do not understand is a hard error: a silently misread entry
 * would turn into wrong scans on the warehouse floor.
 */
import type { Gs1AiDef, Gs1AiGroup, Gs1Component, Gs1ComponentType } from '../shared/barcode/gs1-ai-types';

/** Characters the dictionary reserves for flags ("Allocated from: ..."). */
const FLAG_TOKEN = /^[*!?"$%&'()+,\-./:;<=>@[\\\]^_`{|}~]+$/;
/**
 * A component: `N13,csum`, `X..20`, `[X..17]`, and the dictionary's form for
 * optional components with linters, `[N3],iso3166` (linters outside).
 */
const COMPONENT_TOKEN = /^(\[)?([NXYZ])(\.\.)?(\d+)((?:,[a-z0-9]+)*)(\])?((?:,[a-z0-9]+)*)$/;
const AI_TOKEN = /^(\d{2,4})(?:-(\d{2,4}))?$/;
const ATTRIBUTE_TOKEN = /^([a-z]+)(?:=(\S+))?$/;
const AI_PATTERN = /^[0-9n]{2,4}$/;

export interface DictionaryTable {
  /** The dictionary's "# Release:" header, for the generated file's comment. */
  readonly release: string;
  readonly entries: readonly Gs1AiDef[];
}

function fail(lineNo: number, message: string): never {
  throw new Error(`gs1-syntax-dictionary.txt line ${lineNo}: ${message}`);
}

function expandAis(token: string, lineNo: number): string[] {
  const m = AI_TOKEN.exec(token);
  if (!m) fail(lineNo, `not an AI or AI range: "${token}"`);
  const first = m[1] as string;
  const last = m[2] ?? first;
  if (last.length !== first.length) fail(lineNo, `range ends differ in length: "${token}"`);
  const from = Number(first);
  const to = Number(last);
  if (to < from) fail(lineNo, `range is backwards: "${token}"`);
  const ais: string[] = [];
  for (let n = from; n <= to; n++) ais.push(String(n).padStart(first.length, '0'));
  return ais;
}

function parseComponent(token: string, lineNo: number): Gs1Component | undefined {
  const m = COMPONENT_TOKEN.exec(token);
  if (!m) return undefined;
  const [, open, type, dots, len, innerLinters, close, outerLinters] = m;
  if (Boolean(open) !== Boolean(close)) fail(lineNo, `unbalanced brackets in "${token}"`);
  const max = Number(len);
  if (max < 1) fail(lineNo, `zero length in "${token}"`);
  const linters = `${innerLinters ?? ''}${outerLinters ?? ''}`.split(',').filter((l) => l !== '');
  return { type: type as Gs1ComponentType, min: dots ? 1 : max, max, optional: Boolean(open), linters };
}

function parsePatternList(value: string, lineNo: number): string[] {
  const patterns = value.split(',');
  for (const p of patterns) if (!AI_PATTERN.test(p)) fail(lineNo, `bad AI pattern "${p}"`);
  return patterns;
}

function checkComponents(components: readonly Gs1Component[], fixedLength: boolean, lineNo: number): void {
  if (components.length === 0) fail(lineNo, 'no specification');
  components.forEach((c, i) => {
    const last = i === components.length - 1;
    // Dictionary rules: "Only the final component may have variable length" and
    // "No mandatory components may follow optional components".
    if (c.min !== c.max && !last) fail(lineNo, 'variable-length component before the last one');
    if (!c.optional && components.slice(0, i).some((p) => p.optional)) fail(lineNo, 'mandatory component after optional one');
    // A "*" AI has a predefined total length, which the parser relies on to
    // find the next AI without a separator.
    if (fixedLength && (c.optional || c.min !== c.max)) fail(lineNo, '"*" AI with variable-length data');
  });
}

function parseLine(line: string, lineNo: number): Gs1AiDef[] {
  const hash = line.indexOf('#');
  const title = hash >= 0 ? line.slice(hash + 1).trim() : '';
  const tokens = (hash >= 0 ? line.slice(0, hash) : line).trim().split(/\s+/);
  const ais = expandAis(tokens.shift() ?? '', lineNo);

  let flags = '';
  if (tokens[0] !== undefined && FLAG_TOKEN.test(tokens[0])) flags = tokens.shift() ?? '';
  const fixedLength = flags.includes('*');

  const components: Gs1Component[] = [];
  for (let next = tokens[0]; next !== undefined; next = tokens[0]) {
    const component = parseComponent(next, lineNo);
    if (!component) break;
    components.push(component);
    tokens.shift();
  }
  checkComponents(components, fixedLength, lineNo);

  const req: Gs1AiGroup[][] = [];
  const ex: string[] = [];
  for (const token of tokens) {
    const m = ATTRIBUTE_TOKEN.exec(token);
    if (!m) fail(lineNo, `cannot read "${token}"`);
    const [, key, value] = m;
    if (key === 'req') {
      if (!value) fail(lineNo, 'empty req=');
      req.push(value.split(',').map((alt) => parsePatternList(alt.split('+').join(','), lineNo)));
    } else if (key === 'ex') {
      if (!value) fail(lineNo, 'empty ex=');
      ex.push(...parsePatternList(value, lineNo));
    }
    // Other attributes (dlpkey, ...) concern GS1 Digital Link, which we do
    // not parse; they are deliberately left out of the table.
  }

  return ais.map((ai) => ({ ai, fixedLength, components, req, ex, title }));
}

/** Parses the dictionary text into AI definitions, ranges expanded. */
export function parseDictionary(text: string): DictionaryTable {
  const entries: Gs1AiDef[] = [];
  const seen = new Set<string>();
  let release = 'unknown';
  text.split(/\r?\n/).forEach((line, i) => {
    const lineNo = i + 1;
    const rel = /^#\s*Release:\s*(.+?)\s*$/.exec(line);
    if (rel?.[1]) release = rel[1];
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    for (const def of parseLine(line, lineNo)) {
      if (seen.has(def.ai)) fail(lineNo, `AI ${def.ai} is defined twice`);
      seen.add(def.ai);
      entries.push(def);
    }
  });
  if (entries.length === 0) throw new Error('gs1-syntax-dictionary.txt: no AI entries found');
  entries.sort((a, b) => (a.ai < b.ai ? -1 : a.ai > b.ai ? 1 : 0));
  return { release, entries };
}

/**
 * The full text of `shared/barcode/gs1-ai-table.generated.ts` for the given
 * dictionary text. Deterministic: same input, byte-identical output.
 */
export function tableFromDictionary(text: string, sourcePath = 'build/gs1/gs1-syntax-dictionary.txt'): string {
  const { release, entries } = parseDictionary(text);
  const rows = entries.map((e) => `  ${JSON.stringify(e)},`);
  return [
    '// GENERATED FILE - DO NOT EDIT BY HAND.',
    `// Generated by build/gen-gs1-table.ts from ${sourcePath}`,
    `// (GS1 Barcode Syntax Dictionary, release: ${release}).`,
    '// The dictionary is (c) BWIPP, Zint and GS1 AISBL, Apache-2.0: see build/gs1/LICENSE.',
    '// Regenerate with: npx tsx build/gen-gs1-table.ts',
    "import type { Gs1AiDef } from './gs1-ai-types';",
    '',
    `export const GS1_DICTIONARY_RELEASE = ${JSON.stringify(release)};`,
    '',
    'export const GS1_AI_TABLE: readonly Gs1AiDef[] = [',
    ...rows,
    '];',
    '',
  ].join('\n');
}
