import { Hono } from 'hono';
import { requireUser } from '../auth/viewer';
import type { AppEnv } from '../context';
import { AppError, badRequest } from '../http/errors';
import { readObjectBody } from '../http/json-body';
import { wantsHtml } from '../http/negotiate';
import { renderKycReturn } from '../pages/kyc';
import type { KycView } from './kyc-view';
import { resetKyc } from './reset.service';
import { resumeKyc } from './resume.service';
import { startKyc } from './start.service';
import { receiveIdenfyWebhook } from './webhook.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const kycRoutes = new Hono<AppEnv>()
  .get('/kyc/start', async (c) => {
    const deps = c.get('deps');
    const { user } = requireUser(c);
    const view = await startKyc(deps, user);
    c.header('Cache-Control', 'no-store'); // the redirect's Location carries iDenfy's token
    if (view.status === 'completed') return c.redirect(deps.config.http.homeUrl, 302);
    if (view.verification_url !== null) return c.redirect(view.verification_url, 302);
    return c.redirect('/kyc/return', 302);
  })
  .get('/kyc/return', async (c) => {
    const deps = c.get('deps');
    const { user } = requireUser(c);
    const view = await resumeKyc(deps, user, { checkLiveSession: true });
    c.header('Cache-Control', 'no-store'); // the JSON view carries iDenfy's token (the page never does)
    if (!wantsHtml(c)) return c.json({ kyc: view });
    return renderKycReturn(c, view);
  })
  .get('/kyc/status', async (c) => {
    const deps = c.get('deps');
    const { user } = requireUser(c);
    const view = await resumeKyc(deps, user);
    c.header('Cache-Control', 'no-store'); // it carries iDenfy's token
    return c.json({ kyc: view });
  })
  .post('/kyc/reset', async (c) => {
    const deps = c.get('deps');
    const viewer = c.get('viewer');
    const body = await readObjectBody(c);
    const target = body.user_id ?? c.req.query('user_id');
    let view: KycView;
    if (target !== undefined && target !== '') {
      if (typeof target !== 'string' || !UUID.test(target))
        throw badRequest('invalid_request', '"user_id" must be a user id (uuid).');
      const isAdmin =
        viewer.kind === 'admin_token' || (viewer.kind === 'user' && viewer.user.role === 'admin');
      if (viewer.kind === 'anonymous') throw new AppError(401, 'unauthenticated', 'Sign in first.');
      const self = viewer.kind === 'user' && viewer.user.id === target;
      if (!isAdmin && !self) throw new AppError(403, 'forbidden', 'Only an admin can reset another user.');
      view = await resetKyc(deps, target, isAdmin ? 'admin' : 'user');
    } else {
      const { user } = requireUser(c);
      view = await resetKyc(deps, user.id, 'user');
    }
    if (wantsHtml(c)) return c.redirect('/kyc/return', 303);
    return c.json({ kyc: view });
  })
  .post('/webhooks/idenfy', async (c) => {
    const deps = c.get('deps');
    // The size cap is enforced while the body streams in (see http/body-limit.ts).
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const receipt = await receiveIdenfyWebhook(deps, raw, c.req.header('idenfy-signature'));
    return c.json({ received: true, ...receipt });
  });
