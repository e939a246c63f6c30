import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { logIn } from '../services/auth-actions';
import { useServices } from '../services/services-context';
import { useSession } from '../stores/session-store';
import { useSync } from '../stores/sync-store';
import { LanguagePicker } from '../components/language-picker';

export function LoginScreen() {
  const { t } = useTranslation();
  const services = useServices();
  const { error, busy } = useSession();
  const online = useSync((s) => s.online);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void logIn(services, username, password).then(() => setPassword(''));
  };

  return (
    <main className="app-main">
      <form className="panel login" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        {!online && <p className="muted">{t('login.offlineNote')}</p>}
        <label className="field">
          {t('login.username')}
          <input name="username" autoComplete="username" autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label className="field">
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && (
          <p className="error" role="alert" data-testid="login-error">
            {t(error.key, { message: error.message ?? '' })}
          </p>
        )}
        <div className="row">
          <button className="btn" type="submit" disabled={busy}>
            {busy ? t('login.working') : t('login.submit')}
          </button>
          <LanguagePicker />
        </div>
      </form>
    </main>
  );
}
