import { Hono } from 'hono';
import { requireUser } from '../auth/viewer';
import type { AppEnv } from '../context';
import { readObjectBody } from '../http/json-body';
import { wantsHtml } from '../http/negotiate';
import { renderPaymentReturn } from '../pages/payment';
import { topUpFromPage } from '../pages/top-up-flow';
import { openTopUp } from './intent.service';
import { readTopUpInput } from './intent-input';
import { kycRequired } from './kyc-gate';
import { returnToTopUp } from './return.service';
import { topUpView } from './top-up-view';
import { receivePaymentWebhook } from './webhook.service';

export const paymentRoutes = new Hono<AppEnv>()
  .post('/payment/intent', async (c) => {
    if (wantsHtml(c)) return topUpFromPage(c); // the top-up form: a 303 towards the checkout, or a page
    const deps = c.get('deps');
    const { user } = requireUser(c);
    // The gate first: a person without completed KYC learns nothing else, and nothing is created.
    if (user.kyc_status !== 'completed') throw kycRequired(user.kyc_status);
    const input = readTopUpInput(await readObjectBody(c), deps.config.payments, deps.paymentProviders);
    const { topUp, checkoutUrl } = await openTopUp(deps, user, input);
    return c.json({ top_up: topUpView(topUp, deps.now()), checkout_url: checkoutUrl }, 201);
  })
  .get('/payment/return', async (c) => {
    const deps = c.get('deps');
    const { user } = requireUser(c);
    const query = { topUpId: c.req.query('top_up'), orderReference: c.req.query('orderReference') };
    const view = topUpView(await returnToTopUp(deps, user, query), deps.now());
    c.header('Cache-Control', 'no-store');
    if (wantsHtml(c)) return renderPaymentReturn(c, view);
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
