import type { Logger } from '@hero-onboarding/server/logger';
import type { AdminConfig } from './config';
import type { ServerApi } from './server-api';

/** What the admin view runs on: its settings, the server's API, a logger. Tests build their own. */
export interface AdminDeps {
  readonly config: AdminConfig;
  readonly api: ServerApi;
  readonly logger: Logger;
}

/** The admin behind this request, as the server confirmed it just now (`/me`). */
export interface SignedInAdmin {
  readonly id: string;
  readonly email: string;
  /** Their server session (the server's cookie value); it never leaves the admin process but in their own HttpOnly cookie. */
  readonly session: string;
  /** Goes into every form they can post. */
  readonly csrfToken: string;
}

export interface AdminEnv {
  Variables: { deps: AdminDeps; admin: SignedInAdmin | undefined };
}
