import { Hono } from 'hono';
import { adminRoutes } from './admin/routes';
import { authRoutes } from './auth/routes';
import { resolveViewer } from './auth/viewer';
import type { AppDeps, AppEnv } from './context';
import { healthRoutes } from './health/routes';
import { limitBodies } from './http/body-limit';
import { AppError } from './http/errors';
import { wantsHtml } from './http/negotiate';
import { toErrorResponse } from './http/on-error';
import { requireSameOrigin } from './http/same-origin';
import { securityHeaders } from './http/security-headers';
import { kycRoutes } from './kyc/routes';
import { assetRoutes } from './pages/assets';
import { renderNotFound } from './pages/error-answer';
import { pageRoutes } from './pages/routes';
import { paymentRoutes } from './payments/routes';

/** The whole HTTP API over the given dependencies; `main.ts` serves it, tests call `app.request()`. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { http } = deps.config;
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  // App-wide, before any route: every answer (errors and 404s too) gets the headers, and every
  // state-changing browser request the origin check, including routes added later.
  app.use('*', securityHeaders({ https: http.publicUrl.startsWith('https:') }));
  app.use('*', limitBodies({ jsonBytes: 64 * 1024, webhookBytes: 1024 * 1024 }));
  app.use('*', requireSameOrigin({ publicUrl: http.publicUrl, trustedOrigins: http.trustedOrigins }));
  app.route('/', healthRoutes);
  app.route('/', assetRoutes);
  app.use('*', resolveViewer());
  app.route('/', pageRoutes);
  app.route('/', authRoutes);
  app.route('/', kycRoutes);
  app.route('/', paymentRoutes);
  app.route('/', adminRoutes);
  app.notFound((c) =>
    wantsHtml(c) ? renderNotFound(c) : toErrorResponse(new AppError(404, 'not_found', 'No such route.'), c),
  );
  app.onError((error, c) => toErrorResponse(error, c));
  return app;
}
