import { z } from 'zod';
import { EnrolBody, LoginBody, type DeviceView, type UserView } from '../../shared/schemas/api';
import { Uuid } from '../../shared/schemas/common';
import { verifyPassword } from '../auth/passwords';
import type { RouteDeps, TypedApp } from '../app';
import { requireAuth } from '../http/auth-guard';
import { forbidden, notFound, unauthorized } from '../http/errors';
import { uuidv7 } from 'uuidv7';

interface UserRow extends UserView {
  passwordHash: string;
  active: boolean;
}

const USER_COLUMNS = `id, username, display_name AS "displayName", roles, warehouse_ids AS "warehouseIds",
  password_hash AS "passwordHash", active`;

const canUseWarehouse = (u: UserView, warehouseId: string) => u.warehouseIds === null || u.warehouseIds.includes(warehouseId);
const view = ({ id, username, displayName, roles, warehouseIds }: UserRow): UserView => ({ id, username, displayName, roles, warehouseIds });

export function registerAuthRoutes(app: TypedApp, { db, tokens }: RouteDeps): void {
  app.post('/api/auth/login', { schema: { body: LoginBody } }, async (req) => {
    const { username, password, deviceId } = req.body;
    const [user] = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = $1`, [username]);
    // Same answer for an unknown user and a wrong password: no account probing.
    if (!user || !user.active || !(await verifyPassword(password, user.passwordHash))) {
      throw unauthorized('Wrong username or password.');
    }
    let device: DeviceView | null = null;
    if (deviceId) {
      const [row] = await db.query<DeviceView>(
        `SELECT id, name, warehouse_id AS "warehouseId" FROM devices WHERE id = $1`,
        [deviceId],
      );
      if (!row) throw notFound('This device is not enrolled on the server; enrol it again.');
      if (!canUseWarehouse(user, row.warehouseId)) throw forbidden('You have no access to the warehouse this device is enrolled to.');
      device = row;
    }
    const token = await tokens.sign({
      sub: user.id,
      username: user.username,
      roles: user.roles,
      deviceId: device?.id ?? null,
      warehouseId: device?.warehouseId ?? null,
    });
    return { token, user: view(user), device };
  });

  app.get('/api/auth/me', async (req) => {
    const auth = requireAuth(req);
    const [user] = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [auth.sub]);
    if (!user) throw notFound('User not found.');
    return { user: view(user), deviceId: auth.deviceId, warehouseId: auth.warehouseId };
  });

  /** Binds this handheld or workstation to one warehouse; its pulls are scoped to it. */
  app.post('/api/devices/enrol', { schema: { body: EnrolBody } }, async (req) => {
    const auth = requireAuth(req);
    const [user] = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [auth.sub]);
    if (!user) throw unauthorized();
    const [wh] = await db.query<{ id: string }>('SELECT id FROM warehouses WHERE id = $1 AND NOT deleted', [req.body.warehouseId]);
    if (!wh) throw notFound('No such warehouse.');
    if (!canUseWarehouse(user, wh.id)) throw forbidden('You have no access to that warehouse.');
    const device: DeviceView = { id: uuidv7(), name: req.body.name, warehouseId: wh.id };
    await db.query('INSERT INTO devices (id, warehouse_id, name, enrolled_by) VALUES ($1, $2, $3, $4)', [
      device.id,
      device.warehouseId,
      device.name,
      user.id,
    ]);
    const token = await tokens.sign({ ...auth, deviceId: device.id, warehouseId: device.warehouseId });
    return { token, device };
  });

  app.get('/api/warehouses', async (req) => {
    requireAuth(req);
    return db.query(`SELECT id, code, name, kind, dock_location_id AS "dockLocationId" FROM warehouses WHERE NOT deleted ORDER BY code`);
  });

  app.get('/api/devices/:id', { schema: { params: z.object({ id: Uuid }) } }, async (req) => {
    requireAuth(req);
    const [row] = await db.query(`SELECT id, name, warehouse_id AS "warehouseId", enrolled_at AS "enrolledAt", last_seen_at AS "lastSeenAt" FROM devices WHERE id = $1`, [req.params.id]);
    if (!row) throw notFound('No such device.');
    return row;
  });
}
