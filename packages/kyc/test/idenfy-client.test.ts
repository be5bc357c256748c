import { describe, expect, it } from 'vitest';
import { KycProviderError, type KycProviderErrorKind } from '../src/errors';
import { IdenfyProvider, type IdenfyProviderOptions } from '../src/idenfy/client';
import { signWebhookBody } from '../src/idenfy/signature';

const KEY = 'api-key-123';
const SECRET = 'api-secret-456';
const AUTH_TOKEN = 'tok3nV4lueNeverLogged';
const NOW = 1_700_000_000_000;

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (url: string | URL | Request, init: RequestInit = {}) => {
    const call = { url: String(url), init };
    calls.push(call);
    return answer(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function provider(fetch: typeof globalThis.fetch, options: Partial<IdenfyProviderOptions> = {}) {
  return new IdenfyProvider({
    apiKey: KEY,
    apiSecret: SECRET,
    webhookSecret: 'whsec',
    baseUrl: 'https://idenfy.test/',
    fetch,
    now: () => NOW,
    ...options,
  });
}

const TOKEN = {
  message: 'Token created successfully',
  authToken: AUTH_TOKEN,
  scanRef: 'ec6a7108-8c26-11e9-9758-309c231b1bac',
  clientId: 'user-1-1700000000000',
  expiryTime: 3600,
  sessionLength: 600,
  redirectUrl: `https://ivs.idenfy.com/api/v2/redirect?authToken=${AUTH_TOKEN}`,
};

async function failure(promise: Promise<unknown>): Promise<KycProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KycProviderError) return error;
    throw error;
  }
  throw new Error('expected an KycProviderError');
}

function expectSafe(error: KycProviderError) {
  for (const secret of [KEY, SECRET, AUTH_TOKEN, Buffer.from(`${KEY}:${SECRET}`).toString('base64')]) {
    expect(error.message).not.toContain(secret);
    expect(String(error.stack)).not.toContain(secret);
  }
}

