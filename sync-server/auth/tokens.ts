import { SignJWT, jwtVerify } from 'jose';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Role } from '../../shared/schemas/common';
import type { Db } from '../db/types';

export const TokenClaims = z.object({
  sub: z.uuid(),
  username: z.string(),
  roles: z.array(Role),
  /** Present once the session is bound to an enrolled device. */
  deviceId: z.uuid().nullable(),
  warehouseId: z.uuid().nullable(),
});
export type TokenClaims = z.infer<typeof TokenClaims>;

const ISSUER = 'dockscan';
const TOKEN_TTL = '12h';

export interface TokenService {
  sign(claims: TokenClaims): Promise<string>;
  verify(token: string): Promise<TokenClaims | null>;
}

/**
 * The signing key comes from JWT_SECRET, or else is generated once and kept in
 * the database, so every instance on one PostgreSQL (and every restart) agrees.
 */
async function signingKey(db: Db, fromEnv: string | undefined): Promise<Uint8Array> {
  if (fromEnv) return new TextEncoder().encode(fromEnv);
  const fresh = randomBytes(32).toString('base64url');
  await db.query(`INSERT INTO settings (key, value) VALUES ('jwt_secret', to_jsonb($1::text)) ON CONFLICT (key) DO NOTHING`, [
    fresh,
  ]);
  const [row] = await db.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'jwt_secret'`);
  if (!row) throw new Error('token signing key missing');
  return new TextEncoder().encode(row.value);
}

export async function createTokenService(db: Db, secretFromEnv?: string): Promise<TokenService> {
  const key = await signingKey(db, secretFromEnv);
  return {
    async sign(claims) {
      const { sub, ...rest } = claims;
      return new SignJWT(rest)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(TOKEN_TTL)
        .sign(key);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
        const parsed = TokenClaims.safeParse(payload);
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}
