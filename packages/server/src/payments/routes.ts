import { Hono } from 'hono';
import { requireUser } from '../auth/viewer';
import type { AppEnv } from '../context';
import { AppError } from '../http/errors';
import { readObjectBody } from '../http/json-body';
import { wantsHtml } from '../http/negotiate';
import { openTopUp } from './intent.service';
import { readTopUpInput } from './intent-input';
import { kycRequired, kycRequiredResponse } from './kyc-gate';
import { returnToTopUp } from './return.service';
import { returnPage } from './return-page';
import { topUpView } from './top-up-view';
import { receivePaymentWebhook } from './webhook.service';

const isKycRefusal = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === 'kyc_required';

export const paymentRoutes = new Hono<AppEnv>()
  .post('/payment/intent', async (c) => {
    const deps = c.get('deps');
    const { user } = requireUser(c);
    try {
      // The gate first: a person without completed KYC learns nothing else, and nothing is created.
      if (user.kyc_status !== 'completed') throw kycRequired(user.kyc_status);
      const input = readTopUpInput(await readObjectBody(c), deps.config.payments, deps.paymentProviders);
      const { topUp, checkoutUrl } = await openTopUp(deps, user, input);
      if (wantsHtml(c)) return c.redirect(checkoutUrl, 303);
      return c.json({ top_up: topUpView(topUp, deps.now()), checkout_url: checkoutUrl }, 201);
    } catch (error) {
      if (isKycRefusal(error)) return kycRequiredResponse(c, error);
      throw error;
    }
  })
  .get('/payment/return', async (c) => {
    const deps = c.get('deps');
    const { user } = requireUser(c);
    const query = { topUpId: c.req.query('top_up'), orderReference: c.req.query('orderReference') };
    const view = topUpView(await returnToTopUp(deps, user, query), deps.now());
    c.header('Cache-Control', 'no-store');
    if (wantsHtml(c)) return c.html(returnPage(view));
    return c.json({ top_up: view });
  })
  .post('/webhooks/stripe', async (c) => {
    // The size cap is enforced while the body streams in (see http/body-limit.ts).
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const receipt = await receivePaymentWebhook(c.get('deps'), 'stripe', raw, (name) => c.req.header(name));
    return c.json({ received: true, ...receipt });
  })
  .post('/webhooks/clickpesa', async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const receipt = await receivePaymentWebhook(c.get('deps'), 'clickpesa', raw, (name) =>
      c.req.header(name),
    );
    return c.json({ received: true, ...receipt });
  });
