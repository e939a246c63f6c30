import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { plateUnits } from '../../shared/domain/licence-plates';
import type { PlateState } from '../../shared/domain/state';
import { OverrideReasonDialog } from '../components/override-reason-dialog';
import { PlateContents } from '../components/plate-contents';
import { QtyInput } from '../components/qty-input';
import '../fulfilment/floor.css';
import { useFloor } from '../fulfilment/floor-store';
import { looseAtDocks } from '../fulfilment/putaway';
import { viewBalances } from '../fulfilment/stock';
import { CameraSlot } from '../scanner/camera-slot';
import { dispatchScan } from '../scanner/scan-router';
import { useServices } from '../services/services-context';
import { useReplica } from '../stores/replica-store';
import { useSession } from '../stores/session-store';

const WAITING_SHOWN = 50;

/** Plates at a dock with something on them, oldest first: the pallets waiting for the forklift. */
function platesWaiting(plates: ReadonlyMap<string, PlateState>, warehouseId: string): PlateState[] {
  return [...plates.values()]
    .filter((p) => p.warehouseId === warehouseId && (p.status === 'open' || p.status === 'closed') && p.contents.length > 0)
    .sort((a, b) => (a.openedAt < b.openedAt ? -1 : 1));
}

/** Put-away: scan an item or a licence plate at the dock, see the bin the rule suggests (worked out on this device), scan the bin. */
export function PutawayScreen() {
  const { t } = useTranslation();
  const { replica, fulfilment } = useServices();
  const version = useReplica((s) => s.version);
  const warehouseId = useSession((s) => s.session?.device.warehouseId ?? '');
  const { draft, override, last, plate, lastPlate } = useFloor((s) => s.putaway);
  const docs = replica.mirror.docs;
  const code = (id: string | undefined) => (id ? (docs.locations.get(id)?.code ?? '') : '');

  const { waiting, plates } = useMemo(() => {
    void version;
    const state = replica.view.current;
    return {
      waiting: looseAtDocks(viewBalances(state, docs, warehouseId), state.plates.values(), docs.locations).slice(0, WAITING_SHOWN),
      plates: platesWaiting(state.plates, warehouseId).slice(0, WAITING_SHOWN),
    };
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
          {!draft && !plate && <p className="step-now">{t('putaway.prompt')}</p>}
          {!draft && !plate && lastPlate && (
            <p className="muted" data-testid="putaway-last-plate">
              {t('putaway.lastPlate', { lpn: lastPlate.lpn, units: lastPlate.units, code: code(lastPlate.toLocationId) })}
            </p>
          )}
          {plate && (
            <div data-testid="putaway-plate" data-lpn={plate.lpn}>
              <div className="stop-item">{plate.lpn}</div>
              <dl className="facts">
                <div>
                  <dt>{t('putaway.from')}</dt>
                  <dd>{code(plate.fromLocationId)}</dd>
                </div>
                <div>
                  <dt>{t('putaway.plateUnits')}</dt>
                  <dd data-testid="putaway-plate-units">{plateUnits(plate)}</dd>
                </div>
              </dl>
              <PlateContents lines={plate.contents} items={docs.items} />
              <Suggestion suggestion={plate.suggestion} code={code} scanKey="putaway.scanBinPlate" noneKey="putaway.noSuggestionPlate" onCancel={() => fulfilment.putaway.cancel()} />
            </div>
          )}
          {!draft && !plate && last && (
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
              <QtyInput label={t('putaway.qty')} name="putaway-qty" value={draft.qty} onChange={(q) => fulfilment.putaway.setQty(q)} />
              <Suggestion suggestion={draft.suggestion} code={code} scanKey="putaway.scanBin" noneKey="putaway.noSuggestion" onCancel={() => fulfilment.putaway.cancel()} />
            </>
          )}
          <p className="muted">{t('putaway.shortcuts')}</p>
        </section>
        <aside className="panel">
          <h2>{t('putaway.platesWaiting')}</h2>
          {plates.length === 0 && <p className="muted">{t('putaway.noPlatesWaiting')}</p>}
          <ul className="path-list codes" data-testid="putaway-plates-waiting">
            {plates.map((p) => (
              <li key={p.code} data-lpn={p.code}>
                <span className="seq">{p.code}</span>
                <span>
                  {code(p.locationId ?? undefined)} · {t(`plate.state.${p.status}`)}
                </span>
                <span className="num">{plateUnits(p)}</span>
              </li>
            ))}
          </ul>
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
      {override && <OverrideReasonDialog toCode={code(override.toLocationId)} suggestedCode={code((plate ?? draft)?.suggestion?.locationId)} />}
    </main>
  );
}

/** The suggested bin (or why there is none) and the way out, for an item or a whole plate. */
function Suggestion(props: {
  suggestion: { locationId: string; rule: string } | null;
  code: (locationId: string) => string;
  scanKey: string;
  noneKey: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { suggestion, code } = props;
  return (
    <>
      <div className="stop-label">{t('putaway.suggested')}</div>
      {suggestion ? (
        <>
          <div className="suggest-bin" data-testid="putaway-suggested" data-location-id={suggestion.locationId}>
            {code(suggestion.locationId)}
          </div>
          <div className="muted">{t(`putaway.rule.${suggestion.rule}`)}</div>
          <p className="step-now">{t(props.scanKey, { code: code(suggestion.locationId) })}</p>
        </>
      ) : (
        <p className="error" data-testid="putaway-suggested">
          {t(props.noneKey)}
        </p>
      )}
      <div className="floor-actions">
        <button type="button" className="btn secondary" onClick={props.onCancel}>
          {t('putaway.cancel')}
        </button>
      </div>
    </>
  );
}
