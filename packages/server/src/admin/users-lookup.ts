import { type Database, userRepository } from '@hero-onboarding/generated/onboarding';
import type { Kysely } from 'kysely';
import { searchParam, uuidParam } from './list-query';

/** How many users an email search looks at when it filters another list by owner. */
export const EMAIL_SEARCH_LIMIT = 500;

/** Ids of the (first 500) users whose email contains `search`, case-insensitively. */
export async function usersMatching(db: Kysely<Database>, search: string): Promise<string[]> {
  const matches = await userRepository.list(db, {
    where: { email: { contains: search } },
    limit: EMAIL_SEARCH_LIMIT,
  });
  return matches.items.map((u) => u.id);
}

/**
 * Whose rows a list shows: `user_id` and the email search (`q`, or `email`) together, as user ids (empty:
 * nobody matches, so the list is empty), or undefined when neither is given. Both are checked before any
 * query, so a malformed one is a 400 whatever else comes with it.
 */
export async function ownerIds(
  db: Kysely<Database>,
  query: Record<string, string | undefined>,
): Promise<string[] | undefined> {
  const userId = uuidParam(query, 'user_id');
  const email = searchParam(query, 'q') ?? searchParam(query, 'email');
  if (email === undefined) return userId === undefined ? undefined : [userId];
  const matching = await usersMatching(db, email);
  return userId === undefined ? matching : matching.filter((id) => id === userId);
}

/** The email of each of these users, for lists that show whose row it is. */
export async function emailsOf(
  db: Kysely<Database>,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const owners = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(owners.map((u) => [u.id, u.email]));
}
