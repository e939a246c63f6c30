import type { CDPSession, Page } from '@playwright/test';

const sessions = new WeakMap<Page, Promise<CDPSession>>();
const cdp = (page: Page) => {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
};

type KeyEvent = { key: string; code: string; text?: string; windowsVirtualKeyCode: number; modifiers?: number };

function keyFor(ch: string): KeyEvent {
  if (ch === '\u001d') return { key: ']', code: 'BracketRight', windowsVirtualKeyCode: 221, modifiers: 2 };
  const upper = ch.toUpperCase();
  const code = /[A-Z]/.test(upper) ? `Key${upper}` : /[0-9]/.test(ch) ? `Digit${ch}` : '';
  return { key: ch, code, text: ch, windowsVirtualKeyCode: upper.charCodeAt(0) };
}

const TERMINATORS: Record<'Enter' | 'Tab', KeyEvent> = {
  Enter: { key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 },
  Tab: { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 },
};

export interface WedgeOptions {
  terminator?: 'Enter' | 'Tab';
  /**
   * Milliseconds between keystrokes, stamped on the events like a hardware
   * scanner's OS timestamps: the page sees exactly these gaps however busy
   * the test runner or the browser is. Null = stamp each key when the
   * browser receives it (benchmarks: the real pipeline, end to end).
   */
  gapMs?: number | null;
}

/**
 * A keyboard-wedge scan as the hardware sends it: real, trusted key events
 * through Chromium's input pipeline (CDP Input.dispatchKeyEvent), all sent
 * at once so the runner's own pace (tracing, a busy machine) cannot stretch
 * them the way awaiting each key would.
 */
export async function wedgeScan(page: Page, code: string, opts: WedgeOptions = {}): Promise<void> {
  const session = await cdp(page);
  const keys = [...code].map(keyFor).concat(TERMINATORS[opts.terminator ?? 'Enter']);
  const gap = opts.gapMs === undefined ? 2 : opts.gapMs;
  const start = Date.now() / 1000;
  const stamp = (i: number) => (gap === null ? {} : { timestamp: start + (i * gap) / 1000 });
  await Promise.all(
    keys.flatMap((k, i) => [
      session.send('Input.dispatchKeyEvent', { type: k.text ? 'keyDown' : 'rawKeyDown', ...k, ...stamp(i) }),
      session.send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        key: k.key,
        code: k.code,
        windowsVirtualKeyCode: k.windowsVirtualKeyCode,
        modifiers: k.modifiers ?? 0,
        ...stamp(i),
      }),
    ]),
  );
}
