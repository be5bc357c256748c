import { ConfigError, type EnvReader } from '@hero-onboarding/env';
import type { RuntimeConfig } from './runtime';

/**
 * How ClickPesa is reached. It has no sandbox: every `live` call moves real money, so `live` needs all four
 * variables, the API URL included (never a silent default). With none of the credentials set outside
 * production, the local stand-in plays ClickPesa (started inside the server unless CLICKPESA_API_URL names
 * one). Production without credentials: `off`.
 */
export type ClickPesaSetup =
  | { readonly mode: 'off' }
  | {
      readonly mode: 'live' | 'stand-in';
      readonly clientId: string;
      readonly apiKey: string;
      readonly checksumKey: string;
      readonly apiUrl: string | undefined;
    };

const DEV_CLICKPESA = {
  clientId: 'dev-clickpesa-client',
  apiKey: 'dev-clickpesa-api-key',
  checksumKey: 'dev-clickpesa-checksum-key',
};
const CREDENTIALS = ['CLICKPESA_CLIENT_ID', 'CLICKPESA_API_KEY', 'CLICKPESA_CHECKSUM_KEY'] as const;

export function readClickPesaConfig(env: EnvReader, runtime: RuntimeConfig): ClickPesaSetup {
  const [clientId, apiKey, checksumKey] = CREDENTIALS.map((name) => env.string(name));
  const apiUrl = env.url('CLICKPESA_API_URL');
  if (clientId === undefined && apiKey === undefined) {
    // The stand-in is a dev convenience: only where nothing is real (anyone could "pay" through it).
    if (runtime.production || runtime.realServices.length > 0) return { mode: 'off' };
    return {
      mode: 'stand-in',
      clientId: DEV_CLICKPESA.clientId,
      apiKey: DEV_CLICKPESA.apiKey,
      checksumKey: checksumKey ?? DEV_CLICKPESA.checksumKey,
      apiUrl,
    };
  }
  const missing = CREDENTIALS.find((name) => env.string(name) === undefined);
  if (missing !== undefined) throw new ConfigError(missing, 'is required when ClickPesa is configured');
  if (apiUrl === undefined)
    throw new ConfigError(
      'CLICKPESA_API_URL',
      'is required with real ClickPesa credentials (it has no sandbox)',
    );
  return {
    mode: 'live',
    clientId: clientId as string,
    apiKey: apiKey as string,
    checksumKey: checksumKey as string,
    apiUrl,
  };
}
