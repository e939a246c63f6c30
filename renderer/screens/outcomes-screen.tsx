import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCEPTION_REASONS } from '../../shared/domain/reasons';
import { useServices } from '../services/services-context';
import { useReplica } from '../stores/replica-store';

const SHOWN = 200;

/** Server reasons are comma-separated stable codes; unknown text is shown as it came. */
function useReasonText() {
  const { t } = useTranslation();
  return (reason: string | null) =>
    (reason ?? '')
      .split(',')
      .filter(Boolean)
      .map((code) => (code in EXCEPTION_REASONS ? t(`reasons.${code}`) : code))
      .join(' ');
}

/** Per-event outcomes: what the server made of each scan from this device, and the warehouse's open exceptions. */
export function OutcomesScreen() {
  const { t, i18n } = useTranslation();
  const { replica } = useServices();
  const version = useReplica((s) => s.version);
  const reasonText = useReasonText();
  const docs = replica.mirror.docs;

  const events = useMemo(() => {
    void version;
    return [...docs.events.values()].sort((a, b) => (a.id < b.id ? 1 : -1)).slice(0, SHOWN);
  }, [docs, version]);
  const exceptions = useMemo(() => {
    void version;
    return [...docs.exceptions.values()].filter((x) => x.status === 'open').sort((a, b) => (a.raisedAt < b.raisedAt ? 1 : -1)).slice(0, SHOWN);
  }, [docs, version]);

  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const itemName = (id: string) => docs.items.get(id)?.name ?? '';

  return (
    <main className="app-main" id="content">
      <section className="panel">
        <h1>{t('outcomes.events')}</h1>
        {events.length === 0 && <p className="muted">{t('outcomes.empty')}</p>}
        <ul className="list-plain" data-testid="outcomes">
          {events.map((ev) => {
            const outcome = docs.event_outcomes.get(ev.id);
            const predicted = outcome ? null : replica.view.predictionFor(ev.id);
            const status = outcome?.status ?? 'waiting';
            return (
              <li key={ev.id} className="outcome" data-status={status}>
                <div>
                  <strong>{t(`outcomes.${status}`)}</strong> · {ev.type === 'receipt.line_scanned' ? `${ev.payload.qty} ${ev.payload.uom} ${itemName(ev.payload.itemId)}` : ev.type}
                </div>
                <div className="muted">{when(ev.occurredAt)}</div>
                {outcome?.status === 'exception' && <div>{reasonText(outcome.reason)}</div>}
                {predicted && predicted.reasons.length > 0 && <div className="muted">{t('outcomes.predicted', { reasons: reasonText(predicted.reasons.join(',')) })}</div>}
              </li>
            );
          })}
        </ul>
      </section>
      <section className="panel">
        <h2>{t('outcomes.exceptions')}</h2>
        {exceptions.length === 0 && <p className="muted">{t('outcomes.empty')}</p>}
        <ul className="list-plain" data-testid="exceptions">
          {exceptions.map((x) => (
            <li key={x.id}>
              <strong>{x.kind in EXCEPTION_REASONS ? t(`reasons.${x.kind}`) : x.kind}</strong>
              <div className="muted">{when(x.raisedAt)}</div>
              <div>{x.reason}</div>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
