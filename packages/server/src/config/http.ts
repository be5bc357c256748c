import { ConfigError, type EnvReader } from '@hero-onboarding/env';
import type { RuntimeConfig } from './runtime';

export interface HttpConfig {
  readonly port: number;
  readonly host: string;
  /** The URL people and providers reach us at; https here makes cookies Secure. */
  readonly publicUrl: string;
  /** Where a finished flow sends the browser ("back home"). */
  readonly homeUrl: string;
  /** Origins besides PUBLIC_URL's whose pages may send us state-changing requests (TRUSTED_ORIGINS). */
  readonly trustedOrigins: readonly string[];
  /** How long SIGTERM waits for requests in flight before cutting them off. */
  readonly shutdownTimeoutMs: number;
}

export function readHttpConfig(env: EnvReader, runtime: RuntimeConfig): HttpConfig {
  const port = env.int('PORT', 8080, { max: 65535 });
  return {
    port,
    // In dev mode anyone who reaches the port can sign in as anyone (the code is in the response), so
    // it listens on loopback unless HOST says otherwise.
    host: env.string('HOST') ?? (runtime.devMode ? '127.0.0.1' : '0.0.0.0'),
    publicUrl: env.url('PUBLIC_URL', `http://localhost:${port}`) as string,
    homeUrl: env.string('HOME_URL') ?? '/',
    trustedOrigins: env.list('TRUSTED_ORIGINS').map((origin) => {
      const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
      if (parsed === undefined || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin)
        throw new ConfigError(
          'TRUSTED_ORIGINS',
          'must be a comma-separated list of origins (https://host[:port])',
        );
      return origin;
    }),
    shutdownTimeoutMs: env.int('SHUTDOWN_TIMEOUT_MS', 10_000, { min: 100, max: 600_000 }),
  };
}
