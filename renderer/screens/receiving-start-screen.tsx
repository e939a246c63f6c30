import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PoList } from '../components/po-list';
import { DiscrepancyList } from '../components/discrepancy-list';
import { CameraSlot } from '../scanner/camera-slot';
import { dispatchScan } from '../scanner/scan-router';
import { useServices } from '../services/services-context';
import { useReceiving } from '../stores/receiving-store';
import { useReplica } from '../stores/replica-store';

const RECEIVABLE = new Set(['approved', 'open', 'partially_received']);

/** Pick or scan what arrived: a PO, an ASN, or a pallet's SSCC. */
export function ReceivingStartScreen() {
  const { t } = useTranslation();
  const { replica, receiving } = useServices();
  const version = useReplica((s) => s.version);
  const lastClosed = useReceiving((s) => s.lastClosed);
  const [query, setQuery] = useState('');

  const pos = useMemo(() => {
    void version;
    const q = query.trim().toLowerCase();
    return [...replica.mirror.docs.purchase_orders.values()]
      .filter((po) => RECEIVABLE.has(po.status))
      .filter((po) => q === '' || po.number.toLowerCase().includes(q) || po.supplierName.toLowerCase().includes(q))
      .sort((a, b) => (a.expectedAt ?? '9999').localeCompare(b.expectedAt ?? '9999') || a.number.localeCompare(b.number));
  }, [replica, version, query]);

  return (
    <main className="app-main" id="content">
      {lastClosed && (
        <section className="panel" data-testid="last-closed">
          <h2>{t('close.closed')}</h2>
          <DiscrepancyList discrepancies={lastClosed.discrepancies} />
        </section>
      )}
      <section className="panel">
        <h1>{t('receiving.startTitle')}</h1>
        <p>{t('receiving.scanPrompt')}</p>
        <label className="field">
          {t('receiving.search')}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <PoList pos={pos} onOpen={(id) => receiving.openPo(id)} />
      </section>
      <CameraSlot onScan={dispatchScan} />
    </main>
  );
}
