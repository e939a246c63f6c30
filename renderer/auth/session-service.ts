import { z } from 'zod';
import { EnrolResponse, LoginResponse, type UserView } from '../../shared/schemas/api';
import { HttpError, NetworkError, requestJson } from '../platform/api-client';
import type { ActiveSession } from '../stores/session-store';
import type { DeviceBinding, DeviceVault } from './device-vault';
import { hashPassword, verifyPassword } from './password-hash';

export type LoginResult =
  | { kind: 'ready'; session: ActiveSession }
  | { kind: 'enrol'; token: string; user: UserView }
  | { kind: 'error'; key: string; message?: string };

const WarehouseList = z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() }));
export type WarehouseOption = z.infer<typeof WarehouseList>[number];

const LOGIN_TIMEOUT_MS = 8000;

/**
 * Online first; when the server cannot be reached, an enrolled device lets a
 * user who logged in on it before log in against the stored hash. A wrong
 * password online is never retried offline.
 */
export async function login(vault: DeviceVault, username: string, password: string, now = new Date()): Promise<LoginResult> {
  const device = await vault.device();
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return offlineLogin(vault, device, username, password);
  try {
    const res = await onlineLogin(username, password, device?.id);
    await vault.saveCredential(res.user, await hashPassword(password), res.device ? res.token : null, now);
    if (res.device && device) return { kind: 'ready', session: { user: res.user, token: res.token, device, offline: false } };
    return { kind: 'enrol', token: res.token, user: res.user };
  } catch (err) {
    if (err instanceof HttpError && err.status === 404 && device) {
      // The server no longer knows this device (a reset server): enrol it again.
      await vault.forgetDevice();
      return login(vault, username, password, now);
    }
    if (err instanceof HttpError && err.status < 500) {
      return err.status === 401 ? { kind: 'error', key: 'login.errors.wrong' } : { kind: 'error', key: 'login.errors.other', message: err.message };
    }
    if (err instanceof NetworkError || err instanceof HttpError) return offlineLogin(vault, device, username, password);
    throw err;
  }
}

async function onlineLogin(username: string, password: string, deviceId: string | undefined) {
  return requestJson('/api/auth/login', LoginResponse, { body: { username, password, deviceId }, timeoutMs: LOGIN_TIMEOUT_MS });
}

async function offlineLogin(vault: DeviceVault, device: DeviceBinding | null, username: string, password: string): Promise<LoginResult> {
  const cred = await vault.credential(username);
  if (!device || !cred) return { kind: 'error', key: 'login.errors.offlineUnknown' };
  if (!(await verifyPassword(password, cred.password))) return { kind: 'error', key: 'login.errors.wrong' };
  return { kind: 'ready', session: { user: cred.user, token: cred.token, device, offline: true } };
}

export async function listWarehouses(token: string): Promise<WarehouseOption[]> {
  return requestJson('/api/warehouses', WarehouseList, { token });
}

/** Binds this device to a warehouse; the answer's token is the device-bound one that sync needs. */
export async function enrol(
  vault: DeviceVault,
  user: UserView,
  userToken: string,
  warehouse: WarehouseOption,
  name: string,
): Promise<ActiveSession> {
  const res = await requestJson('/api/devices/enrol', EnrolResponse, { token: userToken, body: { name, warehouseId: warehouse.id } });
  const device: DeviceBinding = { ...res.device, warehouseCode: warehouse.code, warehouseName: warehouse.name };
  await vault.saveDevice(device);
  const cred = await vault.credential(user.username);
  if (cred) await vault.saveCredential(user, cred.password, res.token, new Date());
  return { user, token: res.token, device, offline: false };
}
