import { useTranslation } from 'react-i18next';
import type { ItemDoc } from '../../shared/schemas/docs';
import type { Stored } from '../db/rx-schemas';
import type { LineProgress } from '../receiving/line-progress';

/**
 * Expected against received, live, per item; over/short/unexpected as words and colours.
 * Under 600 px each row is laid out as a card (styles.css); `data-label` names the numbers there.
 */
export function LineTable({ lines, items }: { lines: LineProgress[]; items: ReadonlyMap<string, Stored<ItemDoc>> }) {
  const { t } = useTranslation();
  return (
    <table className="lines" data-testid="lines">
      <thead>
        <tr>
          <th className="col-item">{t('col.item')}</th>
          <th className="num col-expected">{t('col.expected')}</th>
          <th className="num col-received">{t('col.received')}</th>
          <th className="num col-this">{t('col.thisReceipt')}</th>
          <th className="col-state">{t('col.state')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => {
          const item = items.get(l.itemId);
          return (
            <tr key={l.itemId} data-testid={`line-${item?.sku ?? l.itemId}`} data-state={l.state}>
              <td className="col-item">
                <div className="item-name">{item?.name ?? l.itemId}</div>
                <div className="item-sku col-sku">
                  {item?.sku} {item && item.tracking !== 'none' ? `· ${item.tracking}` : ''}
                </div>
              </td>
              <td className="num col-expected" data-label={t('col.expected')} data-testid="expected">
                {l.expected ?? '—'}
              </td>
              <td className="num col-received" data-label={t('col.received')} data-testid="received">
                {l.received}
              </td>
              <td className="num col-this" data-label={t('col.thisReceipt')}>
                {l.thisReceipt}
                {l.damaged > 0 && <div className="error">{t('receiving.damaged', { count: l.damaged })}</div>}
              </td>
              <td className="col-state">
                <span className="chip" data-state={l.state}>
                  {t(`lineState.${l.state}`)}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
