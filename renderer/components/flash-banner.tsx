import { useEffect, useRef } from 'react';
import { playTone } from '../feedback/tones';
import { useFeedback, type FlashKind } from '../stores/feedback-store';
import { useSettings } from '../stores/settings-store';

/** Shape as well as colour: a circle with a tick, a triangle with "!", an octagon with a cross. */
function FlashIcon({ kind }: { kind: FlashKind }) {
  if (kind === 'accepted') {
    return (
      <svg viewBox="0 0 48 48" aria-hidden="true">
        <circle cx="24" cy="24" r="22" fill="#fff" />
        <path d="M13 25l7 7 15-16" stroke="#15803d" strokeWidth="6" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    );
  }
  if (kind === 'warning') {
    return (
      <svg viewBox="0 0 48 48" aria-hidden="true">
        <path d="M24 3L46 43H2z" fill="#1c1917" />
        <path d="M24 17v12" stroke="#f59e0b" strokeWidth="5" strokeLinecap="round" />
        <circle cx="24" cy="36" r="3" fill="#f59e0b" />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 48 48" aria-hidden="true">
      <path d="M15 2h18l13 13v18L33 46H15L2 33V15z" fill="#fff" />
      <path d="M16 16l16 16M32 16L16 32" stroke="#b91c1c" strokeWidth="6" strokeLinecap="round" />
    </svg>
  );
}

/** The full-width scan feedback, readable at arm's length; plays the matching tone. */
export function FlashBanner() {
  const flash = useFeedback((s) => s.flash);
  const sound = useSettings((s) => s.sound);
  const lastSeq = useRef(0);

  useEffect(() => {
    if (!flash || flash.seq === lastSeq.current) return;
    lastSeq.current = flash.seq;
    if (sound) playTone(flash.kind);
  }, [flash, sound]);

  if (!flash) return <div className="flash" data-kind="idle" role="status" aria-live="polite" data-testid="flash" />;
  return (
    <div
      key={flash.seq}
      className="flash"
      data-kind={flash.kind}
      data-seq={flash.seq}
      data-fresh="true"
      role={flash.kind === 'rejected' ? 'alert' : 'status'}
      aria-live="assertive"
      data-testid="flash"
    >
      <FlashIcon kind={flash.kind} />
      <div>
        <div className="flash-title" data-testid="flash-title">
          {flash.title}
        </div>
        {flash.detail && <div className="flash-detail">{flash.detail}</div>}
      </div>
    </div>
  );
}
