import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../services/services-context';

const PRESETS = ['full', 'blocked', 'closer'] as const;

/** Another bin than the suggested one: the reason is required before the move is written. */
export function OverrideReasonDialog({ toCode, suggestedCode }: { toCode: string; suggestedCode: string }) {
  const { t } = useTranslation();
  const { fulfilment } = useServices();
  const [preset, setPreset] = useState<(typeof PRESETS)[number] | 'other'>('full');
  const [text, setText] = useState('');
  const reason = preset === 'other' ? text : t(`putaway.reasons.${preset}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void fulfilment.putaway.confirmOverride(reason);
  };
  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="reason-title" onSubmit={submit} data-testid="override-dialog">
        <h2 id="reason-title">{t('putaway.reasonTitle', { code: toCode })}</h2>
        <p className="muted">{t('putaway.reasonHint', { expected: suggestedCode })}</p>
        <div className="choice-list" role="radiogroup" aria-label={t('putaway.reason')}>
          {[...PRESETS, 'other' as const].map((p) => (
            <button key={p} type="button" role="radio" aria-checked={preset === p} aria-pressed={preset === p} onClick={() => setPreset(p)}>
              {t(`putaway.reasons.${p}`)}
            </button>
          ))}
        </div>
        {preset === 'other' && (
          <label className="field" style={{ marginTop: '0.75rem' }}>
            {t('putaway.reason')}
            <input name="reason" value={text} onChange={(e) => setText(e.target.value)} minLength={3} maxLength={200} autoFocus required />
          </label>
        )}
        <div className="row" style={{ marginTop: '0.75rem' }}>
          <button type="submit" className="btn" disabled={reason.trim().length < 3}>
            {t('putaway.confirm')}
          </button>
          <button type="button" className="btn secondary" onClick={() => fulfilment.putaway.cancelOverride()}>
            {t('putaway.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
