import { Hono } from 'hono';
import { checkFaults } from '../common/faults';
import { controlBody } from '../common/input';
import type { ClickPesaStandInCore } from './core';
import { expireLink, pay, redeliver, reverse, settle } from './flows';
import { CLICKPESA_ENDPOINTS } from './types';

/**
 * The JSON control API under `/_stand-in`: drive payments, replay webhooks, revoke tokens, inject faults.
 * Unauthenticated on purpose: a stand-in listens on loopback and is never deployed.
 */
export function controlRoutes(core: ClickPesaStandInCore): Hono {
  const control = new Hono();

  control.post('/orders/:ref/pay', async (c) =>
    c.json({ deliveries: await pay(core, c.req.param('ref'), await controlBody(c.req.raw)) }),
  );
  control.post('/orders/:ref/settle', (c) => {
    settle(core, c.req.param('ref'));
    return c.json({ ok: true });
  });
  control.post('/orders/:ref/reverse', (c) => {
    reverse(core, c.req.param('ref'));
    return c.json({ ok: true });
  });
  control.post('/orders/:ref/expire-link', (c) => {
    expireLink(core, c.req.param('ref'));
    return c.json({ ok: true });
  });
  control.post('/events/:id/redeliver', async (c) =>
    c.json({ deliveries: await redeliver(core, c.req.param('id'), await controlBody(c.req.raw)) }),
  );
  control.post('/tokens/revoke', (c) => {
    core.revokeTokens();
    return c.json({ ok: true });
  });
  control.get('/orders', (c) => c.json({ orders: core.orders() }));
  control.get('/events', (c) => c.json({ events: core.events() }));
  control.get('/stats', (c) => c.json(core.stats()));
  control.post('/faults', async (c) => {
    core.setFaults(checkFaults(await controlBody(c.req.raw), CLICKPESA_ENDPOINTS));
    return c.json({ ok: true });
  });
  return control;
}
