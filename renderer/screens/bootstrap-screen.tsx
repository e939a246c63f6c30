import { useTranslation } from 'react-i18next';
import { PULL_COLLECTIONS } from '../../shared/schemas/docs';
import type { BootstrapProgress } from '../stores/sync-store';

/** A new device downloading its warehouse: scanning starts once everything is here. */
export function BootstrapScreen({ progress }: { progress: BootstrapProgress }) {
  const { t } = useTranslation();
  return (
    <main className="app-main">
      <section className="panel login" aria-busy="true" data-testid="bootstrap">
        <h1>{t('bootstrap.title')}</h1>
        <p>{t('bootstrap.progress', { done: progress.done.length, total: progress.total, count: progress.docs })}</p>
        {progress.expected !== undefined && progress.expected > 0 && (
          <progress data-testid="bootstrap-progress" max={progress.expected} value={Math.min(progress.docs, progress.expected)} style={{ width: '100%' }} />
        )}
        <ul className="list-plain">
          {PULL_COLLECTIONS.map((c) => (
            <li key={c}>
              {progress.done.includes(c) ? '✔ ' : '… '}
              {t(`collections.${c}`)}
            </li>
          ))}
        </ul>
        <p className="muted">{t('bootstrap.hint')}</p>
      </section>
    </main>
  );
}
