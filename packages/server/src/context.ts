import type { Database, User } from '@hero-onboarding/generated/onboarding';
import type { KycProvider } from '@hero-onboarding/kyc';
import type { Kysely } from 'kysely';
import type { CodeSender } from './auth/code-sender';
import type { ServerConfig } from './config';
import type { Logger } from './logger';

/** Everything the routes need, passed in so tests can build an app around a throwaway database. */
export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly config: ServerConfig;
  readonly logger: Logger;
  readonly kycProvider: KycProvider;
  readonly codeSender: CodeSender;
  readonly now?: () => Date;
}

/** Who is calling: a signed-in person, a machine with the admin API token, or nobody. */
export type Viewer =
  | { readonly kind: 'user'; readonly user: User; readonly authSessionId: string }
  | { readonly kind: 'admin_token' }
  | { readonly kind: 'anonymous' };

export interface AppEnv {
  Variables: { viewer: Viewer; deps: AppDeps };
}
