import { PaymentProviderError } from '../errors';

export const CLICKPESA_API_URL = 'https://api.clickpesa.com/third-parties';

export interface ClickPesaProviderOptions {
  /** CLICKPESA_CLIENT_ID. */
  clientId: string;
  /** CLICKPESA_API_KEY. */
  apiKey: string;
  /** CLICKPESA_CHECKSUM_KEY: verifies webhooks and signs our requests. */
  checksumKey: string;
  /**
   * CLICKPESA_API_URL. Required on purpose: ClickPesa has no sandbox, so the live URL is never a silent
   * default — production configures it, tests and dev point at the stand-in.
   */
  apiUrl: string;
  /** Per HTTP call, connection to last body byte. Default 10 000. */
  timeoutMs?: number;
  /** How long a token is reused. ClickPesa's last an hour; default 55 minutes. */
  tokenTtlMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface ClickPesaSettings {
  readonly clientId: string;
  readonly apiKey: string;
  readonly checksumKey: string;
  readonly apiUrl: string;
  readonly timeoutMs: number;
  readonly tokenTtlMs: number;
  readonly fetch: typeof fetch;
  readonly now: () => number;
}

function invalid(message: string): PaymentProviderError {
  return new PaymentProviderError('invalid_config', `ClickPesaPaymentProvider: ${message}`);
}

function required(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(`${name} must be a non-empty string`);
  return value;
}

function positive(value: number | undefined, name: string, fallback: number): number {
  const chosen = value ?? fallback;
  if (!Number.isSafeInteger(chosen) || chosen <= 0) throw invalid(`${name} must be a positive whole number`);
  return chosen;
}

export function clickPesaSettings(options: ClickPesaProviderOptions): ClickPesaSettings {
  const apiUrl = required(options.apiUrl, 'apiUrl');
  const url = URL.canParse(apiUrl) ? new URL(apiUrl) : undefined;
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.search !== '' ||
    url.username !== ''
  ) {
    throw invalid('apiUrl must be an absolute http(s) URL without query or credentials');
  }
  return {
    clientId: required(options.clientId, 'clientId'),
    apiKey: required(options.apiKey, 'apiKey'),
    checksumKey: required(options.checksumKey, 'checksumKey'),
    apiUrl: url.href.replace(/\/+$/, ''),
    timeoutMs: positive(options.timeoutMs, 'timeoutMs', 10_000),
    tokenTtlMs: positive(options.tokenTtlMs, 'tokenTtlMs', 55 * 60_000),
    fetch: options.fetch ?? globalThis.fetch,
    now: options.now ?? Date.now,
  };
}
