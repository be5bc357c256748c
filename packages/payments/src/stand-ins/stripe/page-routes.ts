import { type Context, Hono } from 'hono';
import { messagePage } from '../common/html';
import type { StripeStandInCore } from './core';
import { expire, pay, payLater, settle } from './flows';
import { checkoutPage, PAGE_CHOICES } from './page';
import type { SessionRecord } from './store';

function closed(c: Context, record: SessionRecord | undefined) {
  if (!record) return c.html(messagePage('Checkout not found', 'This checkout link does not exist.'), 404);
  return record.status === 'expired'
    ? c.html(messagePage('This checkout has expired', 'Go back to the shop and start again.'), 410)
    : c.html(messagePage('This checkout is already complete', 'You can close this page.'), 409);
}

function successUrl(record: SessionRecord): string {
  return record.successUrl.replaceAll('{CHECKOUT_SESSION_ID}', record.id);
}

function back(c: Context, record: SessionRecord, title: string) {
  if (record.cancelUrl) return c.redirect(record.cancelUrl, 303);
  return c.html(messagePage(title, 'You can close this page.'));
}

/** `GET /c/pay/:id` (the hosted checkout) and the form it posts. */
export function pageRoutes(core: StripeStandInCore): Hono {
  const pages = new Hono();
  const open = (id: string) => {
    const record = core.store.get(id) && core.session(id);
    return record?.status === 'open' ? { record } : { closed: record };
  };

  pages.get('/c/pay/:id', (c) => {
    const found = open(c.req.param('id'));
    return found.record ? c.html(checkoutPage(found.record)) : closed(c, found.closed);
  });

  pages.post('/c/pay/:id', async (c) => {
    const found = open(c.req.param('id'));
    if (!found.record) return closed(c, found.closed);
    const { record } = found;
    const form = await c.req.parseBody();
    const choice = PAGE_CHOICES.find((candidate) => candidate === form.choice);
    switch (choice) {
      case 'pay':
        await pay(core, record.id);
        return c.redirect(successUrl(record), 303);
      case 'later_succeeds':
      case 'later_fails': {
        await payLater(core, record.id);
        const outcome = choice === 'later_succeeds' ? 'succeeded' : 'failed';
        if (core.asyncSettleMs !== null)
          core.lifetime.later(core.asyncSettleMs, () => settle(core, record.id, outcome));
        return c.redirect(successUrl(record), 303);
      }
      case 'cancel':
        return back(c, record, 'Checkout canceled');
      case 'expire':
        await expire(core, record.id);
        return back(c, record, 'Checkout expired');
      default:
        return c.html(messagePage('Unknown choice', 'Pick one of the buttons on the page.'), 400);
    }
  });

  return pages;
}
