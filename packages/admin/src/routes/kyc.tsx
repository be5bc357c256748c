import { Hono } from 'hono';
import type { AdminEnv } from '../context';
import { KycFilters, KycSessionTable } from '../pages/kyc-sessions';
import { Layout } from '../pages/layout';
import { Pager } from '../pages/parts';
import { listQuery } from './list-query';

/** What the provider said of sessions a person must look at: a SUSPECTED result, or a manual REVIEWING. */
export const REVIEW_PROVIDER_STATUSES = 'SUSPECTED,REVIEWING';

/** `/kyc`: every session, filtered; `/kyc/review`: the review queue. Both read `/admin/list-kyc-sessions`. */
export const kycRoutes = new Hono<AdminEnv>()
  .get('/kyc', async (c) => {
    const { api } = c.get('deps');
    const query = listQuery(c, ['status']);
    const page = await api.lists.kycSessions(query);
    return c.html(
      <Layout title="KYC sessions" admin={c.get('admin')} section="kyc">
        <p class="lead">Every verification attempt, newest first.</p>
        <KycFilters status={query.status} q={query.q} action="/kyc" />
        <KycSessionTable sessions={page.items} caption="KYC sessions" />
        <Pager path="/kyc" query={query} nextCursor={page.next_cursor} />
      </Layout>,
    );
  })
  .get('/kyc/review', async (c) => {
    const { api } = c.get('deps');
    const query = listQuery(c, []);
    const page = await api.lists.kycSessions({ ...query, provider_status: REVIEW_PROVIDER_STATUSES });
    return c.html(
      <Layout title="Review queue" admin={c.get('admin')} section="review">
        <p class="lead">
          Sessions iDenfy marked SUSPECTED or is still REVIEWING by hand. Open the user to look closer or
          reset them.
        </p>
        <KycSessionTable sessions={page.items} caption="Sessions to review" />
        <Pager path="/kyc/review" query={query} nextCursor={page.next_cursor} />
      </Layout>,
    );
  });
