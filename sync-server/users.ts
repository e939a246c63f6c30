import { uuidv7 } from 'uuidv7';
import type { CreateUserBody, UserView } from '../shared/schemas/api';
import { hashPassword } from './auth/passwords';
import type { Sql } from './db/types';

/** Creates a user; the only way an admin comes to exist outside the demo tenant. */
export async function createUser(db: Sql, input: CreateUserBody): Promise<UserView> {
  const id = uuidv7();
  const hash = await hashPassword(input.password);
  const rows = await db.query<{ id: string }>(
    `INSERT INTO users (id, username, display_name, password_hash, roles, warehouse_ids)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING id`,
    [id, input.username, input.displayName, hash, input.roles, input.warehouseIds],
  );
  if (rows.length === 0) throw new Error(`user "${input.username}" already exists`);
  return { id, username: input.username, displayName: input.displayName, roles: input.roles, warehouseIds: input.warehouseIds };
}
