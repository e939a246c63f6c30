import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../components/language-picker';
import { useSession } from '../stores/session-store';
import { useSettings } from '../stores/settings-store';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { wedge, setWedge, sound, setSound } = useSettings();
  const device = useSession((s) => s.session?.device);
  const [offlineReady, setOfflineReady] = useState(false);
  const [persisted, setPersisted] = useState(false);

  useEffect(() => {
    void navigator.serviceWorker?.getRegistration().then((r) => setOfflineReady(Boolean(r?.active)));
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);

  return (
    <main className="app-main" id="content">
      <section className="panel">
        <h1>{t('settings.title')}</h1>
        <div className="field">
          {t('settings.language')}
          <LanguagePicker />
        </div>
        <label className="row field">
          <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} style={{ width: '1.5rem', height: '1.5rem' }} />
          {t('settings.sound')}
        </label>
      </section>
      <section className="panel">
        <h2>{t('settings.wedge')}</h2>
        <label className="field">
          {t('settings.maxGap')}
          <input inputMode="numeric" value={wedge.maxInterKeyMs} onChange={(e) => setWedge({ maxInterKeyMs: clamp(e.target.value, 5, 500) })} />
        </label>
        <label className="field">
          {t('settings.minLength')}
          <input inputMode="numeric" value={wedge.minLength} onChange={(e) => setWedge({ minLength: clamp(e.target.value, 1, 50) })} />
        </label>
        <label className="row field">
          <input
            type="checkbox"
            checked={wedge.requireTerminator}
            onChange={(e) => setWedge({ requireTerminator: e.target.checked })}
            style={{ width: '1.5rem', height: '1.5rem' }}
          />
          {t('settings.requireTerminator')}
        </label>
      </section>
      <section className="panel">
        <h2>{t('settings.device')}</h2>
        {device && <p>{t('settings.deviceLine', { name: device.name, warehouse: `${device.warehouseCode} · ${device.warehouseName}` })}</p>}
        <p data-testid="offline-ready">{offlineReady ? t('settings.offlineReady') : t('settings.offlineNotReady')}</p>
        <p>{persisted ? t('settings.storagePersisted') : t('settings.storageNotPersisted')}</p>
      </section>
    </main>
  );
}

function clamp(text: string, min: number, max: number): number {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}
