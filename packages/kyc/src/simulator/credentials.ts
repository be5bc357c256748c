import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * A Basic-auth check for one key pair. Compares fixed-length digests in constant time, so neither
 * the content nor the length of the secret leaks.
 */
export function credentialCheck(
  apiKey: string,
  apiSecret: string,
): (user: string, password: string) => boolean {
  const expected = digest(`${apiKey}:${apiSecret}`);
  return (user, password) => timingSafeEqual(digest(`${user}:${password}`), expected);
}
