import { useTranslation } from 'react-i18next';
import type { ItemDoc, LicencePlateLine } from '../../shared/schemas/docs';
import type { Stored } from '../db/rx-schemas';

/** What is on a licence plate: one row per item, lot and status, quantity in base units. */
export function PlateContents({ lines, items }: { lines: readonly LicencePlateLine[]; items: ReadonlyMap<string, Stored<ItemDoc>> }) {
  const { t } = useTranslation();
  if (lines.length === 0) return <p className="muted">{t('plate.empty')}</p>;
  return (
    <ul className="path-list codes" data-testid="plate-contents">
      {lines.map((l) => {
        const item = items.get(l.itemId);
        return (
          <li key={`${l.itemId}|${l.lot ?? ''}|${l.status}`} data-item-id={l.itemId} data-qty={l.qty}>
            <span className="seq">{item?.sku ?? ''}</span>
            <span>
              {item?.name ?? l.itemId}
              {l.lot ? ` · ${t('picking.lot')} ${l.lot}` : ''}
              {l.status !== 'available' && <strong className="error"> · {t(`plate.status.${l.status}`)}</strong>}
            </span>
            <span className="num">{l.qty}</span>
          </li>
        );
      })}
    </ul>
  );
}
