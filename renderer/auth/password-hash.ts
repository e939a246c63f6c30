/**
 * Offline login checks the password against a salted PBKDF2 hash kept on
 * the device (never the password itself). WebCrypto only: it needs a secure
 * context (https, or localhost), like the service worker.
 */
export interface PasswordHash {
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  salt: string;
  hash: string;
}

/** OWASP's 2023 figure for PBKDF2-SHA256 is 600k; a handheld must still log in within a second. */
export const PBKDF2_ITERATIONS = 310_000;
const KEY_BITS = 256;

const toB64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromB64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, KEY_BITS);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<PasswordHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toB64(salt), hash: toB64(await derive(password, salt, iterations)) };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = fromB64(stored.hash);
  const actual = await derive(password, fromB64(stored.salt), stored.iterations);
  if (actual.length !== expected.length) return false;
  // Constant time: compare every byte whatever the first difference.
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}
