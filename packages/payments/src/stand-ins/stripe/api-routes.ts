import { createHash } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import qs from 'qs';
import { faultGate } from '../common/faults';
import { apiKeyAuth } from './auth';
import type { StripeStandInCore } from './core';
import { sessionInput } from './create-input';
import { faultError, StripeApiError } from './errors';
import { sessionJson } from './session-json';

type Env = { Bindings: HttpBindings };

/** Stripe's form encoding (`line_items[0][price_data][currency]=usd`) into nested objects. */
function parseForm(text: string): Record<string, unknown> {
  return qs.parse(text, { depth: 10, arrayLimit: 100, parameterLimit: 1000, allowPrototypes: false });
}

function errorResponse(error: StripeApiError): Response {
  const headers: Record<string, string> = error.status === 429 ? { 'retry-after': '1' } : {};
  return Response.json(error.body(), { status: error.status, headers });
}

function gate(core: StripeStandInCore, endpoint: 'create_session' | 'retrieve_session') {
  return faultGate(
    core.faults,
    endpoint,
    (ms) => core.lifetime.wait(ms),
    (status) => errorResponse(faultError(status)),
  );
}

async function create(core: StripeStandInCore, c: Context<Env>): Promise<Response> {
  const text = await c.req.text();
  const params = parseForm(text);
  const key = c.req.header('idempotency-key');
  const origin = new URL(c.req.url).origin;
  const make = () => sessionJson(core.create(sessionInput(params, core.nowSeconds()), origin));
  if (key === undefined || key === '') return c.json(make());
  // The same parameters sent in another order still match: compare the set of encoded pairs.
  const fingerprint = createHash('sha256').update(text.split('&').sort().join('&')).digest('hex');
  const claim = core.store.claim(key, fingerprint);
  if (claim.kind === 'replay') {
    return c.body(claim.body, 200, { 'content-type': 'application/json', 'idempotent-replayed': 'true' });
  }
  if (claim.kind === 'conflict') {
    throw new StripeApiError(
      400,
      undefined,
      'Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than the one you used if you meant to execute a different request.',
      undefined,
      'idempotency_error',
    );
  }
  if (claim.kind === 'busy') {
    throw new StripeApiError(
      409,
      undefined,
      'There is currently another in-progress request using this idempotency key. Please try again later.',
      undefined,
      'idempotency_error',
    );
  }
  try {
    const body = JSON.stringify(make());
    core.store.settle(key, fingerprint, body);
    return c.body(body, 200, { 'content-type': 'application/json' });
  } catch (error) {
    core.store.settle(key, fingerprint, undefined);
    throw error;
  }
}

/** `POST /v1/checkout/sessions` and `GET /v1/checkout/sessions/:id`: exactly the calls our adapter makes. */
export function apiRoutes(core: StripeStandInCore): Hono<Env> {
  const api = new Hono<Env>();
  api.use('*', apiKeyAuth(core.secretKey));

  api.post(
    '/checkout/sessions',
    async (_c, next) => {
      core.count('create_session');
      await next();
    },
    gate(core, 'create_session'),
    (c) => create(core, c),
  );

  api.get(
    '/checkout/sessions/:id',
    async (_c, next) => {
      core.count('retrieve_session');
      await next();
    },
    gate(core, 'retrieve_session'),
    (c) => {
      const record = core.store.get(c.req.param('id')) && core.session(c.req.param('id'));
      if (!record) throw new StripeApiError(404, 'resource_missing', 'No such checkout.session.', 'session');
      const query = parseForm(new URL(c.req.url).search.slice(1));
      const expand = Array.isArray(query.expand) ? query.expand : [];
      return c.json(sessionJson(record, { expandIntent: expand.includes('payment_intent') }));
    },
  );

  return api;
}
