import { lazy, Suspense, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * CAMERA SCANNER SLOT. Camera decoding lives in `renderer/scanner/camera/`
 * (another workstream). Its module exports a `CameraScanner` component with
 * `onScan(raw: string)`; it is loaded lazily from whichever file there
 * exports it, so this builds with or without it and the camera code is
 * only fetched when someone opens the camera.
 */
type CameraScannerProps = { onScan(raw: string): void };
type CameraModule = { CameraScanner?: ComponentType<CameraScannerProps> };

const modules = import.meta.glob<CameraModule>(['./camera/*.tsx', './camera/index.ts']);

const CameraScanner = lazy(async () => {
  for (const load of Object.values(modules)) {
    const mod = await load();
    if (mod.CameraScanner) return { default: mod.CameraScanner };
  }
  throw new Error('no CameraScanner export in renderer/scanner/camera');
});

export const cameraAvailable = Object.keys(modules).length > 0;

export function CameraSlot({ onScan }: CameraScannerProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!cameraAvailable) return null;
  return (
    <section className="panel camera-slot" aria-label={t('camera.slot')}>
      <button type="button" className="btn secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('camera.slot')}
      </button>
      {open && (
        <Suspense fallback={<p className="muted">…</p>}>
          <CameraScanner onScan={onScan} />
        </Suspense>
      )}
    </section>
  );
}
