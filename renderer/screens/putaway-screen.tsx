import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OverrideReasonDialog } from '../components/override-reason-dialog';
import '../fulfilment/floor.css';
import { useFloor } from '../fulfilment/floor-store';
import { viewBalances } from '../fulfilment/stock';
import { CameraSlot } from '../scanner/camera-slot';
import { dispatchScan } from '../scanner/scan-router';
import { useServices } from '../services/services-context';
import { useReplica } from '../stores/replica-store';
import { useSession } from '../stores/session-store';

const WAITING_SHOWN = 50;

/** Put-away: scan an item at the dock, see the bin the rule suggests (worked out on this device), scan the bin. */
export function PutawayScreen() {
  const { t } = useTranslation();
  const { replica, fulfilment } = useServices();
  const version = useReplica((s) => s.version);
  const warehouseId = useSession((s) => s.session?.device.warehouseId ?? '');
  const { draft, override, last } = useFloor((s) => s.putaway);
  const docs = replica.mirror.docs;
  const code = (id: string | undefined) => (id ? (docs.locations.get(id)?.code ?? '') : '');

  const waiting = useMemo(() => {
    void version;
    return viewBalances(replica.view.current, docs, warehouseId)
      .filter((r) => r.status === 'available' && r.qty > 0 && docs.locations.get(r.locationId)?.kind === 'dock')
      .sort((a, b) => b.qty - a.qty)
      .slice(0, WAITING_SHOWN);
  }, [replica, docs, warehouseId, version]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || override) return;
      fulfilment.putaway.cancel();
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fulfilment, override]);

  const item = draft ? docs.items.get(draft.itemId) : undefined;
  return (
    <main className="app-main" id="content" data-testid="putaway-screen">
      <div className="floor-grid">
        <section className="panel stop-card" data-testid="putaway-current" data-item-id={draft?.itemId ?? ''}>
          <h1>{t('putaway.title')}</h1>
          {!draft && <p className="step-now">{t('putaway.prompt')}</p>}
          {!draft && last && (
            <p className="muted" data-testid="putaway-last">
              {t('putaway.last', { qty: last.qty, name: docs.items.get(last.itemId)?.name ?? '', code: code(last.toLocationId) })}
            </p>
          )}
          {draft && (
            <>
              <div className="stop-item">{item?.name}</div>
              <div className="item-sku">
                {item?.sku}
                {draft.lot ? ` · ${t('picking.lot')} ${draft.lot}` : ''}
              </div>
              <dl className="facts">
                <div>
                  <dt>{t('putaway.from')}</dt>
                  <dd>{code(draft.fromLocationId)}</dd>
                </div>
                <div>
                  <dt>{t('putaway.atDock')}</dt>
                  <dd data-testid="putaway-available">{draft.available}</dd>
                </div>
              </dl>
              <label className="field">
                {t('putaway.qty')}
                <input
                  name="putaway-qty"
                  inputMode="numeric"
                  pattern="[0-9]*"
                  value={draft.qty}
                  onChange={(e) => fulfilment.putaway.setQty(Number.parseInt(e.target.value || '1', 10))}
                  onFocus={(e) => e.target.select()}
                />
              </label>
              <div className="stop-label">{t('putaway.suggested')}</div>
              {draft.suggestion ? (
                <>
                  <div className="suggest-bin" data-testid="putaway-suggested" data-location-id={draft.suggestion.locationId}>
                    {code(draft.suggestion.locationId)}
                  </div>
                  <div className="muted">{t(`putaway.rule.${draft.suggestion.rule}`)}</div>
                  <p className="step-now">{t('putaway.scanBin', { code: code(draft.suggestion.locationId) })}</p>
                </>
              ) : (
                <p className="error" data-testid="putaway-suggested">
                  {t('putaway.noSuggestion')}
                </p>
              )}
              <div className="floor-actions">
                <button type="button" className="btn secondary" onClick={() => fulfilment.putaway.cancel()}>
                  {t('putaway.cancel')}
                </button>
              </div>
            </>
          )}
          <p className="muted">{t('putaway.shortcuts')}</p>
        </section>
        <aside className="panel">
          <h2>{t('putaway.waiting')}</h2>
          {waiting.length === 0 && <p className="muted">{t('putaway.nothingWaiting')}</p>}
          <ul className="path-list codes" data-testid="putaway-waiting">
            {waiting.map((r) => (
              <li key={`${r.locationId}|${r.itemId}|${r.lot ?? ''}`}>
                <span className="seq">{code(r.locationId)}</span>
                <span>
                  {docs.items.get(r.itemId)?.name}
                  {r.lot ? ` · ${r.lot}` : ''}
                </span>
                <span className="num">{r.qty}</span>
              </li>
            ))}
          </ul>
          <CameraSlot onScan={dispatchScan} />
        </aside>
      </div>
      {override && <OverrideReasonDialog toCode={code(override.toLocationId)} suggestedCode={code(draft?.suggestion?.locationId)} />}
    </main>
  );
}
