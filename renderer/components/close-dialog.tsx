import { useTranslation } from 'react-i18next';
import { useServices } from '../services/services-context';
import { useReceiving, type ClosePreview } from '../stores/receiving-store';
import { DiscrepancyList } from './discrepancy-list';

/** Closing shows the discrepancies the server will record, before committing to them. */
export function CloseDialog({ preview }: { preview: ClosePreview }) {
  const { t } = useTranslation();
  const { receiving } = useServices();
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="close-title" data-testid="close-dialog">
        <h2 id="close-title">{t('close.title')}</h2>
        <DiscrepancyList discrepancies={preview.discrepancies} />
        <div className="row">
          <button type="button" className="btn danger" autoFocus onClick={() => void receiving.confirmClose()}>
            {t('close.confirm')}
          </button>
          <button type="button" className="btn secondary" onClick={() => useReceiving.getState().setClosing(null)}>
            {t('close.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
