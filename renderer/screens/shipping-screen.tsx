import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartonLabels } from '../components/carton-labels';
import '../fulfilment/floor.css';
import { useFloor } from '../fulfilment/floor-store';
import { useServices } from '../services/services-context';
import { useReplica } from '../stores/replica-store';

/** Shipping: a packed order, its carrier (from the wave when known) and tracking number; then the carton labels. */
export function ShippingScreen() {
  const { t } = useTranslation();
  const { replica, fulfilment } = useServices();
  const version = useReplica((s) => s.version);
  const { orderId, last } = useFloor((s) => s.shipping);
  const orders = useMemo(() => {
    void version;
    return fulfilment.shipping.orders();
  }, [fulfilment, version]);
  const order = orders.find((o) => o.orderId === orderId) ?? (orders.length === 1 ? orders[0] : undefined);
  const name = (id: string) => fulfilment.shipping.name(id);
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  useEffect(() => {
    setCarrier(order?.carrier ?? '');
    setTracking('');
  }, [order?.orderId, order?.carrier]);

  const lastCartons = useMemo(() => {
    void version;
    const cartons = replica.view.current.cartons;
    return (last?.cartonIds ?? []).map((id) => ({ id, weightGrams: cartons.get(id)?.weightGrams ?? 0 }));
  }, [replica, last, version]);

  const confirm = () => {
    if (!order) return;
    void fulfilment.shipping.confirm(order.orderId, carrier, tracking);
  };

  return (
    <main className="app-main" id="content" data-testid="shipping-screen">
      <div className="floor-grid">
        <section className="panel">
          <h1>{t('shipping.title')}</h1>
          <p>{t('shipping.prompt')}</p>
          {orders.length === 0 && <p className="muted">{t('shipping.none')}</p>}
          <ul className="choice-list" data-testid="ship-orders">
            {orders.slice(0, 200).map((o) => (
              <li key={o.orderId}>
                <button type="button" aria-pressed={order?.orderId === o.orderId} onClick={() => fulfilment.shipping.select(o.orderId)} data-testid={`ship-order-${o.orderId}`}>
                  <strong>{t('packing.order', { ref: name(o.orderId).number })}</strong>
                  {name(o.orderId).shipTo && <span>{name(o.orderId).shipTo}</span>}
                  <span className="muted">
                    {t('shipping.cartons', { count: o.cartons.length })}
                    {o.carrier ? ` · ${o.carrier}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel">
          {order ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                confirm();
              }}
              data-testid="ship-form"
              data-order-id={order.orderId}
            >
              <h2 data-testid="ship-order-number">{t('packing.order', { ref: name(order.orderId).number })}</h2>
              {name(order.orderId).shipTo && <p data-testid="ship-ship-to">{t('packing.shipTo', { name: name(order.orderId).shipTo })}</p>}
              <p>{t('shipping.cartons', { count: order.cartons.length })}</p>
              {order.unpacked > 0 && <p className="error">{t('shipping.unpacked', { count: order.unpacked })}</p>}
              <div className="inline-fields">
                <label className="field">
                  {t('shipping.carrier')}
                  <input name="carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)} maxLength={40} />
                </label>
                <label className="field">
                  {t('shipping.tracking')}
                  <input name="tracking" value={tracking} onChange={(e) => setTracking(e.target.value)} maxLength={60} autoComplete="off" />
                </label>
              </div>
              <div className="floor-actions">
                <button type="submit" className="btn" disabled={carrier.trim() === '' || tracking.trim().length < 4} data-testid="ship-confirm">
                  {t('shipping.confirm')}
                </button>
              </div>
              <CartonLabels cartons={order.cartons} />
            </form>
          ) : (
            last && (
              <div data-testid="ship-last">
                <h2>{t('shipping.lastShipped', { order: name(last.orderId).number })}</h2>
                <CartonLabels cartons={lastCartons} />
              </div>
            )
          )}
        </section>
      </div>
    </main>
  );
}
