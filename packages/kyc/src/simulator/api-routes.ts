import { type Context, Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import type { SimulatorCore } from './core';
import { tokenInput } from './token-input';
import { SimulatorError } from './types';

const FAULTS = {
  401: new SimulatorError(401, 'UNAUTHORIZED', 'Invalid API key or secret.'),
  409: new SimulatorError(
    409,
    'DUPLICATE_CLIENT_ID',
    'duplicate clientId: this customer already has an active session',
  ),
  429: new SimulatorError(429, 'TOO_MANY_REQUESTS', 'Too many requests.'),
  500: new SimulatorError(500, 'INTERNAL_ERROR', 'Internal error.'),
} as const;

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new SimulatorError(400, 'JSON_ERROR', 'The request body is not valid JSON.');
  }
}

function baseUrl(core: SimulatorCore, c: Context): string {
  return core.publicUrl ?? new URL(c.req.url).origin;
}

/** iDenfy's server-to-server endpoints: `POST /api/v2/token` and `POST /api/v2/status`. */
export function apiRoutes(core: SimulatorCore): Hono {
  const api = new Hono();
  // Per route, not '*': the browser-facing /api/v2/redirect lives under the same prefix.
  const auth = basicAuth({
    verifyUser: (user, password) => core.credentialsMatch(user, password),
    invalidUserMessage: { identifier: 'UNAUTHORIZED', message: 'Invalid API key or secret.' },
  });

  api.post('/token', auth, async (c) => {
    const delayMs = core.faults.tokenDelayMs();
    if (delayMs > 0) await core.wait(delayMs);
    const { nextTokenStatus, nextTokenMalformed } = core.faults.takeTokenFaults();
    if (nextTokenStatus) throw FAULTS[nextTokenStatus];
    if (nextTokenMalformed) return c.json({ message: 'Token created successfully', token: null });
    const input = tokenInput(await jsonBody(c));
    if (core.store.openFor(input.clientId)) throw FAULTS[409];
    const session = core.mint(input);
    return c.json({
      message: 'Token created successfully',
      authToken: session.authToken,
      scanRef: session.scanRef,
      clientId: session.clientId,
      firstName: null,
      lastName: null,
      successUrl: session.successUrl ?? null,
      errorUrl: session.errorUrl ?? null,
      unverifiedUrl: session.unverifiedUrl ?? null,
      callbackUrl: session.callbackUrl ?? null,
      locale: session.locale ?? null,
      expiryTime: session.expiryTimeSeconds,
      sessionLength: session.sessionLengthSeconds,
      tokenType: 'IDENTIFICATION',
      externalRef: null,
      redirectUrl: `${baseUrl(core, c)}/api/v2/redirect?authToken=${encodeURIComponent(session.authToken)}`,
    });
  });

  api.post('/status', auth, async (c) => {
    core.countStatusCall();
    const fault = core.faults.takeStatusFault();
    if (fault) throw FAULTS[fault];
    const body = await jsonBody(c);
    const scanRef =
      typeof body === 'object' && body !== null ? (body as { scanRef?: unknown }).scanRef : undefined;
    if (typeof scanRef !== 'string' || scanRef === '') {
      throw new SimulatorError(400, 'MISSING_VALUE', "Missing required field 'scanRef'.");
    }
    const session = core.store.get(scanRef);
    if (!session) throw new SimulatorError(404, 'NOT_FOUND', 'No verification with this scanRef.');
    const { checks } = session;
    return c.json({
      fraudTags: checks.fraudTags,
      mismatchTags: checks.mismatchTags,
      autoDocument: checks.autoDocument,
      autoFace: checks.autoFace,
      manualDocument: checks.manualDocument,
      manualFace: checks.manualFace,
      scanRef: session.scanRef,
      clientId: session.clientId,
      status: core.store.statusOf(session),
    });
  });

  return api;
}
