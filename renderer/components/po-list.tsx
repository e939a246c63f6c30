import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrderDoc } from '../../shared/schemas/docs';
import type { Stored } from '../db/rx-schemas';

const ROW_HEIGHT = 72;

/** Open POs, virtualised: a busy warehouse has thousands. Arrow keys move, Enter opens. */
export function PoList({ pos, onOpen }: { pos: Stored<PurchaseOrderDoc>[]; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const parent = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: pos.length, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  const move = (index: number, delta: number) => {
    const next = Math.max(0, Math.min(pos.length - 1, index + delta));
    virtual.scrollToIndex(next);
    requestAnimationFrame(() => parent.current?.querySelector<HTMLButtonElement>(`[data-index='${next}']`)?.focus());
  };

  if (pos.length === 0) return <p className="muted">{t('receiving.noPos')}</p>;
  return (
    <div ref={parent} className="po-list" role="list" data-testid="po-list">
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((row) => {
          const po = pos[row.index];
          if (!po) return null;
          return (
            <button
              key={po.id}
              type="button"
              role="listitem"
              className="po-row"
              data-index={row.index}
              data-testid={`po-${po.number}`}
              style={{ top: row.start, height: row.size }}
              onClick={() => onOpen(po.id)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  e.preventDefault();
                  move(row.index, e.key === 'ArrowDown' ? 1 : -1);
                }
              }}
            >
              <strong>
                {t('receiving.po', { number: po.number })} · {po.supplierName}
              </strong>
              <span className="muted">
                {t(`poStatus.${po.status}`)} · {t('receiving.lines', { count: po.lines.length })}
                {po.expectedAt ? ` · ${t('receiving.due', { date: po.expectedAt })}` : ''}
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
