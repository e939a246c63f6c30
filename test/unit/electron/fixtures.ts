import type { CartonLabel } from '../../../shared/ipc/labels';
import { withCheckDigit } from '../../../shared/barcode/check-digit';

/** A valid SSCC: extension 0, GS1 company prefix 0614141, serial reference 123456789. */
export const SSCC = withCheckDigit('00614141123456789');

export function makeCartonLabel(overrides: Partial<CartonLabel> = {}): CartonLabel {
  return {
    sscc: SSCC,
    shipFrom: { name: 'DockScan DC Hamburg', line1: 'Hafenstrasse 1', city: 'Hamburg', postalCode: '20457', country: 'DE' },
    shipTo: {
      name: 'Müller Sport GmbH',
      line1: 'Leopoldstrasse 20',
      line2: 'Wareneingang Tor 3',
      city: 'München',
      postalCode: '80802',
      country: 'DE',
    },
    orderNumber: 'W-100234',
    purchaseOrder: 'PO-7788',
    cartonNumber: 2,
    cartonCount: 5,
    carrier: 'DHL',
    service: 'Paket',
    trackingNumber: '00340434161234567890',
    weightGrams: 12_345,
    ...overrides,
  };
}