describe('IdenfyProvider.createSession', () => {
  it('posts iDenfy’s field names with Basic auth to /api/v2/token', async () => {
    const { fetch, calls } = fakeFetch(() => json(TOKEN));
    await provider(fetch).createSession({
      clientId: TOKEN.clientId,
      callbackUrl: 'https://app.test/webhooks/idenfy',
      successUrl: 'https://app.test/kyc/return?ok=1',
      errorUrl: 'https://app.test/kyc/return?ok=0',
      unverifiedUrl: 'https://app.test/kyc/return',
      expiryTimeSeconds: 1800,
      sessionLengthSeconds: 300,
      locale: 'EN',
    });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('https://idenfy.test/api/v2/token');
    expect(call?.init.method).toBe('POST');
    const headers = new Headers(call?.init.headers);
    expect(headers.get('authorization')).toBe(`Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`);
    expect(headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(String(call?.init.body))).toEqual({
      clientId: TOKEN.clientId,
      callbackUrl: 'https://app.test/webhooks/idenfy',
      successUrl: 'https://app.test/kyc/return?ok=1',
      errorUrl: 'https://app.test/kyc/return?ok=0',
      unverifiedUrl: 'https://app.test/kyc/return',
      expiryTime: 1800,
      sessionLength: 300,
      locale: 'en',
    });
  });

  it('sends only clientId when nothing else is asked for', async () => {
    const { fetch, calls } = fakeFetch(() => json(TOKEN));
    await provider(fetch).createSession({ clientId: TOKEN.clientId });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ clientId: TOKEN.clientId });
  });

  it('returns the token, with expiresAt = start of the call + expiryTime seconds', async () => {
    const { fetch } = fakeFetch(() => json({ ...TOKEN, expiryTime: 900, sessionLength: 120 }));
    const token = await provider(fetch).createSession({ clientId: TOKEN.clientId });
    expect(token).toEqual({
      authToken: AUTH_TOKEN,
      scanRef: TOKEN.scanRef,
      clientId: TOKEN.clientId,
      redirectUrl: TOKEN.redirectUrl,
      expiresAt: new Date(NOW + 900_000),
      expiryTimeSeconds: 900,
      sessionLengthSeconds: 120,
    });
  });

  it('tolerates numeric strings and falls back to the requested or default durations', async () => {
    const { fetch } = fakeFetch(() => json({ ...TOKEN, expiryTime: '120', sessionLength: undefined }));
    const token = await provider(fetch).createSession({
      clientId: TOKEN.clientId,
      sessionLengthSeconds: 300,
    });
    expect(token.expiryTimeSeconds).toBe(120);
    expect(token.sessionLengthSeconds).toBe(300);
    const { fetch: bare } = fakeFetch(() => json({ ...TOKEN, expiryTime: null, sessionLength: null }));
    const defaults = await provider(bare).createSession({ clientId: TOKEN.clientId });
    expect([defaults.expiryTimeSeconds, defaults.sessionLengthSeconds]).toEqual([3600, 600]);
  });

  it('fills in what a stand-in may leave out: clientId from the request, redirectUrl from the base URL', async () => {
    const { fetch } = fakeFetch(() => json({ ...TOKEN, clientId: undefined, redirectUrl: undefined }));
    const token = await provider(fetch).createSession({ clientId: TOKEN.clientId });
    expect(token.clientId).toBe(TOKEN.clientId);
    expect(token.redirectUrl).toBe(
      `https://idenfy.test/api/v2/redirect?authToken=${encodeURIComponent(TOKEN.authToken)}`,
    );
  });

  it.each([
    ['authToken', { authToken: undefined }],
    ['scanRef', { scanRef: '' }],
    ['redirectUrl', { redirectUrl: 42 }],
    ['redirectUrl', { redirectUrl: 'not a url' }],
    ['clientId', { clientId: 'someone-else' }],
    ['expiryTime', { expiryTime: 'soon' }],
    ['sessionLength', { sessionLength: -5 }],
  ])('reports bad_response naming %s when a 200 breaks the contract', async (field, change) => {
    const { fetch } = fakeFetch(() => json({ ...TOKEN, ...change }));
    const error = await failure(provider(fetch).createSession({ clientId: TOKEN.clientId }));
    expect(error.kind).toBe('bad_response');
    expect(error.message).toContain(field);
    expectSafe(error);
  });

  it.each([
    ['a non-JSON body', () => new Response('<html>proxy error</html>', { status: 200 })],
    ['a JSON array', () => json([TOKEN])],
    ['null', () => json(null)],
  ])('reports bad_response for %s', async (_what, answer) => {
    const { fetch } = fakeFetch(answer);
    expect((await failure(provider(fetch).createSession({ clientId: TOKEN.clientId }))).kind).toBe(
      'bad_response',
    );
  });

  it.each<[number, KycProviderErrorKind, Record<string, string>?]>([
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [409, 'duplicate_client_id'],
    [429, 'rate_limited'],
    [400, 'rejected'],
    [404, 'rejected'],
    [422, 'rejected'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [302, 'bad_response', { location: 'https://elsewhere.test/' }],
  ])('maps HTTP %i to %s, carrying the status', async (status, kind, headers = {}) => {
    const { fetch } = fakeFetch(() =>
      json({ identifier: 'SOME_ERROR', message: `echo ${SECRET}` }, status, headers),
    );
    const error = await failure(provider(fetch).createSession({ clientId: TOKEN.clientId }));
    expect(error).toBeInstanceOf(KycProviderError);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toContain(String(status));
    expectSafe(error);
  });

  it('carries iDenfy’s identifier on a rejection', async () => {
    const { fetch } = fakeFetch(() =>
      json({ identifier: 'BAD_VALUE', message: "Field 'locale' is invalid" }, 400),
    );
    const error = await failure(provider(fetch).createSession({ clientId: TOKEN.clientId }));
    expect(error).toMatchObject({ kind: 'rejected', identifier: 'BAD_VALUE', status: 400 });
    expect(error.message).toContain('BAD_VALUE');
  });

  it('does not echo an identifier that is not one of iDenfy’s constants', async () => {
    const { fetch } = fakeFetch(() => json({ identifier: `leak ${AUTH_TOKEN}` }, 400));
    const error = await failure(provider(fetch).createSession({ clientId: TOKEN.clientId }));
    expect(error.identifier).toBeUndefined();
    expectSafe(error);
  });

  it('reads Retry-After in seconds or as a date', async () => {
    const { fetch: seconds } = fakeFetch(() =>
      json({ identifier: 'TOO_MANY_REQUESTS' }, 429, { 'retry-after': '7' }),
    );
    expect(
      (await failure(provider(seconds).createSession({ clientId: TOKEN.clientId }))).retryAfterSeconds,
    ).toBe(7);
    const date = new Date(NOW + 30_000).toUTCString();
    const { fetch: dated } = fakeFetch(() => json({}, 429, { 'retry-after': date }));
    expect(
      (await failure(provider(dated).createSession({ clientId: TOKEN.clientId }))).retryAfterSeconds,
    ).toBe(30);
    const { fetch: none } = fakeFetch(() => json({}, 429));
    expect(
      (await failure(provider(none).createSession({ clientId: TOKEN.clientId }))).retryAfterSeconds,
    ).toBeUndefined();
  });

  it('makes exactly one attempt, even when iDenfy is down', async () => {
    const { fetch, calls } = fakeFetch(() => json({ identifier: 'INTERNAL_ERROR' }, 500));
    await failure(provider(fetch).createSession({ clientId: TOKEN.clientId }));
    expect(calls).toHaveLength(1);
  });

  it('reports network when the connection fails', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    const error = await failure(provider(fetch).createSession({ clientId: TOKEN.clientId }));
    expect(error.kind).toBe('network');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('reports timeout when no answer comes within timeoutMs, and aborts the request', async () => {
    let signal: AbortSignal | undefined;
    const { fetch } = fakeFetch(
      (call) =>
        new Promise<Response>((_resolve, reject) => {
          signal = call.init.signal ?? undefined;
          signal?.addEventListener('abort', () => reject(signal?.reason));
        }),
    );
    const error = await failure(
      provider(fetch, { timeoutMs: 20 }).createSession({ clientId: TOKEN.clientId }),
    );
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('20 ms');
    expect(signal?.aborted).toBe(true);
  });

  it('does not follow redirects, so credentials stay with iDenfy', async () => {
    const { fetch, calls } = fakeFetch(() => json(TOKEN));
    await provider(fetch).createSession({ clientId: TOKEN.clientId });
    expect(calls[0]?.init.redirect).toBe('manual');
  });

  it.each([
    ['an empty clientId', { clientId: '' }],
    ['a non-ASCII clientId', { clientId: 'jürgen-1700000000000' }],
    ['a 101-character clientId', { clientId: 'a'.repeat(101) }],
    ['a fractional expiry', { clientId: 'u', expiryTimeSeconds: 1.5 }],
    ['a zero session length', { clientId: 'u', sessionLengthSeconds: 0 }],
    ['a relative callback URL', { clientId: 'u', callbackUrl: '/webhooks/idenfy' }],
    ['a javascript: success URL', { clientId: 'u', successUrl: 'javascript:alert(1)' }],
    ['a long locale', { clientId: 'u', locale: 'english' }],
  ])('refuses %s before sending anything', async (_what, request) => {
    const { fetch, calls } = fakeFetch(() => json(TOKEN));
    const error = await failure(provider(fetch).createSession(request));
    expect(error.kind).toBe('invalid_request');
    expect(calls).toHaveLength(0);
  });
});

