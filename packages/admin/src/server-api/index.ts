import { adminLists } from './lists';
import { adminSessions } from './session';

export { ServerApiError } from './errors';
export type {
  AdminKycSession,
  AdminLists,
  AdminTopUp,
  AdminUser,
  KycSessionList,
  ListQuery,
  TopUpList,
  UserList,
} from './lists';
export type { AdminSessions, Challenge, SignedInUser } from './session';

/** How long the admin waits for the server before showing "the server did not answer". */
const SERVER_TIMEOUT_MS = 10_000;

/** Everything the admin view asks the server, in one object: the admin lists and the admin's own session calls. */
export function serverApi(options: { serverUrl: string; apiToken: string; fetch?: typeof fetch }) {
  const base = options.fetch ?? fetch;
  const timed: typeof fetch = (input, init) =>
    base(input, { ...init, signal: AbortSignal.timeout(SERVER_TIMEOUT_MS) });
  return {
    lists: adminLists({ serverUrl: options.serverUrl, apiToken: options.apiToken, fetch: timed }),
    sessions: adminSessions({ serverUrl: options.serverUrl, apiToken: options.apiToken, fetch: timed }),
  };
}

export type ServerApi = ReturnType<typeof serverApi>;
