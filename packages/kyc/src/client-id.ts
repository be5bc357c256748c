/** iDenfy's limit on `clientId`. */
export const MAX_CLIENT_ID_LENGTH = 100;

// The suffix is a millisecond timestamp: 13 digits from 2001 to 2286, at most 16 for any safe
// integer. Requiring 13+ digits (rather than any `-<digits>`) means an id without a suffix is never
// cut: a UUID's last group is 12 characters, so one that happens to be all digits survives.
const SUFFIX = /-(\d{13,16})$/;
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const MIN_TIMESTAMP = 1e12;

export type ClientIdErrorReason = 'invalid_user_id' | 'invalid_timestamp' | 'too_long';

/** Thrown by `makeClientId` for input it cannot turn into a valid iDenfy client id. */
export class ClientIdError extends Error {
  override readonly name = 'ClientIdError';
  constructor(
    readonly reason: ClientIdErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Builds the client id sent to iDenfy: the user id plus a timestamp suffix, so a user can verify
 * again after a reset (iDenfy answers 409 while a client id has an active token).
 *
 * @example
 * makeClientId('5f0c…uuid', 1700000000000); // '5f0c…uuid-1700000000000'
 */
export function makeClientId(userId: string, now: number = Date.now()): string {
  if (typeof userId !== 'string' || !VISIBLE_ASCII.test(userId)) {
    throw new ClientIdError('invalid_user_id', 'userId must be non-empty visible ASCII (no spaces)');
  }
  if (!Number.isSafeInteger(now) || now < MIN_TIMESTAMP) {
    throw new ClientIdError('invalid_timestamp', 'now must be a millisecond Unix timestamp (13+ digits)');
  }
  const clientId = `${userId}-${now}`;
  if (clientId.length > MAX_CLIENT_ID_LENGTH) {
    throw new ClientIdError(
      'too_long',
      `clientId would be ${clientId.length} characters; iDenfy allows ${MAX_CLIENT_ID_LENGTH}`,
    );
  }
  return clientId;
}

/**
 * Recovers the user id from a client id by removing one trailing `-<timestamp>`; anything else
 * (dashes and digits inside the id, or no suffix at all) is left as it is.
 *
 * @example
 * userIdFromClientId('abc-123-def-42-1700000000000'); // 'abc-123-def-42'
 * userIdFromClientId('123'); // '123'
 */
export function userIdFromClientId(clientId: string): string {
  const match = SUFFIX.exec(clientId);
  if (!match || match.index === 0) return clientId;
  return clientId.slice(0, match.index);
}
