import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireAdmin } from './auth/require-admin';
import type { AdminDeps, AdminEnv } from './context';
import { notFound } from './http/errors';
import { errorPage } from './http/on-error';
import { sameOriginForms, securityHeaders } from './http/security';
import { ADMIN_CSS, FAVICON_SVG } from './pages/styles';
import { kycRoutes } from './routes/kyc';
import { loginRoutes } from './routes/login';
import { topUpRoutes } from './routes/top-ups';
import { userRoutes } from './routes/users';

const ASSET_CACHE = 'public, max-age=300';

/** The admin view over its dependencies; `main.ts` serves it, tests call `app.request()`. */
export function createAdminApp(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('admin', undefined);
    await next();
  });
  app.use('*', securityHeaders({ https: deps.config.publicUrl.startsWith('https:') }));
  app.use('*', bodyLimit({ maxSize: 16 * 1024 }));
  app.use('*', sameOriginForms(deps.config.publicUrl));
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/assets/admin.css', (c) =>
    c.body(ADMIN_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': ASSET_CACHE }),
  );
  app.get('/assets/favicon.svg', (c) =>
    c.body(FAVICON_SVG, 200, { 'content-type': 'image/svg+xml', 'cache-control': ASSET_CACHE }),
  );
  app.route('/', loginRoutes);
  app.use('*', requireAdmin());
  app.get('/', (c) => c.redirect('/kyc/review', 303));
  app.route('/', kycRoutes);
  app.route('/', userRoutes);
  app.route('/', topUpRoutes);
  app.notFound((c) => errorPage(notFound(), c));
  app.onError((error, c) => errorPage(error, c));
  return app;
}
