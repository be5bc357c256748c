import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ClientIdError, MAX_CLIENT_ID_LENGTH, makeClientId, userIdFromClientId } from '../src/client-id';

const NOW = 1_700_000_000_000;

function thrown(run: () => unknown): ClientIdError {
  try {
    run();
  } catch (error) {
    if (error instanceof ClientIdError) return error;
    throw error;
  }
  throw new Error('expected a ClientIdError');
}

describe('makeClientId', () => {
  it('appends the timestamp to the user id', () => {
    expect(makeClientId('user-7', NOW)).toBe('user-7-1700000000000');
  });

  it('uses the current time by default', () => {
    const before = Date.now();
    const suffix = Number(makeClientId('u').slice(2));
    expect(suffix).toBeGreaterThanOrEqual(before);
    expect(suffix).toBeLessThanOrEqual(Date.now());
  });

  it('fits a uuid user id well within iDenfy’s limit', () => {
    const id = makeClientId(randomUUID(), NOW);
    expect(id).toHaveLength(36 + 1 + 13);
  });

  it('accepts an id that makes exactly 100 characters and refuses one more', () => {
    const longest = 'a'.repeat(MAX_CLIENT_ID_LENGTH - 14);
    expect(makeClientId(longest, NOW)).toHaveLength(100);
    const error = thrown(() => makeClientId(`${longest}a`, NOW));
    expect(error.reason).toBe('too_long');
    expect(error.message).toContain('101');
    expect(error.message).not.toContain(longest);
  });

  it.each([
    ['empty', ''],
    ['a space', 'a b'],
    ['non-ASCII', 'jürgen'],
    ['a control character', 'a\nb'],
  ])('refuses a user id with %s', (_what, userId) => {
    expect(thrown(() => makeClientId(userId, NOW)).reason).toBe('invalid_user_id');
  });

  it('refuses a user id that is not a string', () => {
    expect(thrown(() => makeClientId(42 as unknown as string, NOW)).reason).toBe('invalid_user_id');
  });

  it.each([0, 5, 999_999_999_999, 1.5e12 + 0.5, Number.NaN, -NOW])('refuses %s as a timestamp', (now) => {
    expect(thrown(() => makeClientId('u', now)).reason).toBe('invalid_timestamp');
  });
});

describe('userIdFromClientId', () => {
  it('strips only the trailing timestamp, keeping dashes and digits inside the id', () => {
    expect(userIdFromClientId('abc-123-def-42-1700000000000')).toBe('abc-123-def-42');
  });

  it('returns a client id with no suffix unchanged', () => {
    expect(userIdFromClientId('123')).toBe('123');
    expect(userIdFromClientId('abc-123-def-42')).toBe('abc-123-def-42');
    expect(userIdFromClientId('user')).toBe('user');
  });

  it('leaves a bare uuid whose last group is all digits intact', () => {
    const uuid = '123e4567-e89b-42d3-a456-426614174000';
    expect(userIdFromClientId(uuid)).toBe(uuid);
    expect(userIdFromClientId(`${uuid}-${NOW}`)).toBe(uuid);
  });

  it('does not strip a suffix that is the whole id', () => {
    expect(userIdFromClientId('-1700000000000')).toBe('-1700000000000');
  });

  it('strips exactly one suffix, so a user id that itself ends in a timestamp survives', () => {
    expect(userIdFromClientId(`u-${NOW}-${NOW + 1}`)).toBe(`u-${NOW}`);
    expect(userIdFromClientId(makeClientId(`u-${NOW}`, NOW))).toBe(`u-${NOW}`);
  });

  it('round-trips random uuids and timestamps', () => {
    for (let i = 0; i < 500; i += 1) {
      const userId = randomUUID();
      const now = 1e12 + Math.floor(Math.random() * 8e12);
      expect(userIdFromClientId(makeClientId(userId, now))).toBe(userId);
    }
  });

  it('round-trips random ids made of dashes, digits and letters', () => {
    const alphabet = 'ab-0123456789-';
    for (let i = 0; i < 500; i += 1) {
      const length = 1 + Math.floor(Math.random() * 40);
      const userId = Array.from({ length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join(
        '',
      );
      const clientId = makeClientId(userId, NOW + i);
      expect(clientId.length).toBeLessThanOrEqual(MAX_CLIENT_ID_LENGTH);
      expect(userIdFromClientId(clientId)).toBe(userId);
    }
  });
});
