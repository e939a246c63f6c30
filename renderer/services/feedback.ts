import { flushSync } from 'react-dom';
import { t } from '../i18n';
import type { FlashSpec } from '../receiving/scan-feedback';
import { useFeedback, type FlashKind } from '../stores/feedback-store';

/**
 * Shows a flash given as i18n keys; the banner plays the matching sound.
 * The banner is committed at once, on its own: it is what the operator
 * waits for, and the screens re-render afterwards (ReplicaService.bump).
 */
export function flash(kind: FlashKind, titleKey: string, detailKeys: string[] = [], params: Record<string, unknown> = {}): void {
  const title = t(titleKey, params);
  const detail = detailKeys.map((k) => t(k, params)).join(' ');
  flushSync(() => useFeedback.getState().show(kind, title, detail));
}

export function flashSpec(spec: FlashSpec): void {
  flash(spec.kind, spec.title, spec.details, spec.params);
}
