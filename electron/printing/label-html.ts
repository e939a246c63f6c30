import bwipjs from 'bwip-js/node';
import type { CartonLabel } from '../../shared/ipc/labels';
import type { LabelSymbology } from '../../shared/ipc/settings';
import { addressLines, ssccHri } from '../../shared/labels/zpl';

/**
 * The carton label as a 4x6 inch page, for printers without ZPL: the OS
 * print dialog, or a PDF. Same content and order as the ZPL label; the SSCC
 * symbol is rendered by bwip-js to a PNG embedded as a data URL, so the page
 * loads nothing from anywhere (its CSP allows data: images only).
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** PNG of the SSCC symbol. bwip-js parses the bracketed element string and inserts FNC1 itself. */
export function ssccPng(sscc: string, symbology: LabelSymbology): Promise<Buffer> {
  return symbology === 'datamatrix'
    ? bwipjs.toBuffer({ bcid: 'gs1datamatrix', text: `(00)${sscc}`, scale: 5 })
    : bwipjs.toBuffer({ bcid: 'gs1-128', text: `(00)${sscc}`, scale: 4, height: 32, includetext: false });
}

const block = (lines: readonly string[]): string => lines.map((l) => `<div>${escapeHtml(l)}</div>`).join('');

export async function cartonLabelHtml(label: CartonLabel, symbology: LabelSymbology): Promise<string> {
  const png = await ssccPng(label.sscc, symbology);
  const details = [
    label.carrier ? `Carrier: ${label.carrier}${label.service ? ` ${label.service}` : ''}` : null,
    label.trackingNumber ? `Tracking: ${label.trackingNumber}` : null,
    `Order: ${label.orderNumber}`,
    label.purchaseOrder ? `PO: ${label.purchaseOrder}` : null,
    label.weightGrams !== undefined ? `Weight: ${(label.weightGrams / 1000).toFixed(3)} kg` : null,
  ].filter((l): l is string => l !== null);
  return `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>SSCC ${escapeHtml(label.sscc)}</title>
<style>
@page { size: 4in 6in; margin: 0 }
* { box-sizing: border-box }
body { margin: 0; width: 4in; height: 6in; font: 11pt Arial, Helvetica, sans-serif; color: #000 }
.row { display: flex; border-bottom: 2px solid #000; padding: 0.08in 0.12in }
.from { width: 45%; font-size: 9pt } .to { width: 55%; font-size: 12pt; font-weight: bold; border-left: 2px solid #000; padding-left: 0.1in }
.cap { font-size: 7pt; font-weight: bold; margin-bottom: 2px }
.details { width: 65% } .carton { width: 35%; text-align: center } .carton b { font-size: 24pt; display: block }
.sscc { padding: 0.1in 0.12in; text-align: center } .sscc img { max-width: 3.7in } .hri { font-size: 14pt; margin-top: 4px }
</style></head>
<body>
<div class="row"><div class="from"><div class="cap">SHIP FROM</div>${block(addressLines(label.shipFrom))}</div>
<div class="to"><div class="cap">SHIP TO</div>${block(addressLines(label.shipTo))}</div></div>
<div class="row"><div class="details">${block(details)}</div>
<div class="carton"><div class="cap">CARTON</div><b>${label.cartonNumber} of ${label.cartonCount}</b></div></div>
<div class="sscc"><div class="cap">SSCC</div><img alt="SSCC barcode" src="data:image/png;base64,${png.toString('base64')}">
<div class="hri">${escapeHtml(ssccHri(label.sscc))}</div></div>
</body></html>`;
}
