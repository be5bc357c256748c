import { ConfigError, type EnvReader } from '@hero-onboarding/env';
import { realServicesConfigured } from './real-services';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** How the process runs: production, or anything real configured, refuses every dev convenience. */
export interface RuntimeConfig {
  readonly production: boolean;
  /** Sign-in codes to the log and the challenge response instead of a mailbox. */
  readonly devMode: boolean;
  /** The variables naming real services (SMTP_URL, provider keys); empty in a bare dev setup. */
  readonly realServices: readonly string[];
  readonly logLevel: LogLevel;
}

export function readRuntimeConfig(env: EnvReader): RuntimeConfig {
  const production = env.string('NODE_ENV') === 'production';
  const realServices = realServicesConfigured(env);
  // A bare `npm start` on a fresh machine must work, so dev mode is the default only there: not in
  // production, and not once anything real (a mail server, a provider key) is configured.
  const devMode = env.bool('ONBOARDING_DEV_MODE', !production && realServices.length === 0);
  if (devMode) refuseDevConvenience(production, realServices, 'ONBOARDING_DEV_MODE');
  return {
    production,
    devMode,
    realServices,
    logLevel: env.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'], 'info'),
  };
}

/** Throws when a dev convenience is asked for where it must not run. */
export function refuseDevConvenience(
  production: boolean,
  realServices: readonly string[],
  variable: string,
): void {
  if (production) throw new ConfigError(variable, 'is refused when NODE_ENV=production');
  if (realServices.length > 0)
    throw new ConfigError(
      variable,
      `is refused while real services are configured (${realServices.join(', ')}); unset them or turn it off`,
    );
}

/** A secret that production must be given and dev may default. */
export function requiredInProduction(
  env: EnvReader,
  runtime: RuntimeConfig,
  name: string,
  devFallback: string,
): string {
  const value = env.string(name);
  if (value !== undefined) return value;
  if (!runtime.production) return devFallback;
  throw new ConfigError(name, 'is required when NODE_ENV=production');
}
