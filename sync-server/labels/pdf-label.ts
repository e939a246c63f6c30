import type { Address, CartonLabel } from '../../shared/ipc/labels';
import { addressLines } from '../../shared/labels/zpl';
import { vectorBarcode } from './pdf-drawing';

/** A 4x6 inch page in PDF points. */
const W = 288;
const H = 432;

/** PDF string literal in WinAnsi: escape the delimiters, drop what Helvetica cannot show. */
function pdfText(s: string): string {
  return `(${s.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1')})`;
}

function text(x: number, y: number, size: number, s: string, bold = false): string {
  return `BT /${bold ? 'F2' : 'F1'} ${size} Tf ${x} ${y} Td ${pdfText(s)} Tj ET`;
}

/**
 * The carton label as a one-page PDF (GS1 logistic label layout): ship from,
 * ship to, carrier and tracking, order and carton, and the SSCC as a GS1-128
 * symbol with its human-readable line. Barcodes are vector paths.
 */
export function cartonLabelPdf(label: CartonLabel): Uint8Array {
  const lines = (a: Address) => addressLines(a);
  const sscc = vectorBarcode({ bcid: 'gs1-128', text: `(00)${label.sscc}`, height: 25, scale: 1 });
  const tracking = vectorBarcode({ bcid: 'code128', text: label.trackingNumber ?? label.orderNumber, height: 12, scale: 1 });
  const place = (b: { width: number; height: number; ops: string }, x: number, y: number, w: number, h: number) =>
    `q ${w / b.width} 0 0 ${-h / b.height} ${x} ${y + h} cm\n${b.ops}\nQ`;
  const content = [
    '0.8 w 10 10 268 412 re S',
    text(16, 400, 8, 'FROM', true),
    ...lines(label.shipFrom).map((l, i) => text(16, 388 - i * 10, 9, l)),
    text(150, 400, 8, 'TO', true),
    ...lines(label.shipTo).map((l, i) => text(150, 388 - i * 12, i === 0 ? 11 : 10, l, i === 0)),
    '10 318 m 278 318 l S',
    text(16, 300, 14, label.carrier ?? 'CARRIER PENDING', true),
    text(16, 284, 9, `Tracking ${label.trackingNumber ?? 'pending'}`),
    place(tracking, 16, 236, 256, 40),
    '10 226 m 278 226 l S',
    text(16, 210, 10, `Order ${label.orderNumber}`, true),
    text(16, 196, 9, `Carton ${label.cartonNumber} of ${label.cartonCount}${label.weightGrams ? `   ${(label.weightGrams / 1000).toFixed(2)} kg` : ''}`),
    '10 186 m 278 186 l S',
    text(16, 172, 8, 'SSCC', true),
    place(sscc, 24, 60, 240, 100),
    text(40, 40, 12, `(00) ${label.sscc}`, true),
  ].join('\n');

  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
