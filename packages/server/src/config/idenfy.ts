import { ConfigError, type EnvReader } from '@hero-onboarding/env';
import { type RuntimeConfig, refuseDevConvenience } from './runtime';

export interface IdenfyConfig {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly webhookSecret: string;
  /** Unset in dev mode without IDENFY_API_URL: the server starts the simulator beside itself. */
  readonly apiUrl: string | undefined;
  /** The simulator stands in for iDenfy. */
  readonly devMode: boolean;
  readonly tokenExpirySeconds: number;
  readonly timeoutMs: number;
}

const DEV_IDENFY = {
  apiKey: 'dev-idenfy-key',
  apiSecret: 'dev-idenfy-secret',
  webhookSecret: 'dev-idenfy-webhook-secret',
};

export function readIdenfyConfig(env: EnvReader, runtime: RuntimeConfig, demoMode: boolean): IdenfyConfig {
  // The simulator by default only where nothing is real; IDENFY_DEV_MODE=true with keys and
  // IDENFY_API_URL points the real client at a stand-in of your own.
  const devMode = env.bool('IDENFY_DEV_MODE', !runtime.production && runtime.realServices.length === 0);
  if (devMode) refuseDevConvenience(runtime.production, runtime.realServices, 'IDENFY_DEV_MODE');
  const key = (name: string, devFallback: string) => {
    const value = env.string(name);
    if (value !== undefined) return value;
    if (devMode || demoMode) return devFallback;
    throw new ConfigError(name, 'is required unless IDENFY_DEV_MODE=true or KYC_DEMO_MODE=true');
  };
  return {
    apiKey: key('IDENFY_API_KEY', DEV_IDENFY.apiKey),
    apiSecret: key('IDENFY_API_SECRET', DEV_IDENFY.apiSecret),
    webhookSecret: key('IDENFY_WEBHOOK_SECRET', DEV_IDENFY.webhookSecret),
    apiUrl: env.url('IDENFY_API_URL', devMode ? undefined : 'https://ivs.idenfy.com'),
    devMode,
    tokenExpirySeconds: env.int('IDENFY_TOKEN_EXPIRY_SECONDS', 3600, { min: 60, max: 30 * 24 * 3600 }),
    timeoutMs: env.int('IDENFY_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 }),
  };
}
