import { type Database, userRepository } from '@hero-onboarding/generated/onboarding';
import type { Kysely } from 'kysely';

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
