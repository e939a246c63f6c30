/**
 * Validation of a single AI + value against its dictionary definition:
 * length, component split, character set, linters, and the derived `date`
 * and `decimal` fields.
 */
import type { Gs1AiDef } from './gs1-ai-types';
import { GS1_AI_TABLE } from './gs1-ai-table.generated';
import { parseGs1Date } from './gs1-dates';
import { DATE_LINTERS, checkCharset, runLinter, type LintContext } from './gs1-linters';

export interface Gs1Element {
  ai: string;
  value: string;
  /** 'YYYY-MM-DD' for AIs whose (first) date component is a GS1 date. */
  date?: string;
  /** Implied-decimal AIs (31nn-36nn, 390n-395n): the measure or amount. */
  decimal?: string;
}

export type ElementResult = { ok: true; element: Gs1Element } | { ok: false; error: string };

const AI_BY_CODE: ReadonlyMap<string, Gs1AiDef> = new Map(GS1_AI_TABLE.map((d) => [d.ai, d]));

export function findAi(ai: string): Gs1AiDef | undefined {
  return AI_BY_CODE.get(ai);
}

/** "GTIN (01)", or "AI (8110)" where the dictionary has no title. */
export function aiLabel(ai: string): string {
  const title = AI_BY_CODE.get(ai)?.title;
  return title ? `${title} (${ai})` : `AI (${ai})`;
}

/**
 * Implied decimal point (GenSpecs section 3, trade and logistic measures
 * 31nn-36nn, amounts/prices/percentages 390n-395n): the last AI digit is the number of decimals.
 */
export function impliedDecimalPlaces(ai: string): number | undefined {
  return /^(3[1-6]\d|39[0-5])\d$/.test(ai) ? Number(ai.slice(3)) : undefined;
}

/** '001250', 3 -> '1.250'; '12', 4 -> '0.0012'. Keeps trailing zeros. */
export function formatImpliedDecimal(digits: string, places: number): string {
  const padded = digits.padStart(places + 1, '0');
  const whole = padded.slice(0, padded.length - places).replace(/^0+(?=\d)/, '');
  return places === 0 ? whole : `${whole}.${padded.slice(padded.length - places)}`;
}

/** Human description of the lengths the data may have, e.g. "8, 10 or 12". */
function allowedLengths(def: Gs1AiDef): string {
  const ranges: [number, number][] = [];
  let before = 0;
  def.components.forEach((c, i) => {
    const restOptional = def.components.slice(i + 1).every((n) => n.optional);
    if (restOptional) ranges.push([before + c.min, before + c.max]);
    before += c.max;
  });
  const merged: [number, number][] = [];
  for (const [lo, hi] of ranges) {
    const last = merged.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  const parts = merged.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo} to ${hi}`));
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} or ${parts.at(-1) ?? ''}` : (parts[0] ?? '');
  return `${list} characters`;
}

/**
 * Splits the value into components as the dictionary describes: each fixed
 * component takes its length, the (only) variable one takes the rest, and
 * optional components may be left out once the data runs out.
 */
function splitComponents(def: Gs1AiDef, value: string): string[] | undefined {
  const parts: string[] = [];
  let pos = 0;
  for (const c of def.components) {
    const remaining = value.length - pos;
    if (remaining === 0 && c.optional) break;
    const take = c.min === c.max ? c.max : remaining;
    if (remaining < take || take < c.min || take > c.max) return undefined;
    parts.push(value.slice(pos, pos + take));
    pos += take;
  }
  return pos === value.length ? parts : undefined;
}

export function checkElement(def: Gs1AiDef, value: string, refYear: number): ElementResult {
  const label = aiLabel(def.ai);
  if (value === '') return { ok: false, error: `${label} has no data` };
  const parts = splitComponents(def, value);
  if (!parts) {
    return { ok: false, error: `${label} has the wrong length: expected ${allowedLengths(def)}, got ${value.length}` };
  }
  const ctx: LintContext = { label, refYear };
  const element: Gs1Element = { ai: def.ai, value };
  for (const [i, part] of parts.entries()) {
    const c = def.components[i];
    if (!c) break;
    const error = checkCharset(c.type, part, label) ?? c.linters.reduce<string | undefined>((e, l) => e ?? runLinter(l, part, ctx), undefined);
    if (error) return { ok: false, error };
    const dateFormat = c.linters.map((l) => DATE_LINTERS[l]).find((f) => f !== undefined);
    if (dateFormat && element.date === undefined) {
      const r = parseGs1Date(part.slice(0, dateFormat.startsWith('yyyy') ? 8 : 6), dateFormat, refYear);
      if (r.ok) element.date = r.date;
    }
  }
  const places = impliedDecimalPlaces(def.ai);
  const amount = parts.at(-1);
  if (places !== undefined && amount !== undefined) element.decimal = formatImpliedDecimal(amount, places);
  return { ok: true, element };
}
