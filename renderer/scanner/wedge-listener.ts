import { WedgeDetector, type WedgeSettings } from './wedge-detector';

export interface WedgeListenerOptions {
  settings: WedgeSettings;
  /** A completed scan; `at` is the terminator's KeyboardEvent.timeStamp. */
  onScan(raw: string, at: number): void;
}

function isTextField(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (!(el instanceof HTMLInputElement)) return false;
  return !el.readOnly && !el.disabled && ['text', 'search', 'password', 'number', 'tel', 'email', 'url', ''].includes(el.type);
}

/**
 * Typing that was held back while it might have been a scan goes to the
 * focused field as if typed (execCommand fires the same input events a key
 * would, so React's onChange sees it). Elsewhere it is dropped: shortcuts
 * use keys a scanner never sends (F-keys, Escape, arrows).
 */
function replayTyping(chars: string): void {
  const el = document.activeElement;
  if (chars === '' || !isTextField(el)) return;
  // execCommand is deprecated but remains the only way to insert text that behaves exactly like typing.
  if (!document.execCommand('insertText', false, chars)) {
    el.setRangeText(chars, el.selectionStart ?? el.value.length, el.selectionEnd ?? el.value.length, 'end');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/**
 * How long no key must arrive before held keys are settled. Longer than any
 * inter-key gap because a page busy for a moment (a sync batch, a render)
 * handles a scanner's queued keys late; only the last key a person types
 * waits this long to appear.
 */
const MIN_SILENCE_MS = 250;

/**
 * Listens on the whole window in the capture phase, before any field sees
 * the key, so a scan can never land in a text field by accident: its
 * characters are swallowed as they come and delivered as one scan.
 */
export function listenForWedgeScans(opts: WedgeListenerOptions): { configure(s: WedgeSettings): void; stop(): void } {
  const detector = new WedgeDetector(opts.settings);
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Gaps between keys are judged on the keys' own timestamps (the OS stamps them as they are
  // pressed); silence is judged on arrival, so a busy page that handles queued keys late does
  // not mistake its own delay for the scanner stopping.
  let lastStamp = 0;
  let lastArrival = 0;

  const settle = () => {
    timer = null;
    const step = detector.idle(lastStamp + (performance.now() - lastArrival));
    replayTyping(step.flush);
    if (step.scan !== null) opts.onScan(step.scan, performance.now());
  };
  const arm = () => {
    if (timer !== null) clearTimeout(timer);
    const gap = (detector.deadline ?? lastStamp) - lastStamp;
    timer = detector.holding ? setTimeout(settle, Math.max(gap, MIN_SILENCE_MS) + 1) : null;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    lastStamp = e.timeStamp;
    lastArrival = performance.now();
    const step = detector.feed({ key: e.key, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, time: e.timeStamp });
    replayTyping(step.flush);
    if (step.consume) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
    if (step.scan !== null) opts.onScan(step.scan, e.timeStamp);
    arm();
  };

  window.addEventListener('keydown', onKeyDown, { capture: true });
  return {
    configure: (s) => detector.configure(s),
    stop: () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      if (timer !== null) clearTimeout(timer);
    },
  };
}
