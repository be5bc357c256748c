import { type Context, Hono } from 'hono';
import { asObject, completePlan, faults, notifyOption, outcome } from './control-input';
import type { SimulatorCore } from './core';
import { SimulatorError } from './types';

async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new SimulatorError(400, 'JSON_ERROR', 'The request body is not valid JSON.');
  }
}

/**
 * The JSON test/control API under `/sim`: drive outcomes, expire tokens, inject faults, read stats.
 * Unauthenticated on purpose: the simulator listens on loopback and is never deployed.
 */
export function controlRoutes(core: SimulatorCore): Hono {
  const sim = new Hono();

  sim.post('/sessions/:scanRef/complete', async (c) => {
    const scanRef = c.req.param('scanRef');
    const plan = completePlan(await jsonBody(c));
    core.session(scanRef);
    if (plan.delayMs > 0) {
      // Answer now and deliver later, as when the user returns before iDenfy's webhook does.
      core.background(() => core.completePlanned(scanRef, plan));
      return c.json({ scheduled: true }, 202);
    }
    return c.json({ deliveries: await core.completePlanned(scanRef, plan) });
  });

  sim.post('/sessions/:scanRef/deliver-out-of-order', async (c) => {
    const { overall = 'APPROVED' } = asObject(await jsonBody(c));
    return c.json({ deliveries: await core.deliverOutOfOrder(c.req.param('scanRef'), outcome(overall)) });
  });

  sim.post('/sessions/:scanRef/expire', async (c) => {
    const notify = notifyOption(await jsonBody(c));
    return c.json({ deliveries: await core.expire(c.req.param('scanRef'), { notify }) });
  });

  sim.get('/sessions', (c) => c.json({ sessions: core.sessions() }));
  sim.get('/stats', (c) => c.json(core.stats()));

  sim.post('/faults', async (c) => {
    core.setFaults(faults(await jsonBody(c)));
    return c.json({ ok: true });
  });

  return sim;
}
