import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../fulfilment/floor.css';
import { useFloor } from '../fulfilment/floor-store';
import { verifyCarton } from '../fulfilment/packing';
import { CameraSlot } from '../scanner/camera-slot';
import { dispatchScan } from '../scanner/scan-router';
import { useServices } from '../services/services-context';
import { useReplica } from '../stores/replica-store';

/** The pack station: open an order by its tote, scan every item into the carton, weigh and close. */
export function PackingScreen() {
  const { t } = useTranslation();
  const { replica, fulfilment } = useServices();
  const version = useReplica((s) => s.version);
  const { orderId, tote, carton, choose, last } = useFloor((s) => s.packing);
  const docs = replica.mirror.docs;
  const [weight, setWeight] = useState('');
  const [unit, setUnit] = useState<'g' | 'kg'>('kg');

  const orders = useMemo(() => {
    void version;
    return fulfilment.packing.orders();
  }, [fulfilment, version]);
  const expected = useMemo(() => {
    void version;
    return orderId ? fulfilment.packing.expected(orderId) : [];
  }, [fulfilment, orderId, version]);
  const check = useMemo(() => verifyCarton(expected, carton), [expected, carton]);
  const name = (id: string) => docs.items.get(id)?.name ?? id;
  const order = (id: string) => fulfilment.packing.name(id);
  const sku = (id: string) => docs.items.get(id)?.sku ?? '';

  const close = () => {
    void fulfilment.packing.close(weight, unit).then((ok) => {
      if (ok) setWeight('');
    });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!orderId) return;
      if (e.key === 'F4') close();
      else if (e.key === 'Escape') fulfilment.packing.leave();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!orderId) {
    return (
      <main className="app-main" id="content" data-testid="packing-screen">
        <section className="panel">
          <h1>{t('packing.title')}</h1>
          <p>{t('packing.prompt')}</p>
          {last && <p className="muted">{t('packing.lastCarton', { ref: order(last.orderId).number })}</p>}
          <h2>{t('packing.orders')}</h2>
          {orders.length === 0 && <p className="muted">{t('packing.none')}</p>}
          <ul className="choice-list" data-testid="pack-orders">
            {orders.slice(0, 200).map((o) => (
              <li key={o.orderId}>
                <button type="button" onClick={() => fulfilment.packing.open(o.orderId, o.totes[0] ?? null)} data-testid={`pack-order-${o.orderId}`}>
                  <strong>{t('packing.order', { ref: order(o.orderId).number })}</strong>
                  {order(o.orderId).shipTo && <span>{order(o.orderId).shipTo}</span>}
                  <span className="muted">
                    {t('packing.units', { count: o.remaining })}
                    {o.totes.length > 0 ? ` · ${t('packing.totes', { totes: o.totes.join(', ') })}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <CameraSlot onScan={dispatchScan} />
        {choose && (
          <div className="dialog-backdrop">
            <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="choose-title">
              <h2 id="choose-title">{t('packing.chooseTitle', { code: tote ?? '' })}</h2>
              <ul className="choice-list">
                {choose.map((id) => (
                  <li key={id}>
                    <button type="button" onClick={() => fulfilment.packing.open(id, tote)}>
                      <strong>{t('packing.order', { ref: order(id).number })}</strong>
                      {order(id).shipTo && <span>{order(id).shipTo}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
      </main>
    );
  }

  const open = order(orderId);
  const inCarton = (itemId: string, lot: string | null) => carton.filter((c) => c.itemId === itemId && c.lot === lot).reduce((n, c) => n + c.qty, 0);
  return (
    <main className="app-main" id="content" data-testid="packing-screen" data-order-id={orderId}>
      <section className="panel floor-head">
        <h1 data-testid="pack-order-number">{t('packing.order', { ref: open.number })}</h1>
        {open.shipTo && <span data-testid="pack-ship-to">{t('packing.shipTo', { name: open.shipTo })}</span>}
        {tote && <span className="muted">{tote}</span>}
      </section>
      <div className="floor-grid even">
        <section className="panel">
          <h2>{t('packing.expected')}</h2>
          <ul className="pack-lines" data-testid="pack-expected">
            {expected
              .filter((l) => l.remaining > 0)
              .map((l) => {
                const got = inCarton(l.itemId, l.lot);
                const left = Math.max(0, l.remaining - got);
                return (
                  <li key={`${l.itemId}|${l.lot ?? ''}`} data-kind={left > 0 ? 'missing' : 'done'} data-testid={`pack-line-${sku(l.itemId)}`} data-left={left}>
                    <span>
                      <span className="item-name">{name(l.itemId)}</span>
                      <span className="item-sku">
                        {' '}
                        {sku(l.itemId)}
                        {l.lot ? ` · ${l.lot}` : ''}
                      </span>
                    </span>
                    <span className="qty">
                      {got} / {l.remaining}
                    </span>
                  </li>
                );
              })}
          </ul>
          {check.missing.length === 0 && carton.length > 0 && <p className="muted">{t('packing.complete')}</p>}
        </section>
        <section className="panel">
          <h2>{t('packing.carton')}</h2>
          {carton.length === 0 && <p className="muted">{t('packing.cartonEmpty')}</p>}
          <ul className="pack-lines" data-testid="pack-carton">
            {carton.map((c) => {
              const extra = check.extra.find((x) => x.itemId === c.itemId && x.lot === c.lot);
              return (
                <li key={`${c.itemId}|${c.lot ?? ''}`} data-kind={extra ? 'extra' : 'ok'}>
                  <span>
                    <span className="item-name">{name(c.itemId)}</span>
                    {c.lot ? <span className="item-sku"> · {c.lot}</span> : null}
                    {extra && <div>{t('packing.extra')}: {extra.qty}</div>}
                  </span>
                  <span className="row">
                    <span className="qty">{c.qty}</span>
                    <button type="button" className="btn secondary" onClick={() => fulfilment.packing.removeOne(c.itemId, c.lot)} aria-label={`${t('packing.removeOne')}: ${name(c.itemId)}`}>
                      −1
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
          <div className="inline-fields" style={{ marginTop: '0.75rem' }}>
            <label className="field">
              {t('packing.weight')}
              <input name="weight" inputMode="decimal" value={weight} onChange={(e) => setWeight(e.target.value)} data-testid="pack-weight" />
            </label>
            <div className="field" role="group" aria-label={t('packing.unit')}>
              {t('packing.unit')}
              <div className="segmented">
                {(['kg', 'g'] as const).map((u) => (
                  <button key={u} type="button" aria-pressed={unit === u} onClick={() => setUnit(u)}>
                    {u}
                  </button>
                ))}
              </div>
            </div>
          </div>
          <div className="floor-actions">
            <button type="button" className="btn" onClick={close} disabled={carton.length === 0 || check.extra.length > 0} data-testid="pack-close" aria-keyshortcuts="F4">
              {t('packing.close')}
            </button>
            <button type="button" className="btn secondary" onClick={() => fulfilment.packing.leave()}>
              {t('packing.leave')}
            </button>
          </div>
          <p className="muted">{t('packing.shortcuts')}</p>
        </section>
      </div>
      <CameraSlot onScan={dispatchScan} />
    </main>
  );
}