describe('IdenfyProvider.fetchStatus', () => {
  const STATUS = {
    fraudTags: [],
    mismatchTags: [],
    autoDocument: 'DOC_VALIDATED',
    autoFace: 'FACE_MATCH',
    manualDocument: 'DOC_VALIDATED',
    manualFace: 'FACE_MATCH',
    scanRef: TOKEN.scanRef,
    clientId: TOKEN.clientId,
    status: 'APPROVED',
  };

  it('posts the scanRef to /api/v2/status and reads the report', async () => {
    const { fetch, calls } = fakeFetch(() => json(STATUS));
    const report = await provider(fetch).fetchStatus(TOKEN.scanRef);
    expect(calls[0]?.url).toBe('https://idenfy.test/api/v2/status');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ scanRef: TOKEN.scanRef });
    expect(report).toEqual({ ...STATUS, final: true });
  });

  it('derives final from the status unless iDenfy says', async () => {
    for (const [status, final] of [
      ['ACTIVE', false],
      ['REVIEWING', false],
      ['DENIED', true],
      ['EXPIRED', true],
    ] as const) {
      const { fetch } = fakeFetch(() => json({ ...STATUS, status }));
      expect((await provider(fetch).fetchStatus(TOKEN.scanRef)).final).toBe(final);
    }
    const { fetch } = fakeFetch(() => json({ ...STATUS, final: false }));
    expect((await provider(fetch).fetchStatus(TOKEN.scanRef)).final).toBe(false);
  });

  it('reads EXPIRED-DELETED as EXPIRED and empty manual results as null', async () => {
    const { fetch } = fakeFetch(() =>
      json({ ...STATUS, status: 'EXPIRED-DELETED', manualFace: '', fraudTags: null }),
    );
    const report = await provider(fetch).fetchStatus(TOKEN.scanRef);
    expect(report).toMatchObject({ status: 'EXPIRED', manualFace: null, fraudTags: [] });
  });

  it.each([
    ['status', { status: 'DELETED' }],
    ['scanRef', { scanRef: 'another-scan' }],
    ['clientId', { clientId: null }],
    ['mismatchTags', { mismatchTags: 'NAME' }],
  ])('reports bad_response naming %s', async (field, change) => {
    const { fetch } = fakeFetch(() => json({ ...STATUS, ...change }));
    const error = await failure(provider(fetch).fetchStatus(TOKEN.scanRef));
    expect(error.kind).toBe('bad_response');
    expect(error.message).toContain(field);
  });

  it('refuses an empty scanRef without sending', async () => {
    const { fetch, calls } = fakeFetch(() => json(STATUS));
    expect((await failure(provider(fetch).fetchStatus(''))).kind).toBe('invalid_request');
    expect(calls).toHaveLength(0);
  });
});

