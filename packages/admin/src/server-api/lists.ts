import type { AdminRoutes } from '@hero-onboarding/server';
import { hc, type InferResponseType } from 'hono/client';
import { call } from './errors';

type Client = ReturnType<typeof hc<AdminRoutes>>;
export type UserList = InferResponseType<Client['admin']['list-users']['$get'], 200>;
export type KycSessionList = InferResponseType<Client['admin']['list-kyc-sessions']['$get'], 200>;
export type TopUpList = InferResponseType<Client['admin']['list-top-ups']['$get'], 200>;
export type AdminUser = UserList['items'][number];
export type AdminKycSession = KycSessionList['items'][number];
export type AdminTopUp = TopUpList['items'][number];

/** Query values as the server reads them; unset filters are left out. */
export type ListQuery = Readonly<Record<string, string | undefined>>;

/**
 * The server's admin JSON lists through Hono's typed client, authenticated with ADMIN_API_TOKEN. The
 * token lives only in this closure: no page, cookie or log line ever sees it.
 */
export function adminLists(options: { serverUrl: string; apiToken: string; fetch: typeof fetch }) {
  const client = hc<AdminRoutes>(options.serverUrl, {
    headers: { authorization: `Bearer ${options.apiToken}`, accept: 'application/json' },
    fetch: options.fetch,
  });
  return {
    async users(query: ListQuery): Promise<UserList> {
      const response = await call(() => client.admin['list-users'].$get({ query: defined(query) }));
      return (await response.json()) as UserList;
    },
    async kycSessions(query: ListQuery): Promise<KycSessionList> {
      const response = await call(() => client.admin['list-kyc-sessions'].$get({ query: defined(query) }));
      return (await response.json()) as KycSessionList;
    },
    async topUps(query: ListQuery): Promise<TopUpList> {
      const response = await call(() => client.admin['list-top-ups'].$get({ query: defined(query) }));
      return (await response.json()) as TopUpList;
    },
  };
}

export type AdminLists = ReturnType<typeof adminLists>;

function defined(query: ListQuery): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}
