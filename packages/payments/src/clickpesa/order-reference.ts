import { randomBytes } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const RANDOM_LENGTH = 8;
/** Letters and digits only: ClickPesa refuses anything else in an order reference. */
export const ORDER_REFERENCE = /^[A-Za-z0-9]{1,100}$/;

function randomAlphanumeric(length: number): string {
  // 248 = 4 * 62: bytes at or above it are dropped so every character is equally likely.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

/**
 * A fresh order reference for one checkout attempt: the top-up id's letters and digits (a UUID gives 32
 * hex characters), the time in base 36, and 8 random characters. ClickPesa refuses a reference it has seen
 * before, ever, so every attempt gets a new one; the time and randomness make a repeat practically impossible
 * even for two processes minting at the same millisecond.
 *
 * @example makeOrderReference('0f8fad5b-d9cb-469f-a165-70867728950e') // '0f8fad5bd9cb469fa16570867728950eT...'
 */
export function makeOrderReference(
  topUpId: string,
  now: number = Date.now(),
  random = randomAlphanumeric,
): string {
  const base = topUpId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40);
  if (base === '') throw new RangeError('the top-up id has no letters or digits');
  if (!Number.isSafeInteger(now) || now < 0) throw new RangeError('now must be a non-negative safe integer');
  return `${base}T${now.toString(36)}${random(RANDOM_LENGTH)}`;
}
