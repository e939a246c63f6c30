import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseDialog } from '../components/close-dialog';
import { LineTable } from '../components/line-table';
import { QtyInput } from '../components/qty-input';
import { TrackingDialog } from '../components/tracking-dialog';
import { receivingProgress } from '../receiving/line-progress';
import { PlatePanel } from '../receiving/plate-panel';
import type { ReceivingSession } from '../receiving/session';
import { CameraSlot } from '../scanner/camera-slot';
import { dispatchScan } from '../scanner/scan-router';
import { useServices } from '../services/services-context';
import { useReceiving } from '../stores/receiving-store';
import { useReplica } from '../stores/replica-store';

/** The dock: scan items into the open receipt, watch expected vs received, close with discrepancies. */
export function ReceivingScreen({ session }: { session: ReceivingSession }) {
  const { t } = useTranslation();
  const { replica, receiving } = useServices();
  const version = useReplica((s) => s.version);
  const { qty, condition, prompt, closing, setQty, setCondition, toggleCondition } = useReceiving();
  const docs = replica.mirror.docs;
  const po = session.poId ? docs.purchase_orders.get(session.poId) : undefined;
  const asn = session.asnId ? docs.asns.get(session.asnId) : undefined;
  const dock = session.locationId ? docs.locations.get(session.locationId) : undefined;

  const lpn = session.lpn ?? null;
  const { lines, closed, plate } = useMemo(() => {
    void version;
    const state = replica.view.current;
    return {
      lines: receivingProgress(state, session),
      closed: state.receipts.get(session.receiptId)?.status === 'closed',
      plate: lpn ? state.plates.get(lpn) : undefined,
    };
  }, [replica, session, lpn, version]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') toggleCondition();
      else if (e.key === 'F4') receiving.previewClose();
      else if (e.key === 'Escape' && !prompt && !closing) receiving.leave();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [receiving, toggleCondition, prompt, closing]);

  return (
    <main className="app-main" id="content" data-testid="receiving-session" data-receipt-id={session.receiptId}>
      <section className="panel session-head">
        <h1>{asn ? t('receiving.asn', { number: asn.number }) : t('receiving.po', { number: po?.number ?? '' })}</h1>
        <span className="muted">{po?.supplierName}</span>
        <span>
          {t('receiving.dock')}: {dock?.code ?? t('receiving.defaultDock')}
        </span>
        {closed && <strong className="error">{t('receiving.receiptClosed')}</strong>}
      </section>
      <div className="receiving-grid">
        <section className="panel">
          <h2>{t('receiving.scanItems')}</h2>
          <div className="table-scroll">
            <LineTable lines={lines} items={docs.items} />
          </div>
        </section>
        <aside>
          <PlatePanel lpn={lpn} plate={plate} items={docs.items} onClose={() => void receiving.closePlate()} disabled={closed} />
          <div className="panel">
            <div className="controls">
              <QtyInput label={t('receiving.qty')} name="qty" value={qty} onChange={setQty} />
              <div className="field" role="group" aria-label={t('receiving.condition')}>
                {t('receiving.condition')}
                <div className="segmented">
                  {(['good', 'damaged'] as const).map((c) => (
                    <button key={c} type="button" data-value={c} aria-pressed={condition === c} onClick={() => setCondition(c)}>
                      {t(`condition.${c}`)}
                    </button>
                  ))}
                </div>
              </div>
            </div>
            <div className="row" style={{ marginTop: '0.75rem' }}>
              <button type="button" className="btn danger" onClick={() => receiving.previewClose()} disabled={closed}>
                {t('receiving.close')}
              </button>
              <button type="button" className="btn secondary" onClick={() => receiving.leave()}>
                {t('receiving.leave')}
              </button>
            </div>
            <p className="muted">{t('receiving.shortcuts')}</p>
            <CameraSlot onScan={dispatchScan} />
          </div>
        </aside>
      </div>
      {prompt && <TrackingDialog prompt={prompt} />}
      {closing && <CloseDialog preview={closing} />}
    </main>
  );
}
