import type { EnvReader } from '@hero-onboarding/env';

export interface HttpConfig {
  readonly port: number;
  readonly host: string;
  /** The URL people and providers reach us at; https here makes cookies Secure. */
  readonly publicUrl: string;
  /** Where a finished flow sends the browser ("back home"). */
  readonly homeUrl: string;
}

export function readHttpConfig(env: EnvReader): HttpConfig {
  const port = env.int('PORT', 8080, { max: 65535 });
  return {
    port,
    host: env.string('HOST') ?? '0.0.0.0',
    publicUrl: env.url('PUBLIC_URL', `http://localhost:${port}`) as string,
    homeUrl: env.string('HOME_URL') ?? '/',
  };
}
