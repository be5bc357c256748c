import type { AuthDeps } from '../context';
import { isUuid } from '../http/ids';

/**
 * The address a browser's challenge (its `hero_login` cookie) was issued for, so the code page can name
 * it without carrying it in a URL or a second cookie. Undefined for no, a malformed, or a used challenge.
 */
export async function challengeEmail(
  deps: AuthDeps,
  challengeId: string | undefined,
): Promise<string | undefined> {
  if (challengeId === undefined || !isUuid(challengeId)) return undefined;
  const row = await deps.db
    .selectFrom('login_challenges')
    .select(['email', 'consumed_at'])
    .where('id', '=', challengeId)
    .executeTakeFirst();
  return row === undefined || row.consumed_at !== null ? undefined : row.email;
}
