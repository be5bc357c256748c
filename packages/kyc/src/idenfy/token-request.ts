import { MAX_CLIENT_ID_LENGTH } from '../client-id';
import { KycProviderError } from '../errors';
import type { KycSessionRequest } from '../provider';

const ASCII = /^[\x20-\x7e]+$/;
const URL_FIELDS = ['callbackUrl', 'successUrl', 'errorUrl', 'unverifiedUrl'] as const;

function invalid(message: string): KycProviderError {
  return new KycProviderError('invalid_request', `createSession: ${message}`);
}

function positiveSeconds(value: number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value <= 0)
    throw invalid(`${field} must be a positive whole number of seconds`);
  return value;
}

function httpUrl(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const parsed = URL.canParse(value) ? new URL(value) : undefined;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw invalid(`${field} must be an absolute http(s) URL`);
  }
  return value;
}

/**
 * Checks a session request locally and builds iDenfy's token body (its field names), so a bad
 * request fails before anything is sent.
 */
export function tokenRequestBody(request: KycSessionRequest): Record<string, string | number> {
  const { clientId } = request;
  if (typeof clientId !== 'string' || !ASCII.test(clientId)) {
    throw invalid('clientId must be a non-empty ASCII string');
  }
  if (clientId.length > MAX_CLIENT_ID_LENGTH) {
    throw invalid(`clientId is ${clientId.length} characters; iDenfy allows ${MAX_CLIENT_ID_LENGTH}`);
  }
  const body: Record<string, string | number> = { clientId };
  for (const field of URL_FIELDS) {
    const url = httpUrl(request[field], field);
    if (url !== undefined) body[field] = url;
  }
  const expiryTime = positiveSeconds(request.expiryTimeSeconds, 'expiryTimeSeconds');
  const sessionLength = positiveSeconds(request.sessionLengthSeconds, 'sessionLengthSeconds');
  if (expiryTime !== undefined) body.expiryTime = expiryTime;
  if (sessionLength !== undefined) body.sessionLength = sessionLength;
  if (request.locale !== undefined) {
    if (!/^[a-z]{2}$/i.test(request.locale)) throw invalid('locale must be a two-letter language code');
    body.locale = request.locale.toLowerCase();
  }
  return body;
}