describe('IdenfyProvider configuration', () => {
  const base = { apiKey: KEY, apiSecret: SECRET, webhookSecret: 'whsec' };

  it.each([
    ['apiKey', { ...base, apiKey: '' }],
    ['apiSecret', { ...base, apiSecret: undefined as unknown as string }],
    ['webhookSecret', { ...base, webhookSecret: '' }],
    ['apiKey', { ...base, apiKey: 'a:b' }],
    ['baseUrl', { ...base, baseUrl: 'ivs.idenfy.com' }],
    ['baseUrl', { ...base, baseUrl: 'ftp://ivs.idenfy.com' }],
    ['timeoutMs', { ...base, timeoutMs: 0 }],
  ])('refuses a bad %s, naming it but not its value', (field, options) => {
    let error: unknown;
    try {
      new IdenfyProvider(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KycProviderError);
    expect((error as KycProviderError).kind).toBe('invalid_config');
    expect((error as KycProviderError).message).toContain(field);
    expect((error as KycProviderError).message).not.toContain(SECRET);
  });

  it('defaults to iDenfy’s production URL', async () => {
    const { fetch, calls } = fakeFetch(() => json(TOKEN));
    await new IdenfyProvider({ ...base, fetch }).createSession({ clientId: TOKEN.clientId });
    expect(calls[0]?.url).toBe('https://ivs.idenfy.com/api/v2/token');
  });

  it('keeps a path prefix in the base URL', async () => {
    const { fetch, calls } = fakeFetch(() => json(TOKEN));
    await new IdenfyProvider({ ...base, fetch, baseUrl: 'http://proxy.test/idenfy/' }).createSession({
      clientId: TOKEN.clientId,
    });
    expect(calls[0]?.url).toBe('http://proxy.test/idenfy/api/v2/token');
  });

  it('verifies webhooks with its own webhook secret', () => {
    const kyc = new IdenfyProvider({ ...base, webhookSecret: 'TestingKey' });
    const other = new IdenfyProvider({ ...base, webhookSecret: 'OtherKey' });
    const body = '{"a":1}';
    const signature = signWebhookBody(body, 'TestingKey');
    expect(kyc.verifyWebhook(body, signature)).toBe(true);
    expect(other.verifyWebhook(body, signature)).toBe(false);
    expect(kyc.verifyWebhook(body, undefined)).toBe(false);
  });
});
