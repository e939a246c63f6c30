import { useTranslation } from 'react-i18next';
import { LANGUAGES, useSettings, type Language } from '../stores/settings-store';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const { language, setLanguage } = useSettings();
  const change = (l: Language) => {
    setLanguage(l);
    void i18n.changeLanguage(l);
  };
  return (
    <label className="row">
      <span className="sr-only">{t('settings.language')}</span>
      <select value={language} onChange={(e) => change(e.target.value as Language)} aria-label={t('settings.language')} style={{ minHeight: '3rem' }}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
