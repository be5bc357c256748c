import { KycProviderError } from '../errors';

// iDenfy identifiers are constants such as BAD_VALUE; anything else is not echoed into messages.
const IDENTIFIER = /^[A-Z][A-Z0-9_]{0,63}$/;

function identifierOf(bodyText: string): string | undefined {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body !== 'object' || body === null) return undefined;
    const identifier = (body as { identifier?: unknown }).identifier;
    return typeof identifier === 'string' && IDENTIFIER.test(identifier) ? identifier : undefined;
  } catch {
    return undefined;
  }
}

/** `Retry-After` as seconds: either delta-seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Maps a non-2xx answer to the error kind callers branch on. The body itself is never kept. */
export function errorForStatus(
  endpoint: string,
  response: { status: number; headers: Headers },
  bodyText: string,
  now: number,
): KycProviderError {
  const { status } = response;
  const identifier = identifierOf(bodyText);
  const details = identifier === undefined ? { status } : { status, identifier };
  const what = `iDenfy ${endpoint} answered HTTP ${status}${identifier ? ` (${identifier})` : ''}`;
  if (status === 401 || status === 403) {
    return new KycProviderError('unauthorized', `${what}: check the API key and secret`, details);
  }
  if (status === 409) {
    return new KycProviderError(
      'duplicate_client_id',
      `${what}: the clientId already has an active token`,
      details,
    );
  }
  if (status === 429) {
    const retryAfter = retryAfterSeconds(response.headers.get('retry-after'), now);
    const withRetry = retryAfter === undefined ? details : { ...details, retryAfterSeconds: retryAfter };
    return new KycProviderError('rate_limited', `${what}: rate limited`, withRetry);
  }
  if (status >= 500) return new KycProviderError('unavailable', `${what}: iDenfy is unavailable`, details);
  if (status >= 400) return new KycProviderError('rejected', `${what}: request rejected`, details);
  // 1xx/3xx: redirects are not followed, so Basic credentials never travel to another host.
  return new KycProviderError('bad_response', `${what}: unexpected status`, details);
}
