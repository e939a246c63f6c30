/**
 * Regenerates shared/barcode/gs1-ai-table.generated.ts from the GS1 Barcode
 * Syntax Dictionary in build/gs1/. Run: npx tsx build/gen-gs1-table.ts
 * The logic lives in gs1-table-from-dictionary.ts so tests can reuse it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tableFromDictionary } from './gs1-table-from-dictionary';

const root = fileURLToPath(new URL('..', import.meta.url));
const dictionaryPath = `${root}build/gs1/gs1-syntax-dictionary.txt`;
const outputPath = `${root}shared/barcode/gs1-ai-table.generated.ts`;

const source = tableFromDictionary(readFileSync(dictionaryPath, 'utf8'));
writeFileSync(outputPath, source);
console.log(`wrote ${outputPath}`);
