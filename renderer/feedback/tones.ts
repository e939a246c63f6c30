import type { FlashKind } from '../stores/feedback-store';

interface Tone {
  freq: number;
  ms: number;
  type: OscillatorType;
}

/** Three sounds nobody confuses across a noisy dock: a chirp, a double beep, a low buzz. */
const TONES: Record<FlashKind, Tone[]> = {
  accepted: [{ freq: 1760, ms: 70, type: 'sine' }],
  warning: [
    { freq: 880, ms: 110, type: 'triangle' },
    { freq: 880, ms: 110, type: 'triangle' },
  ],
  rejected: [{ freq: 196, ms: 450, type: 'square' }],
};
const GAP_MS = 70;

let ctx: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  ctx ??= new AudioContext();
  // Browsers start audio suspended until a user gesture; a scan's keystrokes count as one.
  if (ctx.state === 'suspended') void ctx.resume();
  return ctx;
}

/** Generated with WebAudio: no asset to fetch, so it works offline from the first scan. */
export function playTone(kind: FlashKind): void {
  const ac = audio();
  if (!ac) return;
  let at = ac.currentTime;
  for (const tone of TONES[kind]) {
    const osc = ac.createOscillator();
    const gain = ac.createGain();
    osc.type = tone.type;
    osc.frequency.value = tone.freq;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.35, at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + tone.ms / 1000);
    osc.connect(gain).connect(ac.destination);
    osc.start(at);
    osc.stop(at + tone.ms / 1000 + 0.02);
    at += (tone.ms + GAP_MS) / 1000;
  }
}
