/** The processes the CLI starts that read settings. */
export type Reader = 'server' | 'admin';

/**
 * Every variable the CLI passes on to what it starts, and which processes read it; nothing else from
 * the caller's environment reaches them (a stray secret in your shell stays there). The same list as
 * the README's configuration tables: a test keeps the two equal.
 */
export const FORWARDED_ENV = {
  NODE_ENV: ['server', 'admin'],
  LOG_LEVEL: ['server', 'admin'],
  PORT: ['server', 'admin'],
  HOST: ['server'],
  PUBLIC_URL: ['server'],
  HOME_URL: ['server'],
  TRUSTED_ORIGINS: ['server'],
  SHUTDOWN_TIMEOUT_MS: ['server'],
  DATABASE_URL: ['server'],
  EMBEDDED_PG_PORT: ['server'],
  EMBEDDED_PG_DATA_DIR: ['server'],
  DATABASE_POOL_MAX: ['server'],
  DATABASE_LOCK_TIMEOUT_MS: ['server'],
  DATABASE_STATEMENT_TIMEOUT_MS: ['server'],
  DATABASE_CONNECT_TIMEOUT_MS: ['server'],
  DATABASE_QUERY_TIMEOUT_MS: ['server'],
  SESSION_SECRET: ['server'],
  SESSION_TTL_SECONDS: ['server'],
  ONBOARDING_DEV_MODE: ['server'],
  SMTP_URL: ['server'],
  MAIL_FROM: ['server'],
  LOGIN_CODE_TTL_SECONDS: ['server'],
  LOGIN_MAX_ATTEMPTS: ['server'],
  LOGIN_RATE_WINDOW_SECONDS: ['server'],
  LOGIN_RATE_LIMIT_PER_EMAIL: ['server'],
  LOGIN_RATE_LIMIT_PER_IP: ['server'],
  LOGIN_RATE_LIMIT_PER_EMAIL_IP: ['server'],
  TRUST_PROXY: ['server'],
  ADMIN_EMAILS: ['server'],
  ADMIN_API_TOKEN: ['server', 'admin'],
  IDENFY_DEV_MODE: ['server'],
  IDENFY_API_URL: ['server'],
  IDENFY_API_KEY: ['server'],
  IDENFY_API_SECRET: ['server'],
  IDENFY_WEBHOOK_SECRET: ['server'],
  IDENFY_TOKEN_EXPIRY_SECONDS: ['server'],
  IDENFY_TIMEOUT_MS: ['server'],
  KYC_SUSPECTED_COMPLETES: ['server'],
  KYC_MAX_REMINTS: ['server'],
  KYC_MINT_LEASE_SECONDS: ['server'],
  KYC_STATUS_CHECK_INTERVAL_SECONDS: ['server'],
  KYC_DEMO_MODE: ['server'],
  TOPUP_CURRENCIES: ['server'],
  TOPUP_MIN_CENTS: ['server'],
  TOPUP_MAX_CENTS: ['server'],
  STRIPE_SECRET_KEY: ['server'],
  STRIPE_WEBHOOK_SECRET: ['server'],
  STRIPE_API_URL: ['server'],
  CLICKPESA_CLIENT_ID: ['server'],
  CLICKPESA_API_KEY: ['server'],
  CLICKPESA_CHECKSUM_KEY: ['server'],
  CLICKPESA_API_URL: ['server'],
  PAYMENT_CHECKOUT_TTL_MINUTES: ['server'],
  PAYMENT_PROVIDER_TIMEOUT_MS: ['server'],
  PAYMENT_STATUS_CHECK_INTERVAL_SECONDS: ['server'],
  RECONCILE_INTERVAL_SECONDS: ['server'],
  WEBHOOK_PAYLOAD_RETENTION_DAYS: ['server'],
  ADMIN_PORT: ['admin'],
  ADMIN_HOST: ['admin'],
  ADMIN_SERVER_URL: ['admin'],
  ADMIN_PUBLIC_URL: ['admin'],
  ADMIN_SESSION_SECRET: ['admin'],
  ADMIN_TRUST_PROXY: ['admin'],
} as const satisfies Record<string, readonly Reader[]>;

export type ForwardedVariable = keyof typeof FORWARDED_ENV;

/**
 * What any program needs to run at all, passed through as well: where programs are (embedded
 * PostgreSQL creates its system user with them when run as root), home, temp dir, language, time zone.
 */
export const SYSTEM_ENV = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ'] as const;

export type Env = Readonly<Record<string, string | undefined>>;

/** The settings as the CLI sees them: the forwarded variables from `source`, then the flags' overrides. */
export function settingsFrom(source: Env, overrides: Partial<Record<ForwardedVariable, string>> = {}): Env {
  const settings: Record<string, string> = {};
  for (const name of Object.keys(FORWARDED_ENV)) {
    const value = overrides[name as ForwardedVariable] ?? source[name];
    if (value !== undefined) settings[name] = value;
  }
  return settings;
}

/** The environment one child gets: the system basics, and the settings its process reads. */
export function childEnv(source: Env, settings: Env, reader: Reader): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of SYSTEM_ENV) {
    const value = source[name];
    if (value !== undefined) env[name] = value;
  }
  for (const [name, readers] of Object.entries(FORWARDED_ENV)) {
    const value = settings[name];
    if (value !== undefined && (readers as readonly Reader[]).includes(reader)) env[name] = value;
  }
  return env;
}
