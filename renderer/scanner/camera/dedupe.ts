/**
 * A code held in front of the camera is read on every frame; report it once.
 * The same text is reported again only after it has been out of sight (not
 * read at all) for `windowMs`, so a label left in view is not counted twice,
 * while scanning the same item again after moving it away works.
 */
export const DEDUPE_WINDOW_MS = 1500;

export interface ScanDeduper {
  /** True when `text` read at `at` (ms) should be reported. */
  accept(text: string, at: number): boolean;
  reset(): void;
}

export function createScanDeduper(windowMs: number = DEDUPE_WINDOW_MS): ScanDeduper {
  const lastSeen = new Map<string, number>();
  return {
    accept(text, at) {
      const previous = lastSeen.get(text);
      lastSeen.set(text, at);
      // Forget codes long gone so the map stays small during a shift.
      if (lastSeen.size > 64) {
        for (const [code, seen] of lastSeen) if (at - seen > windowMs) lastSeen.delete(code);
      }
      return previous === undefined || at - previous > windowMs || at < previous;
    },
    reset() {
      lastSeen.clear();
    },
  };
}
