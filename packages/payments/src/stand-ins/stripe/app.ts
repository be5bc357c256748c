import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ControlInputError } from '../common/input';
import { apiRoutes } from './api-routes';
import { controlRoutes } from './control-routes';
import type { StripeStandInCore } from './core';
import { StripeApiError } from './errors';
import { pageRoutes } from './page-routes';

/**
 * The Stripe stand-in as a Hono app: Stripe's API under `/v1`, the hosted checkout under `/c/pay`, and the
 * control API under `/_stand-in`. Use `app.request()` in tests that need no socket.
 */
export function createStripeStandInApp(core: StripeStandInCore): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.use('*', async (c, next) => {
    await next();
    c.header('request-id', `req_standin${Math.random().toString(36).slice(2, 12)}`);
  });
  app.route('/v1', apiRoutes(core));
  app.route('/', pageRoutes(core));
  app.route('/_stand-in', controlRoutes(core));
  app.notFound((c) =>
    c.json(
      {
        error: {
          type: 'invalid_request_error',
          message: 'Unrecognized request URL. This stand-in serves only the calls our adapter makes.',
        },
      },
      404,
    ),
  );
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (error instanceof StripeApiError) {
      if (error.status === 429) c.header('retry-after', '1');
      return c.json(error.body(), error.status);
    }
    if (error instanceof ControlInputError)
      return c.json({ error: { message: error.message } }, error.status);
    return c.json({ error: { type: 'api_error', message: 'An unknown error occurred.' } }, 500);
  });
  return app;
}
