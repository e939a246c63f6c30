import { useTranslation } from 'react-i18next';
import { plateUnits } from '../../shared/domain/licence-plates';
import type { PlateState } from '../../shared/domain/state';
import type { ItemDoc } from '../../shared/schemas/docs';
import { PlateContents } from '../components/plate-contents';
import type { Stored } from '../db/rx-schemas';

/** The pallet being loaded at the dock: its plate, what is on it so far, and closing it. */
export function PlatePanel(props: {
  lpn: string | null;
  plate: PlateState | undefined;
  items: ReadonlyMap<string, Stored<ItemDoc>>;
  onClose: () => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { lpn, plate } = props;
  if (!lpn) {
    return (
      <section className="panel" data-testid="receiving-plate" data-lpn="">
        <h2>{t('plate.title')}</h2>
        <p className="muted">{t('plate.none')}</p>
      </section>
    );
  }
  const units = plate ? plateUnits(plate) : 0;
  return (
    <section className="panel stop-card" data-testid="receiving-plate" data-lpn={lpn} data-units={units}>
      <h2>{t('plate.title')}</h2>
      <div className="stop-item">{lpn}</div>
      <p className="muted">{t('plate.loading', { count: units })}</p>
      <PlateContents lines={plate?.contents ?? []} items={props.items} />
      <div className="floor-actions">
        <button type="button" className="btn" data-testid="close-plate" onClick={props.onClose} disabled={props.disabled}>
          {t('plate.close')}
        </button>
      </div>
    </section>
  );
}
