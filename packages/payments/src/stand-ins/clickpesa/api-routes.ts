import { createHash, timingSafeEqual } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { faultGate } from '../common/faults';
import { randomId } from '../common/ids';
import { checkoutInput } from './checkout-input';
import type { ClickPesaStandInCore } from './core';
import { ClickPesaApiError, faultResponse } from './errors';
import type { ClickPesaEndpoint } from './types';

type Env = { Bindings: HttpBindings };
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Counts the call, then applies injected faults, before anything else (a down provider checks nothing). */
function entry(core: ClickPesaStandInCore, endpoint: ClickPesaEndpoint): MiddlewareHandler<Env> {
  const gate = faultGate(core.faults, endpoint, (ms) => core.lifetime.wait(ms), faultResponse);
  return async (c, next) => {
    core.count(endpoint);
    return gate(c, next);
  };
}

function bearer(core: ClickPesaStandInCore): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (!core.tokenValid(c.req.header('authorization'))) throw new ClickPesaApiError(401, 'Unauthorized');
    await next();
  };
}

async function json(c: Context<Env>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ClickPesaApiError(400, 'Invalid JSON body');
  }
}

/** ClickPesa's token, checkout-link and payment-status calls: what our adapter uses, nothing more. */
export function apiRoutes(core: ClickPesaStandInCore): Hono<Env> {
  const api = new Hono<Env>();
  const credentials = digest(`${core.clientId}\n${core.apiKey}`);

  api.post('/generate-token', entry(core, 'generate_token'), (c) => {
    const presented = digest(`${c.req.header('client-id') ?? ''}\n${c.req.header('api-key') ?? ''}`);
    if (!timingSafeEqual(presented, credentials))
      throw new ClickPesaApiError(403, 'Invalid client-id or api-key');
    return c.json({ success: true, token: core.issueToken() });
  });

  api.post('/checkout-link/generate-checkout-url', entry(core, 'checkout_link'), bearer(core), async (c) => {
    const input = checkoutInput(await json(c), core.checksumKey);
    if (core.hasOrder(input.orderReference)) {
      throw new ClickPesaApiError(
        409,
        `Order reference ${input.orderReference} already used: Create a different reference`,
      );
    }
    const linkToken = randomId('', 32);
    const checkoutLink = `${core.publicUrl ?? new URL(c.req.url).origin}/checkout/${linkToken}`;
    core.addOrder({ ...input, linkToken, checkoutLink, linkExpired: false, payments: [] });
    return c.json({ checkoutLink, clientId: core.clientId });
  });

  api.get('/payments/:orderReference', entry(core, 'payment_status'), bearer(core), (c) => {
    const reference = c.req.param('orderReference');
    const order = core.hasOrder(reference) ? core.order(reference) : undefined;
    if (!order || order.payments.length === 0) {
      throw new ClickPesaApiError(404, `Invalid or missing payment: ${reference}`);
    }
    return c.json(
      order.payments.map((payment) => ({
        id: payment.id,
        status: payment.status,
        paymentReference: payment.paymentReference,
        orderReference: reference,
        // The status call documents an integer amount: a JSON number here, where webhooks carry a string.
        collectedAmount: Number(payment.collectedAmount),
        collectedCurrency: payment.collectedCurrency,
        message: payment.message,
        createdAt: payment.createdAt,
        updatedAt: payment.updatedAt,
        customer: { customerName: 'STAND-IN CUSTOMER', customerPhoneNumber: '255700000000' },
        clientId: core.clientId,
      })),
    );
  });

  return api;
}
