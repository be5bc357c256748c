import { Hono } from 'hono';
import type { AdminEnv, SignedInAdmin } from '../context';
import { AdminError, notFound } from '../http/errors';
import { Layout } from '../pages/layout';
import { Pager } from '../pages/parts';
import { ResetConfirmPage, UserPage } from '../pages/user';
import { UserFilters, UserTable } from '../pages/users';
import type { ServerApi } from '../server-api';
import { listQuery } from './list-query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROWS_ON_USER_PAGE = 20;

async function findUser(api: ServerApi, id: string) {
  if (!UUID.test(id)) throw notFound();
  const { items } = await api.lists.users({ user_id: id });
  const user = items[0];
  if (user === undefined) throw notFound();
  return user;
}

/** `/users` (filtered list), `/users/:id` (one user), and the confirmed KYC reset. */
export const userRoutes = new Hono<AdminEnv>()
  .get('/users', async (c) => {
    const { api } = c.get('deps');
    const query = listQuery(c, ['kyc_status']);
    const page = await api.lists.users(query);
    return c.html(
      <Layout title="Users" admin={c.get('admin')} section="users">
        <p class="lead">Everyone who has signed in, newest first.</p>
        <UserFilters kycStatus={query.kyc_status} q={query.q} />
        <UserTable users={page.items} />
        <Pager path="/users" query={query} nextCursor={page.next_cursor} />
      </Layout>,
    );
  })
  .get('/users/:id', async (c) => {
    const { api } = c.get('deps');
    const user = await findUser(api, c.req.param('id'));
    const [sessions, topUps] = await Promise.all([
      api.lists.kycSessions({ user_id: user.id, limit: String(ROWS_ON_USER_PAGE) }),
      api.lists.topUps({ user_id: user.id, limit: String(ROWS_ON_USER_PAGE) }),
    ]);
    return c.html(
      <UserPage
        admin={c.get('admin')}
        user={user}
        sessions={sessions.items}
        moreSessions={sessions.next_cursor !== null}
        topUps={topUps.items}
        moreTopUps={topUps.next_cursor !== null}
        notice={c.req.query('done') === 'reset' ? 'reset' : undefined}
      />,
    );
  })
  .get('/users/:id/reset', async (c) => {
    const { api } = c.get('deps');
    const user = await findUser(api, c.req.param('id'));
    return c.html(<ResetConfirmPage admin={c.get('admin') as SignedInAdmin} user={user} />);
  })
  .post('/users/:id/reset', async (c) => {
    const { api, logger } = c.get('deps');
    const admin = c.get('admin') as SignedInAdmin;
    const form = await c.req.parseBody();
    const user = await findUser(api, c.req.param('id'));
    if (form.confirm !== 'reset')
      throw new AdminError(
        400,
        'not_confirmed',
        'The reset was not confirmed. Use the Reset KYC button and confirm.',
      );
    // As the admin themselves, not with the API token: the server sees (and can record) who reset whom.
    await api.sessions.resetKyc(admin.session, user.id);
    logger.info('admin reset KYC', { admin_id: admin.id, user_id: user.id });
    return c.redirect(`/users/${user.id}?done=reset`, 303);
  });
