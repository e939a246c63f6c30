import { CartonLabel } from '../../shared/ipc/labels';
import { getDesktopApi } from '../../shared/ipc/window-api';
import { apiBase } from '../platform/api-client';
import { CLIENT_VERSION, CLIENT_VERSION_HEADER } from '../../shared/version';
import type { MirrorDocs } from '../replica/mirror';

/** A carton's label exists once the server applied the carton (it assigns the SSCC then), packed here or elsewhere. */
export function cartonSynced(docs: Pick<MirrorDocs, 'events' | 'event_outcomes' | 'cartons'>, cartonId: string): boolean {
  if (docs.cartons.has(cartonId)) return true;
  for (const ev of docs.events.values()) {
    if (ev.type === 'pack.carton_closed' && ev.payload.cartonId === cartonId) return docs.event_outcomes.has(ev.id);
  }
  return false;
}

async function fetchLabel(cartonId: string, format: 'pdf' | 'zpl' | 'json', token: string): Promise<Blob> {
  const res = await fetch(`${apiBase()}/api/cartons/${cartonId}/label?format=${format}`, {
    headers: { authorization: `Bearer ${token}`, [CLIENT_VERSION_HEADER]: CLIENT_VERSION },
    cache: 'no-store',
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.blob();
}

/** The label's data from the server, checked with the shared schema before it goes to a printer. */
async function labelData(cartonId: string, token: string): Promise<CartonLabel> {
  return CartonLabel.parse(JSON.parse(await (await fetchLabel(cartonId, 'json', token)).text()));
}

function unwrap(result: { ok: true } | { ok: false; error: { message: string } }): void {
  if (!result.ok) throw new Error(result.error.message);
}

/**
 * Web mode: the 4x6 PDF (the server draws the SSCC as a vector GS1-128)
 * in a new window, where the browser's viewer prints it. The label needs
 * the bearer token, so it is fetched here and handed over as a blob URL.
 * Desktop: the label data goes to the OS print dialog through the shell.
 */
export async function openLabelPdf(cartonId: string, token: string): Promise<void> {
  const desktop = getDesktopApi();
  if (desktop) {
    unwrap(await desktop.printLabelWithDialog({ label: await labelData(cartonId, token) }));
    return;
  }
  const win = window.open('', '_blank');
  const url = URL.createObjectURL(await fetchLabel(cartonId, 'pdf', token));
  if (win) win.location.href = url;
  else window.location.assign(url);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Web mode: the ZPL for a Zebra printer, saved as a file (send it to the
 * printer's port or queue). Desktop: printed raw on the label printer chosen
 * in Settings (TCP 9100 or the OS queue).
 */
export async function downloadLabelZpl(cartonId: string, token: string): Promise<void> {
  const desktop = getDesktopApi();
  if (desktop) {
    unwrap(await desktop.printCartonLabel({ label: await labelData(cartonId, token), copies: 1 }));
    return;
  }
  const url = URL.createObjectURL(await fetchLabel(cartonId, 'zpl', token));
  const a = document.createElement('a');
  a.href = url;
  a.download = `carton-${cartonId}.zpl`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
