import { z } from 'zod';
import { DeviceView, UserView } from '../../shared/schemas/api';
import type { ReplicaDb } from '../db/database';
import type { PasswordHash } from './password-hash';

/** What this device remembers about a user who logged in on it online: enough to log in offline. */
export const StoredCredential = z.object({
  user: UserView,
  password: z.object({
    algorithm: z.literal('PBKDF2-SHA256'),
    iterations: z.number().int().positive(),
    salt: z.string(),
    hash: z.string(),
  }),
  /** The last device-bound token; may have expired, in which case sync asks for an online login. */
  token: z.string().nullable(),
  savedAt: z.string(),
});
export type StoredCredential = z.infer<typeof StoredCredential>;

export const DeviceBinding = DeviceView.extend({ warehouseCode: z.string(), warehouseName: z.string() });
export type DeviceBinding = z.infer<typeof DeviceBinding>;

const DEVICE_KEY = 'device';
const credentialKey = (username: string) => `credential:${username.trim().toLowerCase()}`;

/**
 * Device binding and offline credentials, as RxDB local documents: the same
 * IndexedDB with strict durability as the replica, and read back through
 * zod like any other input.
 */
export class DeviceVault {
  constructor(private readonly db: ReplicaDb) {}

  async device(): Promise<DeviceBinding | null> {
    return this.read(DEVICE_KEY, DeviceBinding);
  }

  async saveDevice(binding: DeviceBinding): Promise<void> {
    await this.db.upsertLocal(DEVICE_KEY, DeviceBinding.parse(binding));
  }

  async forgetDevice(): Promise<void> {
    const doc = await this.db.getLocal(DEVICE_KEY);
    await doc?.remove();
  }

  /** A device's first full download finished (later starts need no progress screen). */
  async isBootstrapped(deviceId: string): Promise<boolean> {
    return (await this.db.getLocal(`bootstrapped:${deviceId}`)) !== null;
  }

  async markBootstrapped(deviceId: string, at: Date): Promise<void> {
    await this.db.upsertLocal(`bootstrapped:${deviceId}`, { at: at.toISOString() });
  }

  async credential(username: string): Promise<StoredCredential | null> {
    return this.read(credentialKey(username), StoredCredential);
  }

  async saveCredential(user: UserView, password: PasswordHash, token: string | null, now: Date): Promise<void> {
    const value: StoredCredential = { user, password, token, savedAt: now.toISOString() };
    await this.db.upsertLocal(credentialKey(user.username), StoredCredential.parse(value));
  }

  private async read<S extends z.ZodType>(key: string, schema: S): Promise<z.infer<S> | null> {
    const doc = await this.db.getLocal<Record<string, unknown>>(key);
    if (!doc) return null;
    const parsed = schema.safeParse(doc.toJSON().data);
    return parsed.success ? parsed.data : null;
  }
}
