import { Hono } from 'hono';
import type { AdminEnv } from '../context';
import { Layout } from '../pages/layout';
import { Pager } from '../pages/parts';
import { TopUpFilters, TopUpTable } from '../pages/top-ups';
import { listQuery } from './list-query';

/** `/top-ups`: every top-up, filtered by status, provider, flag and email; reads `/admin/list-top-ups`. */
export const topUpRoutes = new Hono<AdminEnv>().get('/top-ups', async (c) => {
  const { api } = c.get('deps');
  const query = listQuery(c, ['status', 'provider', 'flagged']);
  const page = await api.lists.topUps(query);
  return c.html(
    <Layout title="Top-ups" admin={c.get('admin')} section="top-ups">
      <p class="lead">
        Every top-up, newest first. Flagged ones were paid differently than asked, or after they closed.
      </p>
      <TopUpFilters query={query} />
      <TopUpTable topUps={page.items} caption="Top-ups" />
      <Pager path="/top-ups" query={query} nextCursor={page.next_cursor} />
    </Layout>,
  );
});
