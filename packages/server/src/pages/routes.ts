import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { renderHome } from './home';
import { codePage } from './sign-in-flow';
import { checkoutPage } from './top-up-flow';

/**
 * The routes that exist only as pages. Forms post to the API's own routes (`/login/challenge`,
 * `/login/verify`, `/logout`, `/kyc/reset`, `/payment/intent`), which answer browsers with pages and
 * redirects and API clients with JSON.
 */
export const pageRoutes = new Hono<AppEnv>()
  .get('/', (c) => renderHome(c))
  .get('/login/code', (c) => codePage(c))
  .get('/payment/checkout', (c) => checkoutPage(c));
