import { ConfigError, type EnvReader } from '@hero-onboarding/env';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** How the process runs: production refuses every dev convenience. */
export interface RuntimeConfig {
  readonly production: boolean;
  /** Sign-in codes to the log and the challenge response instead of a mailbox. */
  readonly devMode: boolean;
  readonly logLevel: LogLevel;
}

export function readRuntimeConfig(env: EnvReader): RuntimeConfig {
  const production = env.string('NODE_ENV') === 'production';
  // Without NODE_ENV=production, a bare `npm start` must work on a fresh machine, so dev defaults on.
  const devMode = env.bool('ONBOARDING_DEV_MODE', !production);
  if (devMode && production)
    throw new ConfigError('ONBOARDING_DEV_MODE', 'dev mode is refused when NODE_ENV=production');
  return {
    production,
    devMode,
    logLevel: env.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'], 'info'),
  };
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
