import { ConfigError, type EnvReader } from '@hero-onboarding/env';
import { type RuntimeConfig, requiredInProduction } from './runtime';

export interface AuthConfig {
  readonly sessionSecret: string;
  readonly sessionTtlSeconds: number;
  readonly codeTtlSeconds: number;
  readonly maxCodeAttempts: number;
  readonly rateWindowSeconds: number;
  /** Challenges per address from one IP: what one client (the owner, or a stranger) may ask for. */
  readonly maxChallengesPerEmailAndIp: number;
  /** Challenges per address from all IPs together: bounds mail to one inbox and guesses at one address. */
  readonly maxChallengesPerEmail: number;
  readonly maxChallengesPerIp: number;
  /** Lower-cased. */
  readonly adminEmails: ReadonlySet<string>;
  readonly adminApiToken: string | undefined;
  readonly trustProxy: boolean;
}

const DEV_SESSION_SECRET = 'hero-onboarding-dev-only-session-secret';

export function readAuthConfig(env: EnvReader, runtime: RuntimeConfig): AuthConfig {
  const sessionSecret = requiredInProduction(env, runtime, 'SESSION_SECRET', DEV_SESSION_SECRET);
  if (sessionSecret.length < 32) throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters');
  return {
    sessionSecret,
    sessionTtlSeconds: env.int('SESSION_TTL_SECONDS', 7 * 24 * 3600, { min: 60 }),
    codeTtlSeconds: env.int('LOGIN_CODE_TTL_SECONDS', 600, { min: 30, max: 86_400 }),
    maxCodeAttempts: env.int('LOGIN_MAX_ATTEMPTS', 5, { min: 1, max: 100 }),
    rateWindowSeconds: env.int('LOGIN_RATE_WINDOW_SECONDS', 900, { min: 1 }),
    maxChallengesPerEmailAndIp: env.int('LOGIN_RATE_LIMIT_PER_EMAIL_IP', 5, { min: 1 }),
    maxChallengesPerEmail: env.int('LOGIN_RATE_LIMIT_PER_EMAIL', 10, { min: 1 }),
    maxChallengesPerIp: env.int('LOGIN_RATE_LIMIT_PER_IP', 30, { min: 1 }),
    adminEmails: new Set(env.list('ADMIN_EMAILS').map((e) => e.toLowerCase())),
    adminApiToken: env.string('ADMIN_API_TOKEN'),
    trustProxy: env.bool('TRUST_PROXY', false),
  };
}
