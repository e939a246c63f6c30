/**
 * Keyboard-wedge scanners type their data as keystrokes, a few milliseconds
 * apart, ending in Enter or Tab. People type tens of milliseconds apart.
 * This state machine tells the two apart by inter-key timing: it holds
 * every printable key of a possible burst, and either completes a scan
 * (enough characters, every gap short, a terminator) or hands the held
 * characters back as ordinary typing. Pure: times come in with the keys.
 */

export type Terminator = 'Enter' | 'Tab';

export interface WedgeSettings {
  /** Longest gap between two keystrokes of one scan. */
  maxInterKeyMs: number;
  /** Shorter bursts are typing (a scan of "12" is indistinguishable from a fast typist). */
  minLength: number;
  terminators: readonly Terminator[];
  /** Scanners configured without a suffix: a fast burst ends by going quiet. */
  requireTerminator: boolean;
}

export const DEFAULT_WEDGE_SETTINGS: WedgeSettings = {
  maxInterKeyMs: 50,
  minLength: 4,
  terminators: ['Enter', 'Tab'],
  requireTerminator: true,
};

export interface WedgeKey {
  /** KeyboardEvent.key */
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** ms, monotonic (KeyboardEvent.timeStamp). */
  time: number;
}

export interface WedgeStep {
  /** Characters held earlier that turned out to be typing: give them to the focused field first. */
  flush: string;
  /** Swallow this key (it belongs to a burst or ends a scan). */
  consume: boolean;
  /** A completed scan, exactly as the scanner sent it (symbology identifier included). */
  scan: string | null;
}

/** ASCII 29, the GS1 FNC1 separator. Wedges send it as the character itself or as Ctrl+]. */
export const GS = '\u001d';
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);

export class WedgeDetector {
  private chars = '';
  private lastTime = 0;

  constructor(private settings: WedgeSettings = DEFAULT_WEDGE_SETTINGS) {}

  configure(settings: WedgeSettings): void {
    this.settings = settings;
  }

  get holding(): boolean {
    return this.chars.length > 0;
  }

  /** When the held burst should be reconsidered if no key arrives (for the caller's timer). */
  get deadline(): number | null {
    return this.chars.length > 0 ? this.lastTime + this.settings.maxInterKeyMs : null;
  }

  feed(k: WedgeKey): WedgeStep {
    if (MODIFIER_KEYS.has(k.key)) return { flush: '', consume: this.holding, scan: null };
    const char = toChar(k);
    // A slow gap closes whatever was held before this key.
    const before = this.holding && k.time - this.lastTime > this.settings.maxInterKeyMs ? this.idle(k.time) : NOTHING;

    if (char !== null) {
      this.chars += char;
      this.lastTime = k.time;
      return { flush: before.flush, consume: true, scan: before.scan };
    }

    if ((this.settings.terminators as readonly string[]).includes(k.key) && this.isScan(k.time)) {
      const scan = this.chars;
      this.reset();
      return { flush: before.flush, consume: true, scan };
    }
    // Any other key (Backspace, arrows, a terminator after typing): the held characters were typing.
    const flush = before.flush + this.chars;
    this.reset();
    return { flush, consume: false, scan: before.scan };
  }

  /** The caller's timer fired at `now` with no key since: settle the held burst. */
  idle(now: number): WedgeStep {
    if (!this.holding || now - this.lastTime <= this.settings.maxInterKeyMs) return NOTHING;
    const burst = this.chars;
    const isScan = !this.settings.requireTerminator && burst.length >= this.settings.minLength;
    this.reset();
    return isScan ? { flush: '', consume: false, scan: burst } : { flush: burst, consume: false, scan: null };
  }

  /** Every gap inside the held burst was short (a slow one would have flushed it); so must the terminator's be. */
  private isScan(now: number): boolean {
    return this.chars.length >= this.settings.minLength && now - this.lastTime <= this.settings.maxInterKeyMs;
  }

  private reset(): void {
    this.chars = '';
  }
}

const NOTHING: WedgeStep = { flush: '', consume: false, scan: null };

function toChar(k: WedgeKey): string | null {
  if (k.ctrlKey && k.key === ']') return GS;
  if (k.ctrlKey || k.altKey || k.metaKey) return null;
  return k.key.length === 1 ? k.key : null;
}
