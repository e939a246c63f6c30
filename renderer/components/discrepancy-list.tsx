import { useTranslation } from 'react-i18next';
import type { Discrepancy } from '../../shared/schemas/docs';
import { useServices } from '../services/services-context';

export function DiscrepancyList({ discrepancies }: { discrepancies: Discrepancy[] }) {
  const { t } = useTranslation();
  const { replica } = useServices();
  if (discrepancies.length === 0) return <p data-testid="discrepancies-none">{t('close.matches')}</p>;
  return (
    <>
      <p>{t('close.differences')}</p>
      <ul className="discrepancies" data-testid="discrepancies">
        {discrepancies.map((d) => {
          const name = replica.mirror.docs.items.get(d.itemId)?.name ?? d.itemId;
          return (
            <li key={`${d.kind}-${d.itemId}`} data-kind={d.kind}>
              {t(`discrepancy.${d.kind}`, { name, qty: d.qty, received: d.received, expected: d.expected })}
            </li>
          );
        })}
      </ul>
    </>
  );
}
