/**
 * GS1 mod-10 check digit (GS1 General Specifications 7.9.1), shared by
 * GTIN-8/12/13/14, SSCC, GLN, GRAI and every other AI that carries one.
 */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  // Weights alternate 3,1,3,... starting from the rightmost data digit.
  for (let i = digitsWithoutCheck.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    const d = digitsWithoutCheck.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new Error(`not a digit string: ${digitsWithoutCheck}`);
    sum += d * weight;
  }
  return (10 - (sum % 10)) % 10;
}

export function hasValidGs1CheckDigit(full: string): boolean {
  if (!/^\d{2,}$/.test(full)) return false;
  return gs1CheckDigit(full.slice(0, -1)) === Number(full[full.length - 1]);
}

/** Appends the check digit: `withCheckDigit('0950600013435')` -> GTIN-14. */
export function withCheckDigit(digitsWithoutCheck: string): string {
  return digitsWithoutCheck + String(gs1CheckDigit(digitsWithoutCheck));
}
