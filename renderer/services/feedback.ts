import { t } from '../i18n';
import type { FlashSpec } from '../receiving/scan-feedback';
import { useFeedback, type FlashKind } from '../stores/feedback-store';

/** Shows a flash given as i18n keys; the banner plays the matching sound. */
export function flash(kind: FlashKind, titleKey: string, detailKeys: string[] = [], params: Record<string, unknown> = {}): void {
  useFeedback.getState().show(kind, t(titleKey, params), detailKeys.map((k) => t(k, params)).join(' '));
}

export function flashSpec(spec: FlashSpec): void {
  flash(spec.kind, spec.title, spec.details, spec.params);
}
