/**
 * Server configuration, read once from the environment. A missing or malformed variable that the chosen
 * mode needs stops the start with a message naming the variable (and never its value).
 */
export interface IdenfyConfig {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly webhookSecret: string;
  /** Unset in dev mode without IDENFY_API_URL: the server starts the simulator beside itself. */
  readonly apiUrl: string | undefined;
  readonly devMode: boolean;
  readonly tokenExpirySeconds: number;
  readonly timeoutMs: number;
}

export interface KycConfig {
  readonly demoMode: boolean;
  readonly suspectedCompletes: boolean;
  readonly maxRemints: number;
  readonly mintLeaseSeconds: number;
  readonly statusCheckIntervalSeconds: number;
}

export interface AuthConfig {
  readonly sessionSecret: string;
  readonly sessionTtlSeconds: number;
  readonly codeTtlSeconds: number;
  readonly maxCodeAttempts: number;
  readonly rateWindowSeconds: number;
  readonly maxChallengesPerEmail: number;
  readonly maxChallengesPerIp: number;
  readonly adminEmails: ReadonlySet<string>;
  readonly adminApiToken: string | undefined;
  readonly trustProxy: boolean;
}

export interface ServerConfig {
  readonly production: boolean;
  readonly devMode: boolean;
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  /** Where a finished flow sends the browser ("back home"). */
  readonly homeUrl: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly auth: AuthConfig;
  readonly idenfy: IdenfyConfig;
  readonly kyc: KycConfig;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const DEV_SESSION_SECRET = 'hero-onboarding-dev-only-session-secret';
const DEV_IDENFY = {
  apiKey: 'dev-idenfy-key',
  apiSecret: 'dev-idenfy-secret',
  webhookSecret: 'dev-idenfy-webhook-secret',
};

export function loadConfig(env: Env = process.env): ServerConfig {
  const read = (name: string) => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const bool = (name: string, fallback: boolean) => {
    const v = read(name);
    if (v === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(v)) return true;
    if (/^(0|false|no|off)$/i.test(v)) return false;
    throw new ConfigError(name, 'must be true or false');
  };
  const int = (name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) => {
    const v = read(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      throw new ConfigError(name, `must be a whole number between ${min} and ${max}`);
    }
    return Number(v);
  };
  const url = (name: string, fallback?: string) => {
    const v = read(name) ?? fallback;
    if (v === undefined) return undefined;
    try {
      const parsed = new URL(v);
      if (!/^https?:$/.test(parsed.protocol)) throw new Error('scheme');
      return v.replace(/\/+$/, '');
    } catch {
      throw new ConfigError(name, 'must be an http(s) URL');
    }
  };

  const production = read('NODE_ENV') === 'production';
  // Without NODE_ENV=production, a bare `npm start` must work on a fresh machine, so dev defaults on.
  const devMode = bool('ONBOARDING_DEV_MODE', !production);
  if (devMode && production)
    throw new ConfigError('ONBOARDING_DEV_MODE', 'dev mode is refused when NODE_ENV=production');
  const demoMode = bool('KYC_DEMO_MODE', false);
  if (demoMode && production)
    throw new ConfigError('KYC_DEMO_MODE', 'demo mode is refused when NODE_ENV=production');
  const idenfyDevMode = bool('IDENFY_DEV_MODE', !production && read('IDENFY_API_KEY') === undefined);
  if (idenfyDevMode && production)
    throw new ConfigError('IDENFY_DEV_MODE', 'the iDenfy simulator is refused when NODE_ENV=production');

  const required = (name: string, devFallback: string) => {
    const v = read(name);
    if (v !== undefined) return v;
    if (!production) return devFallback;
    throw new ConfigError(name, 'is required when NODE_ENV=production');
  };
  const idenfyRequired = (name: string, devFallback: string) => {
    const v = read(name);
    if (v !== undefined) return v;
    if (idenfyDevMode || demoMode) return devFallback;
    throw new ConfigError(name, 'is required unless IDENFY_DEV_MODE=true or KYC_DEMO_MODE=true');
  };

  const port = int('PORT', 8080, 0, 65535);
  const publicUrl = url('PUBLIC_URL', `http://localhost:${port}`) as string;
  const sessionSecret = required('SESSION_SECRET', DEV_SESSION_SECRET);
  if (sessionSecret.length < 32) throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters');
  const smtpUrl = read('SMTP_URL');
  if (smtpUrl === undefined && !devMode)
    throw new ConfigError('SMTP_URL', 'is required unless ONBOARDING_DEV_MODE=true');
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl))
    throw new ConfigError('SMTP_URL', 'must be an smtp:// or smtps:// URL');
  const logLevel = read('LOG_LEVEL') ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    throw new ConfigError('LOG_LEVEL', 'must be debug, info, warn or error');

  return {
    production,
    devMode,
    port,
    host: read('HOST') ?? '0.0.0.0',
    publicUrl,
    homeUrl: read('HOME_URL') ?? '/',
    smtpUrl,
    mailFrom: read('MAIL_FROM') ?? 'hero-onboarding <no-reply@localhost>',
    logLevel: logLevel as ServerConfig['logLevel'],
    auth: {
      sessionSecret,
      sessionTtlSeconds: int('SESSION_TTL_SECONDS', 7 * 24 * 3600, 60),
      codeTtlSeconds: int('LOGIN_CODE_TTL_SECONDS', 600, 30, 86_400),
      maxCodeAttempts: int('LOGIN_MAX_ATTEMPTS', 5, 1, 100),
      rateWindowSeconds: int('LOGIN_RATE_WINDOW_SECONDS', 900, 1),
      maxChallengesPerEmail: int('LOGIN_RATE_LIMIT_PER_EMAIL', 5, 1),
      maxChallengesPerIp: int('LOGIN_RATE_LIMIT_PER_IP', 30, 1),
      adminEmails: new Set(
        (read('ADMIN_EMAILS') ?? '')
          .split(',')
          .map((e) => e.trim().toLowerCase())
          .filter((e) => e !== ''),
      ),
      adminApiToken: read('ADMIN_API_TOKEN'),
      trustProxy: bool('TRUST_PROXY', false),
    },
    idenfy: {
      apiKey: idenfyRequired('IDENFY_API_KEY', DEV_IDENFY.apiKey),
      apiSecret: idenfyRequired('IDENFY_API_SECRET', DEV_IDENFY.apiSecret),
      webhookSecret: idenfyRequired('IDENFY_WEBHOOK_SECRET', DEV_IDENFY.webhookSecret),
      apiUrl: url('IDENFY_API_URL', idenfyDevMode ? undefined : 'https://ivs.idenfy.com'),
      devMode: idenfyDevMode,
      tokenExpirySeconds: int('IDENFY_TOKEN_EXPIRY_SECONDS', 3600, 60, 30 * 24 * 3600),
      timeoutMs: int('IDENFY_TIMEOUT_MS', 10_000, 100, 120_000),
    },
    kyc: {
      demoMode,
      suspectedCompletes: bool('KYC_SUSPECTED_COMPLETES', true),
      maxRemints: int('KYC_MAX_REMINTS', 10, 0, 1000),
      mintLeaseSeconds: int('KYC_MINT_LEASE_SECONDS', 30, 1, 600),
      statusCheckIntervalSeconds: int('KYC_STATUS_CHECK_INTERVAL_SECONDS', 30, 0, 86_400),
    },
  };
}
