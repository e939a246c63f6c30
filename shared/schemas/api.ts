import { z } from 'zod';
import { Role, Uuid } from './common';

/** HTTP bodies shared by the server (validation) and the renderer (typed calls). */

export const LoginBody = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
    /** An enrolled device logging back in keeps its device binding. */
    deviceId: Uuid.optional(),
  })
  .strict();
export type LoginBody = z.infer<typeof LoginBody>;

export const UserView = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  warehouseIds: z.array(Uuid).nullable(),
});
export type UserView = z.infer<typeof UserView>;

export const DeviceView = z.object({
  id: Uuid,
  name: z.string(),
  warehouseId: Uuid,
});
export type DeviceView = z.infer<typeof DeviceView>;

export const LoginResponse = z.object({ token: z.string(), user: UserView, device: DeviceView.nullable() });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const EnrolBody = z
  .object({ name: z.string().trim().min(1).max(100), warehouseId: Uuid })
  .strict();
export type EnrolBody = z.infer<typeof EnrolBody>;
export const EnrolResponse = z.object({ token: z.string(), device: DeviceView });

export const CreateUserBody = z
  .object({
    username: z.string().trim().min(2).max(100).regex(/^[a-z0-9._-]+$/, 'lowercase letters, digits, . _ -'),
    displayName: z.string().trim().min(1).max(200),
    password: z.string().min(8).max(200),
    roles: z.array(Role).min(1),
    warehouseIds: z.array(Uuid).nullable().default(null),
  })
  .strict();
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const ResolveExceptionBody = z.object({ resolution: z.string().trim().min(3).max(1000) }).strict();

export const ApiError = z.object({ error: z.string(), message: z.string(), issues: z.array(z.unknown()).optional() });
export type ApiError = z.infer<typeof ApiError>;
