import type { Database, User } from '@hero-onboarding/generated/onboarding';
import { type Kysely, sql } from 'kysely';
import type { AuthConfig } from '../config';

/**
 * A user's role is ADMIN_EMAILS, looked up at every request: removing an address takes the rights away
 * with the next request, not the next sign-in. The `role` column only mirrors it for the admin lists.
 */
export function roleOf(email: string, auth: Pick<AuthConfig, 'adminEmails'>): User['role'] {
  return auth.adminEmails.has(email) ? 'admin' : 'user';
}

/**
 * At start: brings the `role` column in line with ADMIN_EMAILS for everyone, so the admin lists and
 * their `role` filter agree with what requests are allowed. Returns how many rows changed.
 */
export async function syncAdminRoles(db: Kysely<Database>, auth: Pick<AuthConfig, 'adminEmails'>) {
  const admins = [...auth.adminEmails];
  const result = await db
    .updateTable('users')
    .set({
      role: sql<User['role']>`case when email = any(${admins}::text[]) then 'admin' else 'user' end`,
      updated_at: sql<Date>`now()`,
    })
    .where(sql<boolean>`role <> case when email = any(${admins}::text[]) then 'admin' else 'user' end`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
