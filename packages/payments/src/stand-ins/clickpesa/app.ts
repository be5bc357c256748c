import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ControlInputError } from '../common/input';
import { apiRoutes } from './api-routes';
import { controlRoutes } from './control-routes';
import type { ClickPesaStandInCore } from './core';
import { ClickPesaApiError } from './errors';
import { pageRoutes } from './page-routes';

/** Where ClickPesa's API lives under the host: CLICKPESA_API_URL is `<origin>/third-parties`. */
export const CLICKPESA_API_PREFIX = '/third-parties';

/**
 * The ClickPesa stand-in as a Hono app: the API under `/third-parties`, the hosted checkout under
 * `/checkout`, the control API under `/_stand-in`. Use `app.request()` in tests that need no socket.
 */
export function createClickPesaStandInApp(core: ClickPesaStandInCore): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.route(CLICKPESA_API_PREFIX, apiRoutes(core));
  app.route('/', pageRoutes(core));
  app.route('/_stand-in', controlRoutes(core));
  app.notFound((c) => c.json({ message: 'Not found' }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (error instanceof ClickPesaApiError) return c.json({ message: error.message }, error.status);
    if (error instanceof ControlInputError)
      return c.json({ error: { message: error.message } }, error.status);
    return c.json({ message: 'Internal server error' }, 500);
  });
  return app;
}
