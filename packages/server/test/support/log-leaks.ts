import type { Database } from '@hero-onboarding/generated/onboarding';
import type { Kysely } from 'kysely';
import { seenSecrets } from './seen-secrets';

/** The dev-mode line whose whole point is the code (no mailbox in dev mode); codes are allowed there only. */
const DEV_CODE_LINE = 'DEV MODE sign-in code: ';

/**
 * What must never appear in a log line: the configured secrets, every secret seen over HTTP, and every
 * value of a `pii: true` field or a token column in the database (emails, IPs, raw webhook bodies and the
 * personal data inside them, iDenfy auth tokens).
 */
export async function secretsToWatch(db: Kysely<Database>, configured: readonly string[]): Promise<string[]> {
  const [users, challenges, sessions, events] = await Promise.all([
    db.selectFrom('users').select(['email', 'display_name']).execute(),
    db.selectFrom('login_challenges').select(['email', 'requested_ip']).execute(),
    db.selectFrom('kyc_sessions').select(['idenfy_auth_token', 'idenfy_redirect_url']).execute(),
    db.selectFrom('webhook_events').select(['provider', 'payload']).execute(),
  ]);
  const values = [
    ...configured,
    ...seenSecrets,
    ...users.flatMap((u) => [u.email, u.display_name]),
    ...challenges.flatMap((c) => [c.email, c.requested_ip]),
    ...sessions.flatMap((s) => [s.idenfy_auth_token, s.idenfy_redirect_url]),
    ...events.flatMap((e) =>
      e.payload === null ? [] : [e.payload, ...(e.provider === 'idenfy' ? personalDataIn(e.payload) : [])],
    ),
  ];
  // Our own loopback address is not anyone's personal data (it appears in URLs we log).
  return [...new Set(values)].filter(
    (v): v is string => typeof v === 'string' && v.length >= 6 && v !== '127.0.0.1',
  );
}

/** The `data` block of an iDenfy result (names, document numbers): strings only, the long ones. */
function personalDataIn(payload: string): string[] {
  try {
    const data = (JSON.parse(payload) as { data?: Record<string, unknown> }).data ?? {};
    return Object.values(data).filter((v): v is string => typeof v === 'string' && v.length >= 6);
  } catch {
    return [];
  }
}

/** The log lines that contain any watched value; a sign-in code counts only as a whole number. */
export function leakedLines(lines: readonly string[], watched: readonly string[]): string[] {
  return lines.filter((line) =>
    watched.some((secret) => {
      if (/^\d{6}$/.test(secret)) {
        return !line.includes(DEV_CODE_LINE) && new RegExp(`(?<!\\d)${secret}(?!\\d)`).test(line);
      }
      return line.includes(secret);
    }),
  );
}

export async function expectNoSecretsLogged(
  lines: readonly string[],
  db: Kysely<Database>,
  configured: readonly string[],
): Promise<void> {
  const leaks = leakedLines(lines, await secretsToWatch(db, configured));
  if (leaks.length > 0)
    throw new Error(
      `secrets or personal data in ${leaks.length} log line(s):\n${leaks.slice(0, 5).join('\n')}`,
    );
}
