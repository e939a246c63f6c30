import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../services/services-context';
import { useReceiving, type TrackingPrompt } from '../stores/receiving-store';

/** A tracked item scanned without its lot/expiry/serial: scan the GS1 label or type it. */
export function TrackingDialog({ prompt }: { prompt: TrackingPrompt }) {
  const { t } = useTranslation();
  const { receiving } = useServices();
  const [lot, setLot] = useState('');
  const [expiry, setExpiry] = useState('');
  const [serial, setSerial] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void receiving.completeTracking({ lot, expiry, serial });
  };
  const needs = (k: 'lot' | 'expiry' | 'serial') => prompt.missing.includes(k);
  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="tracking-title" onSubmit={submit} data-testid="tracking-dialog">
        <h2 id="tracking-title">{t('tracking.title', { name: prompt.draft.item.name })}</h2>
        <p className="muted">{t('tracking.hint')}</p>
        {needs('lot') && (
          <label className="field">
            {t('tracking.lot')}
            <input name="lot" value={lot} onChange={(e) => setLot(e.target.value)} maxLength={20} autoFocus />
          </label>
        )}
        {needs('expiry') && (
          <label className="field">
            {t('tracking.expiry')}
            <input name="expiry" type="date" value={expiry} onChange={(e) => setExpiry(e.target.value)} />
          </label>
        )}
        {needs('serial') && (
          <label className="field">
            {t('tracking.serial')}
            <input name="serial" value={serial} onChange={(e) => setSerial(e.target.value)} maxLength={20} autoFocus />
          </label>
        )}
        <div className="row">
          <button type="submit" className="btn">
            {t('tracking.save')}
          </button>
          <button type="button" className="btn secondary" onClick={() => void receiving.completeTracking({ lot, expiry, serial, force: true })}>
            {t('tracking.force')}
          </button>
          <button type="button" className="btn secondary" onClick={() => useReceiving.getState().setPrompt(null)}>
            {t('tracking.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
