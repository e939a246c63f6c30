import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickStop } from '../fulfilment/picking';
import { useServices } from '../services/services-context';

/** Confirms a short pick: what is left at the stop was not there. */
export function ShortPickDialog({ stop }: { stop: PickStop }) {
  const { t } = useTranslation();
  const { fulfilment, replica } = useServices();
  const [note, setNote] = useState('');
  const docs = replica.mirror.docs;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void fulfilment.picking.confirmShort(note);
  };
  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="short-title" onSubmit={submit} data-testid="short-dialog">
        <h2 id="short-title">{t('picking.shortTitle')}</h2>
        <p>
          {t('picking.shortText', {
            qty: stop.remaining,
            name: docs.items.get(stop.task.itemId)?.name ?? '',
            code: docs.locations.get(stop.task.locationId)?.code ?? '',
          })}
        </p>
        <label className="field">
          {t('picking.note')}
          <input name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
        </label>
        <div className="row">
          <button type="submit" className="btn danger" autoFocus>
            {t('picking.confirmShort')}
          </button>
          <button type="button" className="btn secondary" onClick={() => fulfilment.picking.cancelShort()}>
            {t('picking.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
