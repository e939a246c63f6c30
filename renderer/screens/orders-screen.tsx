import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { HoldReason } from '../../shared/schemas/orders';
import '../fulfilment/floor.css';
import { CameraSlot } from '../scanner/camera-slot';
import { dispatchScan } from '../scanner/scan-router';
import { useServices } from '../services/services-context';
import { useOrderSearch } from '../stores/orders-store';
import { useReplica } from '../stores/replica-store';

const SHOWN = 200;

/** Where the warehouse's orders stand, offline: scan an `ORD-` barcode or type an order number or name. */
export function OrdersScreen() {
  const { t, i18n } = useTranslation();
  const { fulfilment } = useServices();
  const version = useReplica((s) => s.version);
  const { query, setQuery } = useOrderSearch();
  const found = useMemo(() => {
    void version;
    return fulfilment.orders.search(query);
  }, [fulfilment, query, version]);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' });
  const hold = (code: string) => (HoldReason.safeParse(code).success ? t(`holds.${code}`) : code);

  return (
    <main className="app-main" id="content" data-testid="orders-screen">
      <section className="panel">
        <h1>{t('orders.title')}</h1>
        <form className="order-search" role="search" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            {t('orders.search')}
            <input type="search" name="order-search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" data-testid="orders-search" />
          </label>
          <button type="button" className="btn secondary" onClick={() => setQuery('')} disabled={query === ''}>
            {t('orders.clear')}
          </button>
        </form>
        <p className="muted" data-testid="orders-count" data-count={found.length}>
          {t('orders.count', { count: found.length })}
        </p>
        <ul className="order-cards" data-testid="orders-list">
          {found.slice(0, SHOWN).map((o) => (
            <li key={o.id} className="order-card" data-testid={`order-${o.id}`} data-status={o.status} data-order-number={o.orderNumber}>
              <div className="order-card-head">
                <strong data-testid="order-number">{o.orderNumber}</strong>
                <span className="chip" data-state={o.status} data-testid="order-status">
                  {t(`orderStatus.${o.status}`)}
                </span>
              </div>
              <div>{o.shipToName !== o.customerName && o.customerName ? `${o.shipToName} · ${o.customerName}` : o.shipToName}</div>
              <div className="order-progress">
                <span>{t('orders.picked', { n: o.linesPicked, lines: o.lines })}</span>
                <span>{t('orders.packed', { n: o.linesPacked, lines: o.lines })}</span>
                <span>{t('orders.shipped', { n: o.linesShipped, lines: o.lines })}</span>
              </div>
              {o.cutoff && <div className="muted">{t('orders.cutoff', { carrier: o.carrier ?? '', time: when(o.cutoff) })}</div>}
              {o.holds.length > 0 && <div className="error">{t('orders.holds', { holds: o.holds.map(hold).join(', ') })}</div>}
            </li>
          ))}
        </ul>
        {found.length > SHOWN && <p className="muted">{t('orders.more', { count: found.length - SHOWN })}</p>}
      </section>
      <CameraSlot onScan={dispatchScan} />
    </main>
  );
}
