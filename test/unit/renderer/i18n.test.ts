import { describe, expect, it } from 'vitest';
import { EXCEPTION_REASONS } from '../../../shared/domain/reasons';
import { en } from '../../../renderer/i18n/en';
import { es } from '../../../renderer/i18n/es';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('translations', () => {
  it('Spanish has exactly the English keys, none empty', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
    expect(keys(es).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], es) === '')).toEqual([]);
  });

  it('every exception reason code has words in every language', () => {
    for (const code of Object.keys(EXCEPTION_REASONS)) {
      expect(en.reasons[code as keyof typeof en.reasons]).toBeTruthy();
      expect(es.reasons[code as keyof typeof es.reasons]).toBeTruthy();
    }
  });
});
