/**
 * The dictionary's `req=` (mandatory association) and `ex=` (invalid pairing)
 * rules (GenSpecs section 4, "Rules for combining element strings"). These are reported as warnings, not errors: the
 * dictionary notes they "should be evaluated over the combined data received
 * from all GS1 carriers marking a physical item", and one scan is often only
 * one of several barcodes on a label.
 */
import type { Gs1AiGroup } from './gs1-ai-types';
import { aiLabel, findAi, type Gs1Element } from './gs1-element';

/** `n` in a pattern stands for any digit: `31nn` matches 3103. */
export function aiMatchesPattern(pattern: string, ai: string): boolean {
  if (pattern.length !== ai.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern.charAt(i);
    const c = ai.charAt(i);
    if (p === 'n' ? !/\d/.test(c) : p !== c) return false;
  }
  return true;
}

const describeGroup = (group: Gs1AiGroup): string => group.map((p) => `(${p})`).join(' with ');

function describeAlternatives(alternatives: readonly Gs1AiGroup[]): string {
  const parts = alternatives.map(describeGroup);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} or ${parts.at(-1) ?? ''}` : (parts[0] ?? '');
}

export function associationWarnings(elements: readonly Gs1Element[]): string[] {
  const present = [...new Set(elements.map((e) => e.ai))];
  const warnings: string[] = [];
  const reportedPairs = new Set<string>();
  for (const ai of present) {
    const def = findAi(ai);
    if (!def) continue;
    for (const alternatives of def.req) {
      const satisfied = alternatives.some((group) => group.every((p) => present.some((other) => aiMatchesPattern(p, other))));
      if (!satisfied) warnings.push(`${aiLabel(ai)} is normally accompanied by ${describeAlternatives(alternatives)}`);
    }
    for (const pattern of def.ex) {
      // "An AI is not exclusive of itself even if it matches a pattern."
      for (const other of present) {
        if (other === ai || !aiMatchesPattern(pattern, other)) continue;
        const key = [ai, other].sort().join('+');
        if (reportedPairs.has(key)) continue;
        reportedPairs.add(key);
        warnings.push(`${aiLabel(ai)} should not be used together with ${aiLabel(other)}`);
      }
    }
  }
  return warnings;
}
