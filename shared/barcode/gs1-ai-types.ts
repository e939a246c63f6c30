/**
 * Shape of one Application Identifier as described by the GS1 Barcode Syntax
 * Dictionary. The data itself lives in `gs1-ai-table.generated.ts`, which is
 * produced from the dictionary by `build/gen-gs1-table.ts`; these types are
 * hand-written so both the generator and the parser agree on them.
 */

/**
 * Component character sets (GS1 GenSpecs 7.11):
 * N = digits, X = CSET 82, Y = CSET 39, Z = base64url (CSET 64).
 */
export type Gs1ComponentType = 'N' | 'X' | 'Y' | 'Z';

export interface Gs1Component {
  readonly type: Gs1ComponentType;
  readonly min: number;
  readonly max: number;
  /** `[...]` in the dictionary: may be left out once the data is exhausted. */
  readonly optional: boolean;
  /** Names of GS1 "linter" routines that validate this component, in order. */
  readonly linters: readonly string[];
}

/**
 * One alternative of a `req=` rule: every pattern must be present.
 * Patterns are AIs where `n` stands for any digit, e.g. `31nn`.
 */
export type Gs1AiGroup = readonly string[];

export interface Gs1AiDef {
  readonly ai: string;
  /**
   * Flag `*`: predefined length, so no FNC1/GS separator follows the value
   * (GenSpecs figure "Element strings with predefined length using GS1
   * Application Identifiers", section 7.8).
   */
  readonly fixedLength: boolean;
  readonly components: readonly Gs1Component[];
  /**
   * One entry per `req=` attribute (repeated keys are each applied). Each
   * entry lists alternatives; at least one alternative must be satisfied.
   */
  readonly req: readonly (readonly Gs1AiGroup[])[];
  /** `ex=` patterns: AIs that must not appear together with this one. */
  readonly ex: readonly string[];
  /** Data title from the dictionary; empty when the dictionary has none. */
  readonly title: string;
}
