import { Hono } from 'hono';
import { checkFaults } from '../common/faults';
import { controlBody } from '../common/input';
import type { StripeStandInCore } from './core';
import { checkedOutcome, expire, pay, payLater, redeliver, settle } from './flows';
import { STRIPE_ENDPOINTS } from './types';

/**
 * The JSON control API under `/_stand-in`: drive payments, replay events, inject faults, read counters.
 * Unauthenticated on purpose: a stand-in listens on loopback and is never deployed.
 */
export function controlRoutes(core: StripeStandInCore): Hono {
  const control = new Hono();
  const id = (c: { req: { param(name: 'id'): string } }) => c.req.param('id');

  control.post('/sessions/:id/pay', async (c) =>
    c.json({ deliveries: await pay(core, id(c), await controlBody(c.req.raw)) }),
  );
  control.post('/sessions/:id/pay-later', async (c) =>
    c.json({ deliveries: await payLater(core, id(c), await controlBody(c.req.raw)) }),
  );
  control.post('/sessions/:id/settle', async (c) => {
    const body = await controlBody(c.req.raw);
    return c.json({ deliveries: await settle(core, id(c), checkedOutcome(body.outcome), body) });
  });
  control.post('/sessions/:id/expire', async (c) =>
    c.json({ deliveries: await expire(core, id(c), await controlBody(c.req.raw)) }),
  );
  control.post('/events/:id/redeliver', async (c) =>
    c.json({ deliveries: await redeliver(core, id(c), await controlBody(c.req.raw)) }),
  );
  control.get('/sessions', (c) => c.json({ sessions: core.sessions() }));
  control.get('/events', (c) => c.json({ events: core.events() }));
  control.get('/stats', (c) => c.json(core.stats()));
  control.post('/faults', async (c) => {
    core.setFaults(checkFaults(await controlBody(c.req.raw), STRIPE_ENDPOINTS));
    return c.json({ ok: true });
  });
  return control;
}
