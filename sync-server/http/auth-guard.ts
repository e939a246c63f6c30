import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../shared/schemas/common';
import type { TokenClaims, TokenService } from '../auth/tokens';
import { forbidden, unauthorized } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    auth: TokenClaims | null;
  }
}

export interface DeviceClaims extends TokenClaims {
  deviceId: string;
  warehouseId: string;
}

function bearer(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  // EventSource cannot send headers: the stream takes the token as a query parameter.
  const q = req.query as Record<string, unknown> | undefined;
  return typeof q?.token === 'string' ? q.token : null;
}

export function authenticate(tokens: TokenService) {
  return async (req: FastifyRequest) => {
    const token = bearer(req);
    req.auth = token ? await tokens.verify(token) : null;
  };
}

export function requireAuth(req: FastifyRequest): TokenClaims {
  if (!req.auth) throw unauthorized();
  return req.auth;
}

export function requireRole(req: FastifyRequest, roles: readonly Role[]): TokenClaims {
  const auth = requireAuth(req);
  if (!auth.roles.some((r) => roles.includes(r))) {
    throw forbidden(`This needs one of the roles: ${roles.join(', ')}.`);
  }
  return auth;
}

/** Sync endpoints need a session bound to an enrolled device (which fixes the warehouse). */
export function requireDevice(req: FastifyRequest, roles: readonly Role[]): DeviceClaims {
  const auth = requireRole(req, roles);
  if (!auth.deviceId || !auth.warehouseId) throw forbidden('Enrol this device to a warehouse before syncing.');
  return { ...auth, deviceId: auth.deviceId, warehouseId: auth.warehouseId };
}

export type Preflight = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
