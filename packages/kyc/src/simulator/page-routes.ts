import { type Context, Hono } from 'hono';
import type { SimulatorCore } from './core';
import { FINAL_CHOICES, FINISH_PATH, messagePage, verificationPage } from './page';
import type { SessionRecord } from './store';
import type { SimOutcome } from './types';

type Usable = { ok: true; session: SessionRecord } | { ok: false; status: 404 | 409 | 410; title: string };

function usable(core: SimulatorCore, authToken: unknown): Usable {
  const session = typeof authToken === 'string' ? core.store.byAuthToken(authToken) : undefined;
  if (!session) return { ok: false, status: 404, title: 'Verification link not found' };
  if (core.store.statusOf(session) === 'EXPIRED')
    return { ok: false, status: 410, title: 'This verification link has expired' };
  if (!core.store.isOpen(session))
    return { ok: false, status: 409, title: 'This verification was already submitted' };
  return { ok: true, session };
}

function refuse(c: Context, result: Exclude<Usable, { ok: true }>) {
  return c.html(
    messagePage(result.title, 'Go back to the site you came from and start again.'),
    result.status,
  );
}

function returnUrl(session: SessionRecord, final: SimOutcome): string | undefined {
  if (final === 'APPROVED' || final === 'SUSPECTED') return session.successUrl;
  if (final === 'DENIED') return session.errorUrl;
  return session.unverifiedUrl ?? session.errorUrl;
}

/** `GET /api/v2/redirect?authToken=` (the verification page) and the form it posts. */
export function pageRoutes(core: SimulatorCore): Hono {
  const pages = new Hono();

  pages.get('/api/v2/redirect', (c) => {
    const result = usable(core, c.req.query('authToken'));
    return result.ok ? c.html(verificationPage(result.session)) : refuse(c, result);
  });

  pages.post(FINISH_PATH, async (c) => {
    const form = await c.req.parseBody();
    const result = usable(core, form.authToken);
    if (!result.ok) return refuse(c, result);
    const { session } = result;
    const overall = form.overall;
    // A browser submits the select's first option; anything not offered on the page is refused.
    const afterReview = FINAL_CHOICES.find((choice) => choice === (form.finalResult ?? 'APPROVED'));
    const choice = FINAL_CHOICES.find((candidate) => candidate === overall);
    let final: SimOutcome;
    if (overall === 'EXPIRED') {
      await core.expire(session.scanRef, { notify: true });
      final = 'EXPIRED';
    } else if (overall === 'REVIEWING' && afterReview) {
      await core.complete(session.scanRef, { overall: afterReview, withAuto: 'REVIEWING' });
      final = afterReview;
    } else if (choice) {
      await core.complete(session.scanRef, { overall: choice });
      final = choice;
    } else {
      return c.html(messagePage('Unknown outcome', 'Pick one of the buttons on the page.'), 400);
    }
    const target = returnUrl(session, final);
    if (target) return c.redirect(target, 303);
    return c.html(
      messagePage(`Result sent: ${final}`, 'The webhook was delivered. You can close this page.'),
    );
  });

  return pages;
}
