import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CartonState } from '../../shared/domain/state';
import { cartonSynced, downloadLabelZpl, openLabelPdf } from '../fulfilment/labels';
import { useServices } from '../services/services-context';
import { useReplica } from '../stores/replica-store';
import { useSession } from '../stores/session-store';

/** Carton labels: the server assigns each carton's SSCC when it applies the carton, so labels come after sync. */
export function CartonLabels({ cartons }: { cartons: Pick<CartonState, 'id' | 'weightGrams'>[] }) {
  const { t } = useTranslation();
  const { replica } = useServices();
  const token = useSession((s) => s.session?.token ?? null);
  // Re-checked whenever the replica changes: the carton's outcome arriving makes its label available.
  useReplica((s) => s.version);
  const [error, setError] = useState<string | null>(null);
  const run = (fn: () => Promise<void>) => {
    setError(null);
    fn().catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };
  return (
    <section aria-label={t('shipping.labels')} data-testid="carton-labels">
      <h2>{t('shipping.labels')}</h2>
      {cartons.map((c, i) => {
        const ready = token !== null && cartonSynced(replica.mirror.docs, c.id);
        return (
          <div key={c.id} className="label-row" data-testid="carton-label" data-ready={ready}>
            <span>{t('shipping.label', { n: i + 1, weight: c.weightGrams })}</span>
            {ready ? (
              <span className="row">
                <button type="button" className="btn secondary" onClick={() => run(() => openLabelPdf(c.id, token))}>
                  {t('shipping.printPdf')}
                </button>
                <button type="button" className="btn secondary" onClick={() => run(() => downloadLabelZpl(c.id, token))}>
                  {t('shipping.zpl')}
                </button>
              </span>
            ) : (
              <span className="muted">{t('shipping.afterSync')}</span>
            )}
          </div>
        );
      })}
      {error && <p className="error">{t('shipping.labelError', { message: error })}</p>}
    </section>
  );
}
