import { call } from './errors';

/** The server's session cookie; the admin keeps its value (inside its own signed cookie) and sends it back. */
export const SERVER_SESSION_COOKIE = 'hero_session';

export interface SignedInUser {
  readonly id: string;
  readonly email: string;
  readonly role: string;
}

export interface Challenge {
  /** `dev-log` when the server runs in dev mode: the code is in its log, not a mailbox. */
  readonly channel: string;
  /** Binds the code to this sign-in on servers that issue one. */
  readonly challengeId: string | undefined;
}

/**
 * The calls an admin makes as themselves, with their own server session (server to server, JSON):
 * sign-in, `/me` (asked on every admin request, so removed rights end at once), sign-out, and the KYC
 * reset, which the server then records as done by this admin rather than by the API token.
 */
export function adminSessions(options: { serverUrl: string; apiToken: string; fetch: typeof fetch }) {
  const send = (
    path: string,
    init: { method?: string; json?: unknown; session?: string; forBrowserAt?: string | undefined },
  ) =>
    call(() =>
      options.fetch(new URL(path, options.serverUrl), {
        method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
        headers: {
          accept: 'application/json',
          ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
          ...(init.session === undefined ? {} : { cookie: `${SERVER_SESSION_COOKIE}=${init.session}` }),
          // Sign-in on a browser's behalf: the token makes the server take the browser's address from us, so
          // its per-address limits count each browser, not this process (see the server's auth/client-ip.ts).
          ...(init.forBrowserAt === undefined
            ? {}
            : { authorization: `Bearer ${options.apiToken}`, 'x-forwarded-for': init.forBrowserAt }),
        },
        ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
      }),
    );
  return {
    async challenge(email: string, browserIp?: string): Promise<Challenge> {
      const body = (await (
        await send('/login/challenge', { json: { email }, forBrowserAt: browserIp })
      ).json()) as Record<string, unknown>;
      return {
        channel: typeof body.channel === 'string' ? body.channel : 'email',
        challengeId: typeof body.challenge_id === 'string' ? body.challenge_id : undefined,
      };
    },
    async verify(email: string, code: string, challengeId: string | undefined, browserIp?: string) {
      const response = await send('/login/verify', {
        json: { email, code, ...(challengeId === undefined ? {} : { challenge_id: challengeId }) },
        forBrowserAt: browserIp,
      });
      const session = sessionCookieOf(response);
      const { user } = (await response.json()) as { user: SignedInUser };
      if (session === undefined) throw new Error('the server signed in without a session cookie');
      return { user, ...session };
    },
    async me(session: string): Promise<SignedInUser> {
      const { user } = (await (await send('/me', { session })).json()) as { user: SignedInUser };
      return user;
    },
    async logout(session: string): Promise<void> {
      await send('/logout', { json: {}, session });
    },
    async resetKyc(session: string, userId: string): Promise<void> {
      await send('/kyc/reset', { json: { user_id: userId }, session });
    },
  };
}

export type AdminSessions = ReturnType<typeof adminSessions>;

/** The session cookie's value and expiry from the server's Set-Cookie, exactly as the server encoded it. */
function sessionCookieOf(response: Response): { session: string; expires: Date | undefined } | undefined {
  for (const line of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq).trim() !== SERVER_SESSION_COOKIE) continue;
    const session = pair.slice(eq + 1).trim();
    if (session === '') return undefined;
    const expiresAttr = attributes.find((a) => /^\s*expires=/i.test(a));
    const expires = expiresAttr === undefined ? undefined : new Date(expiresAttr.split('=')[1] ?? '');
    return {
      session,
      expires: expires !== undefined && !Number.isNaN(expires.getTime()) ? expires : undefined,
    };
  }
  return undefined;
}
