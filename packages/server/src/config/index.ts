import { type Env, envReader } from '@hero-onboarding/env';
import { type AuthConfig, readAuthConfig } from './auth';
import { type HttpConfig, readHttpConfig } from './http';
import { type IdenfyConfig, readIdenfyConfig } from './idenfy';
import { type KycConfig, readKycConfig } from './kyc';
import { type MailConfig, readMailConfig } from './mail';
import { type PaymentsConfig, readPaymentsConfig } from './payments';
import { type RuntimeConfig, readRuntimeConfig } from './runtime';
import { readWebhooksConfig, type WebhooksConfig } from './webhooks';

export { ConfigError } from '@hero-onboarding/env';
export type { ClickPesaSetup, StripeSetup } from './payments';
export type {
  AuthConfig,
  HttpConfig,
  IdenfyConfig,
  KycConfig,
  MailConfig,
  PaymentsConfig,
  RuntimeConfig,
  WebhooksConfig,
};

/**
 * Server configuration, read once from the environment, one section per concern. A missing or malformed
 * variable that the chosen mode needs stops the start with a `ConfigError` naming the variable (never its
 * value).
 */
export interface ServerConfig extends RuntimeConfig {
  readonly http: HttpConfig;
  readonly mail: MailConfig;
  readonly auth: AuthConfig;
  readonly idenfy: IdenfyConfig;
  readonly kyc: KycConfig;
  readonly payments: PaymentsConfig;
  readonly webhooks: WebhooksConfig;
}

export function loadConfig(environment: Env = process.env): ServerConfig {
  const env = envReader(environment);
  const runtime = readRuntimeConfig(env);
  const http = readHttpConfig(env, runtime);
  const auth = readAuthConfig(env, runtime);
  const mail = readMailConfig(env, runtime);
  const kyc = readKycConfig(env, runtime);
  const idenfy = readIdenfyConfig(env, runtime, kyc.demoMode);
  const payments = readPaymentsConfig(env, runtime);
  return { ...runtime, http, mail, auth, idenfy, kyc, payments, webhooks: readWebhooksConfig(env) };
}
