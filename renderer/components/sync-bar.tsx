import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session-store';
import { useSync, type SyncProblem } from '../stores/sync-store';

function problemKey(p: SyncProblem): string {
  return p.kind === 'auth' ? 'sync.authExpired' : p.kind === 'upgrade' ? 'sync.upgrade' : p.kind === 'quota' ? 'sync.quota' : 'sync.error';
}

/** Always on screen: online or not, scans waiting, last sync, download progress and problems. */
export function SyncBar({ onRelogin }: { onRelogin(): void }) {
  const { t, i18n } = useTranslation();
  const { online, pending, lastSyncAt, bootstrap, problem } = useSync();
  const session = useSession((s) => s.session);
  const time = lastSyncAt ? new Date(lastSyncAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : null;
  const fraction = bootstrap ? bootstrap.done.length / bootstrap.total : 0;

  return (
    <header className="sync-bar" aria-label={t('sync.status')}>
      <span className="brand">{t('app.title')}</span>
      {session && (
        <span>
          {session.user.displayName} · {session.device.warehouseCode}
          {session.offline ? ` · ${t('login.offlineMode')}` : ''}
        </span>
      )}
      <span className="sync-dot" data-online={online} data-testid="sync-online">
        {online ? t('sync.online') : t('sync.offline')}
      </span>
      <span className="sync-pending" data-count={pending} data-testid="sync-pending">
        {pending > 0 ? t('sync.pending', { count: pending }) : t('sync.allSynced')}
      </span>
      <span data-testid="sync-last">{time ? t('sync.lastSync', { time }) : t('sync.never')}</span>
      {bootstrap && (
        <div style={{ width: '100%' }}>
          <div>{t('sync.downloading', { count: bootstrap.docs })}</div>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}>
            <div style={{ width: `${Math.max(3, fraction * 100)}%` }} />
          </div>
        </div>
      )}
      {problem && (
        <div className="sync-problem" role="alert" data-testid="sync-problem" data-kind={problem.kind}>
          <span>{t(problemKey(problem), problem.kind === 'error' ? { message: problem.message } : {})}</span>
          {problem.kind === 'auth' && (
            <button type="button" className="btn secondary" onClick={onRelogin}>
              {t('sync.relogin')}
            </button>
          )}
        </div>
      )}
    </header>
  );
}
