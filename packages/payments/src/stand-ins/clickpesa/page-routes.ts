import { type Context, Hono } from 'hono';
import { messagePage } from '../common/html';
import type { ClickPesaStandInCore } from './core';
import { pay } from './flows';
import { checkoutPage, PAGE_CHOICES } from './page';
import type { ClickPesaStandInOrder } from './types';

type Usable = { order: ClickPesaStandInOrder } | { status: 404 | 409 | 410; title: string };

function usable(core: ClickPesaStandInCore, token: string): Usable {
  const order = core.byLinkToken(token);
  if (!order) return { status: 404, title: 'Checkout not found' };
  if (order.linkExpired) return { status: 410, title: 'This checkout link has expired' };
  if (order.payments.some((payment) => payment.status !== 'FAILED')) {
    return { status: 409, title: 'This order is already paid' };
  }
  return { order };
}

function done(core: ClickPesaStandInCore, c: Context, order: ClickPesaStandInOrder, title: string) {
  if (!core.returnUrl) return c.html(messagePage(title, 'You can close this page.'));
  const target = new URL(core.returnUrl);
  target.searchParams.set('orderReference', order.orderReference);
  return c.redirect(target.href, 303);
}

/** `GET /checkout/:token` (the hosted page) and the form it posts. A failed attempt can be tried again. */
export function pageRoutes(core: ClickPesaStandInCore): Hono {
  const pages = new Hono();

  pages.get('/checkout/:token', (c) => {
    const found = usable(core, c.req.param('token'));
    if ('order' in found) return c.html(checkoutPage(found.order));
    return c.html(messagePage(found.title, 'Go back to the shop and start again.'), found.status);
  });

  pages.post('/checkout/:token', async (c) => {
    const found = usable(core, c.req.param('token'));
    if (!('order' in found))
      return c.html(messagePage(found.title, 'Go back to the shop and start again.'), found.status);
    const form = await c.req.parseBody();
    const choice = PAGE_CHOICES.find((candidate) => candidate === form.choice);
    if (choice === undefined)
      return c.html(messagePage('Unknown choice', 'Pick one of the buttons on the page.'), 400);
    await pay(core, found.order.orderReference, { outcome: choice === 'pay' ? 'success' : 'failed' });
    return done(core, c, found.order, choice === 'pay' ? 'Payment received' : 'Payment failed');
  });

  return pages;
}
