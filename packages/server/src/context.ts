import type { Database, User } from '@hero-onboarding/generated/onboarding';
import type { KycProvider } from '@hero-onboarding/kyc';
import type { PaymentProvider, PaymentProviderName } from '@hero-onboarding/payments';
import type { Kysely } from 'kysely';
import type { CodeSender } from './auth/code-sender';
import type { ServerConfig } from './config';
import type { Logger } from './logger';

/** The time as the app sees it; tests pass their own to move it. */
export type Clock = () => Date;

/** What every domain's services need. */
export interface CoreDeps {
  readonly db: Kysely<Database>;
  readonly logger: Logger;
  readonly now: Clock;
}

/** Sign-in: codes, sessions, roles. */
export interface AuthDeps extends CoreDeps {
  readonly config: Pick<ServerConfig, 'auth' | 'devMode' | 'http'>;
  readonly codeSender: CodeSender;
}

/** Identity verification: sessions, tokens, webhooks. */
export interface KycDeps extends CoreDeps {
  readonly config: Pick<ServerConfig, 'kyc' | 'idenfy' | 'http'>;
  readonly kycProvider: KycProvider;
}

/** The payment adapters this process may use; a provider that is off (production without keys) is absent. */
export type PaymentProviders = Readonly<Partial<Record<PaymentProviderName, PaymentProvider>>>;

/** Top-ups: the gate, checkouts, webhooks, the ledger and reconciliation. */
export interface PaymentDeps extends CoreDeps {
  readonly config: Pick<ServerConfig, 'payments' | 'http'>;
  readonly paymentProviders: PaymentProviders;
}

/**
 * Everything the routes need, passed in so tests can build an app around a throwaway database. Each
 * route hands its service only its domain's slice (`AuthDeps`, `KycDeps`, `PaymentDeps`).
 */
export interface AppDeps extends AuthDeps, KycDeps, PaymentDeps {
  readonly config: ServerConfig;
}

/** Who is calling: a signed-in person, a machine with the admin API token, or nobody. */
export type Viewer =
  | { readonly kind: 'user'; readonly user: User; readonly authSessionId: string }
  | { readonly kind: 'admin_token' }
  | { readonly kind: 'anonymous' };

export interface AppEnv {
  Variables: { viewer: Viewer; deps: AppDeps };
}
