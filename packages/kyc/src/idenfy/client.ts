import { KycProviderError } from '../errors';
import type {
  KycProvider,
  KycSessionRequest,
  KycSessionToken,
  KycStatusReport,
  KycWebhook,
  ParseResult,
  RawBody,
} from '../provider';
import { type IdenfyHttp, postJson } from './http';
import { parseStatusResponse, parseTokenResponse } from './responses';
import { verifyWebhookSignature } from './signature';
import { tokenRequestBody } from './token-request';
import { parseIdenfyWebhook } from './webhook';

export const IDENFY_BASE_URL = 'https://ivs.idenfy.com';

export interface IdenfyProviderOptions {
  apiKey: string;
  apiSecret: string;
  /** The signing key configured for webhooks in iDenfy's dashboard. */
  webhookSecret: string;
  /** `https://ivs.idenfy.com`, or the simulator's URL in dev mode. */
  baseUrl?: string;
  /** Per call, connection to last body byte. Default 10 000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Clock for `expiresAt`; tests pin it. */
  now?: () => number;
}

function required(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new KycProviderError('invalid_config', `IdenfyProvider: ${name} must be a non-empty string`);
  }
  return value;
}

function normalizedBaseUrl(baseUrl: string): string {
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new KycProviderError('invalid_config', 'IdenfyProvider: baseUrl must be an absolute http(s) URL');
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * `KycProvider` over iDenfy's HTTP API (Basic auth, JSON). Never retries on its own.
 *
 * @example
 * const kyc = new IdenfyProvider({ apiKey, apiSecret, webhookSecret, baseUrl: process.env.IDENFY_API_URL });
 * const { redirectUrl, scanRef } = await kyc.createSession({ clientId: makeClientId(userId), callbackUrl });
 */
export class IdenfyProvider implements KycProvider {
  readonly #http: IdenfyHttp;
  readonly #webhookSecret: string;

  constructor(options: IdenfyProviderOptions) {
    const apiKey = required(options.apiKey, 'apiKey');
    const apiSecret = required(options.apiSecret, 'apiSecret');
    // Basic auth's user-id cannot contain a colon: the secret would be split wrongly.
    if (apiKey.includes(':'))
      throw new KycProviderError('invalid_config', 'IdenfyProvider: apiKey must not contain ":"');
    this.#webhookSecret = required(options.webhookSecret, 'webhookSecret');
    const timeoutMs = options.timeoutMs ?? 10_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      throw new KycProviderError('invalid_config', 'IdenfyProvider: timeoutMs must be a positive number');
    }
    this.#http = {
      baseUrl: normalizedBaseUrl(options.baseUrl ?? IDENFY_BASE_URL),
      authorization: `Basic ${Buffer.from(`${apiKey}:${apiSecret}`, 'utf8').toString('base64')}`,
      timeoutMs,
      fetch: options.fetch ?? globalThis.fetch,
      now: options.now ?? Date.now,
    };
  }

  async createSession(request: KycSessionRequest): Promise<KycSessionToken> {
    const body = tokenRequestBody(request);
    const startedAt = this.#http.now();
    const json = await postJson(this.#http, '/api/v2/token', body);
    return parseTokenResponse(json, request, startedAt, (token) => this.verificationUrl(token));
  }

  async fetchStatus(scanRef: string): Promise<KycStatusReport> {
    if (typeof scanRef !== 'string' || scanRef.length === 0 || scanRef.length > 200) {
      throw new KycProviderError('invalid_request', 'fetchStatus: scanRef must be a non-empty string');
    }
    const json = await postJson(this.#http, '/api/v2/status', { scanRef });
    return parseStatusResponse(json, scanRef);
  }

  verificationUrl(authToken: string): string {
    return `${this.#http.baseUrl}/api/v2/redirect?authToken=${encodeURIComponent(authToken)}`;
  }

  verifyWebhook(rawBody: RawBody, signature: string | undefined): boolean {
    return verifyWebhookSignature(rawBody, signature, this.#webhookSecret);
  }

  parseWebhook(rawBody: RawBody): ParseResult<KycWebhook> {
    return parseIdenfyWebhook(rawBody);
  }
}
