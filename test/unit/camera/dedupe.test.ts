import { describe, expect, it } from 'vitest';
import { createScanDeduper, DEDUPE_WINDOW_MS } from '../../../renderer/scanner/camera/dedupe';

describe('createScanDeduper', () => {
  it('reports a code once while it stays in view', () => {
    const dedupe = createScanDeduper();
    // Read at ~5 frames a second for 10 seconds.
    const reported = Array.from({ length: 50 }, (_, i) => dedupe.accept(']C1168901', i * 200)).filter(Boolean);
    expect(reported).toHaveLength(1);
  });

  it('reports it again once it was out of sight for longer than the window', () => {
    const dedupe = createScanDeduper();
    expect(dedupe.accept('A', 0)).toBe(true);
    expect(dedupe.accept('A', DEDUPE_WINDOW_MS)).toBe(false);
    expect(dedupe.accept('A', 2 * DEDUPE_WINDOW_MS + 1)).toBe(true);
  });

  it('uses about one and a half seconds', () => {
    expect(DEDUPE_WINDOW_MS).toBe(1500);
    const dedupe = createScanDeduper();
    dedupe.accept('A', 10_000);
    expect(dedupe.accept('A', 11_400)).toBe(false);
    expect(dedupe.accept('A', 13_000)).toBe(true);
  });

  it('treats different codes independently', () => {
    const dedupe = createScanDeduper(1000);
    expect(dedupe.accept('A', 0)).toBe(true);
    expect(dedupe.accept('B', 10)).toBe(true);
    expect(dedupe.accept('A', 20)).toBe(false);
    expect(dedupe.accept('B', 30)).toBe(false);
  });

  it('compares the exact text, identifier included', () => {
    const dedupe = createScanDeduper();
    expect(dedupe.accept(']C0123', 0)).toBe(true);
    expect(dedupe.accept(']C1123', 1)).toBe(true);
  });

  it('does not get stuck when the clock goes backwards, and forgets on reset', () => {
    const dedupe = createScanDeduper();
    expect(dedupe.accept('A', 5000)).toBe(true);
    expect(dedupe.accept('A', 100)).toBe(true);
    dedupe.reset();
    expect(dedupe.accept('A', 101)).toBe(true);
  });

  it('keeps only recent codes once many were seen', () => {
    const dedupe = createScanDeduper(1000);
    for (let i = 0; i < 200; i++) dedupe.accept(`CODE-${i}`, i * 100);
    // The oldest is long gone and reported again; a recent one is still suppressed.
    expect(dedupe.accept('CODE-0', 20_000)).toBe(true);
    expect(dedupe.accept('CODE-199', 20_000)).toBe(false);
  });
});
