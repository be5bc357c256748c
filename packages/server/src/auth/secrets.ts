import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Six digits from a CSPRNG. */
export function newLoginCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * Codes and session tokens are stored as keyed hashes: a database dump alone does not let anyone sign
 * in, and six-digit codes cannot be brute-forced offline without the server secret.
 */
export function keyedHash(secret: string, ...parts: string[]): string {
  return createHmac('sha256', secret).update(parts.join('\u0000')).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(keyedHash('compare', given), 'hex');
  const b = Buffer.from(keyedHash('compare', expected), 'hex');
  return timingSafeEqual(a, b);
}
