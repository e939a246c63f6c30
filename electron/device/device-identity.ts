import path from 'node:path';
import { z } from 'zod';
import type { DeviceInfo } from '../../shared/ipc/contract';
import { isMissingFile, writeFileAtomic, type FsLike } from '../fs-like';
import type { Logger } from '../logger';

/**
 * The workstation's identity: an installation id created once and kept in
 * its own file (resetting settings must not make the machine a new device),
 * plus what the OS says about it. The server's device id comes from
 * enrolment; this is what the renderer offers when enrolling.
 */

const DeviceFile = z.object({ installationId: z.uuid() }).strict();

export const DEVICE_FILE = 'device.json';

export interface DeviceIdentityDeps {
  fs: FsLike;
  dir: string;
  /** uuidv7 in the app; fixed in tests. */
  newId(): string;
  host: { hostname(): string; platform: string; arch: string };
  versions: { app: string; electron: string; chrome: string };
  log: Logger;
}

export async function loadDeviceInfo(deps: DeviceIdentityDeps): Promise<DeviceInfo> {
  const file = path.join(deps.dir, DEVICE_FILE);
  let installationId: string | null = null;
  try {
    const parsed = DeviceFile.safeParse(JSON.parse(await deps.fs.readFile(file, 'utf8')));
    if (parsed.success) installationId = parsed.data.installationId;
    else deps.log.warn(`${file} is damaged; this workstation gets a new installation id.`);
  } catch (error) {
    if (!isMissingFile(error)) deps.log.warn(`${file} is unreadable; this workstation gets a new installation id.`);
  }
  if (installationId === null) {
    installationId = deps.newId();
    await deps.fs.mkdir(deps.dir, { recursive: true });
    await writeFileAtomic(deps.fs, file, JSON.stringify({ installationId }, null, 2));
  }
  return {
    installationId,
    hostname: deps.host.hostname(),
    platform: deps.host.platform,
    arch: deps.host.arch,
    appVersion: deps.versions.app,
    electronVersion: deps.versions.electron,
    chromeVersion: deps.versions.chrome,
  };
}
