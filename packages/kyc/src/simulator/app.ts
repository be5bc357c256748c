import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { apiRoutes } from './api-routes';
import { controlRoutes } from './control-routes';
import type { SimulatorCore } from './core';
import { pageRoutes } from './page-routes';
import { SimulatorError } from './types';

/**
 * The simulator as a Hono app over a `SimulatorCore`: iDenfy's API under `/api/v2`, its
 * verification page, and the `/sim` control API. Use `app.request()` in tests that need no socket.
 *
 * @example
 * const core = new SimulatorCore({ apiKey, apiSecret, webhookSecret });
 * const res = await createSimulatorApp(core).request('/sim/stats');
 */
export function createSimulatorApp(core: SimulatorCore): Hono {
  const app = new Hono();
  app.route('/api/v2', apiRoutes(core));
  app.route('/', pageRoutes(core));
  app.route('/sim', controlRoutes(core));
  app.notFound((c) => c.json({ identifier: 'NOT_FOUND', message: 'No such endpoint.' }, 404));
  // Errors leave in iDenfy's shape; nothing from the request (keys, tokens) is echoed.
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (error instanceof SimulatorError) {
      if (error.status === 429) c.header('Retry-After', '1');
      return c.json({ identifier: error.identifier, message: error.message }, error.status);
    }
    return c.json({ identifier: 'INTERNAL_ERROR', message: 'Internal error.' }, 500);
  });
  return app;
}
