import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QtyInput } from '../components/qty-input';
import { ShortPickDialog } from '../components/short-pick-dialog';
import '../fulfilment/floor.css';
import { useFloor } from '../fulfilment/floor-store';
import { orderName } from '../fulfilment/orders';
import { startProgress, type PickStep } from '../fulfilment/picking';
import { CameraSlot } from '../scanner/camera-slot';
import { dispatchScan } from '../scanner/scan-router';
import { useServices } from '../services/services-context';
import { useReplica } from '../stores/replica-store';

const STEPS: PickStep[] = ['bin', 'item', 'lot', 'tote'];

/** The picker's walk: the current stop large, bin -> item -> lot -> quantity -> tote, the rest of the path below. */
export function PickingScreen() {
  const { t } = useTranslation();
  const { replica, fulfilment } = useServices();
  const version = useReplica((s) => s.version);
  const { progress: stored, skipped, confirmShort } = useFloor((s) => s.picking);
  const docs = replica.mirror.docs;
  const [lot, setLot] = useState('');

  const stops = useMemo(() => {
    void version;
    void skipped;
    return fulfilment.picking.stops();
  }, [fulfilment, version, skipped]);
  const stop = stops.find((s) => s.task.id === stored?.taskId) ?? stops[0];
  const progress = stop ? (stored?.taskId === stop.task.id ? stored : startProgress(stop)) : null;
  const item = stop ? docs.items.get(stop.task.itemId) : undefined;
  const bin = stop ? docs.locations.get(stop.task.locationId) : undefined;
  const steps = STEPS.filter((s) => s !== 'lot' || stop?.task.lot);
  const order = stop ? orderName(docs, stop.task.orderId) : undefined;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (confirmShort) return;
      if (e.key === 'F2') fulfilment.picking.askShort();
      else if (e.key === 'F3') fulfilment.picking.skip();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fulfilment, confirmShort]);

  if (!stop || !progress) {
    return (
      <main className="app-main" id="content" data-testid="picking-screen">
        <section className="panel">
          <h1>{t('picking.title')}</h1>
          <p data-testid="picking-empty">{t('picking.empty')}</p>
        </section>
      </main>
    );
  }
  const index = stops.indexOf(stop);
  return (
    <main className="app-main" id="content" data-testid="picking-screen">
      <div className="floor-grid">
        <section className="panel stop-card" data-testid="pick-current" data-task-id={stop.task.id} data-step={progress.step} data-item-id={stop.task.itemId} data-location-id={stop.task.locationId} data-order-id={stop.task.orderId} aria-live="polite">
          <div className="floor-head">
            <h1>{t('picking.title')}</h1>
            <span className="muted">{t('picking.wave', { number: stop.waveNumber })}</span>
            {order && (
              <span className="stop-order" data-testid="pick-order" data-order-number={order.number}>
                {t('picking.order', { number: order.number })}
              </span>
            )}
            <span className="muted" data-testid="pick-position">
              {t('picking.stop', { n: index + 1, total: stops.length })}
            </span>
          </div>
          <ol className="steps" aria-label={t('picking.title')}>
            {steps.map((s) => (
              <li key={s} aria-current={progress.step === s ? 'step' : undefined} data-done={steps.indexOf(s) < steps.indexOf(progress.step)}>
                {t(`picking.steps.${s}`)}
              </li>
            ))}
          </ol>
          <div className="stop-label">{t('picking.bin')}</div>
          <div className="stop-bin" data-testid="pick-bin">
            {bin?.code ?? '—'}
          </div>
          <dl className="facts">
            <div>
              <dt>{t('picking.item')}</dt>
              <dd>
                <div className="stop-item" data-testid="pick-item">
                  {item?.name ?? stop.task.itemId}
                </div>
                <div className="item-sku">{item?.sku}</div>
              </dd>
            </div>
            {stop.task.lot && (
              <div>
                <dt>{t('picking.lot')}</dt>
                <dd data-testid="pick-lot">{stop.task.lot}</dd>
              </div>
            )}
            <div>
              <dt>{t('picking.qty')}</dt>
              <dd>
                <div className="stop-qty" data-testid="pick-remaining">
                  {stop.remaining}
                </div>
                <div className="muted">{t('picking.picked', { picked: stop.task.qtyPicked, qty: stop.task.qty })}</div>
              </dd>
            </div>
          </dl>
          <div className="step-now" data-testid="pick-step">
            {t(`picking.steps.${progress.step}`)}
          </div>
          <div className="inline-fields">
            <QtyInput label={t('picking.pickQty')} name="pick-qty" value={progress.qty} onChange={(q) => fulfilment.picking.setQty(q)} />
            {progress.step === 'lot' && (
              <form
                className="field"
                onSubmit={(e) => {
                  e.preventDefault();
                  void fulfilment.picking.typeLot(lot);
                }}
              >
                <label htmlFor="pick-lot-input">{t('picking.lot')}</label>
                <div className="row">
                  <input id="pick-lot-input" name="lot" value={lot} onChange={(e) => setLot(e.target.value)} maxLength={20} style={{ flex: 1, minWidth: 0 }} />
                  <button type="submit" className="btn secondary">
                    {t('picking.checkLot')}
                  </button>
                </div>
              </form>
            )}
          </div>
          <div className="floor-actions">
            <button type="button" className="btn danger" onClick={() => fulfilment.picking.askShort()} data-testid="pick-short" aria-keyshortcuts="F2">
              {t('picking.short')}
            </button>
            <button type="button" className="btn secondary" onClick={() => fulfilment.picking.skip()} disabled={stops.length < 2} aria-keyshortcuts="F3">
              {t('picking.skip')}
            </button>
          </div>
          <p className="muted">{t('picking.shortcuts')}</p>
        </section>
        <aside className="panel">
          <h2>{t('picking.path')}</h2>
          <ol className="path-list" data-testid="pick-list">
            {stops.slice(0, 60).map((s, i) => (
              <li key={s.task.id} aria-current={s === stop} data-testid="pick-stop">
                <span className="seq">{i + 1}</span>
                <span>
                  <strong>{docs.locations.get(s.task.locationId)?.code}</strong> · {docs.items.get(s.task.itemId)?.name}
                  {s.task.lot ? ` · ${s.task.lot}` : ''}
                  <span className="item-sku"> · {orderName(docs, s.task.orderId).number}</span>
                </span>
                <span className="num">{s.remaining}</span>
              </li>
            ))}
          </ol>
          <CameraSlot onScan={dispatchScan} />
        </aside>
      </div>
      {confirmShort === stop.task.id && <ShortPickDialog stop={stop} />}
    </main>
  );
}
