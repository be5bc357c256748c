import {
  KycStatusValues,
  kycSessionRepository,
  UserRoleValues,
  userRepository,
} from '@hero-onboarding/generated/onboarding';
import { Hono } from 'hono';
import { requireAdmin } from '../auth/viewer';
import type { AppEnv } from '../context';
import { balancesOf } from '../payments/balances';
import { userView } from '../users/user-view';
import { enumParam, pageParams, providerStatusParam, searchParam, uuidParam } from './list-query';
import { adminSessionView } from './session-view';
import { listTopUps } from './top-ups';
import { emailsOf, ownerIds } from './users-lookup';

/** Admin JSON lists, newest first, keyset-paginated by the generated repositories. */
export const adminRoutes = new Hono<AppEnv>()
  .get('/admin/list-users', async (c) => {
    requireAdmin(c);
    const { db } = c.get('deps');
    const q = c.req.query();
    const kycStatus = enumParam(q, 'kyc_status', KycStatusValues);
    const role = enumParam(q, 'role', UserRoleValues);
    const email = searchParam(q, 'q') ?? searchParam(q, 'email');
    const userId = uuidParam(q, 'user_id');
    const page = await userRepository.list(db, {
      ...pageParams(q),
      where: {
        ...(userId === undefined ? {} : { id: userId }),
        ...(kycStatus === undefined ? {} : { kyc_status: kycStatus }),
        ...(role === undefined ? {} : { role }),
        ...(email === undefined ? {} : { email: { contains: email } }),
      },
    });
    const balances = await balancesOf(
      db,
      page.items.map((u) => u.id),
    );
    return c.json({
      items: page.items.map((u) => ({ ...userView(u), balances: balances.get(u.id) ?? [] })),
      next_cursor: page.nextCursor,
    });
  })
  .get('/admin/list-kyc-sessions', async (c) => {
    requireAdmin(c);
    const { db } = c.get('deps');
    const q = c.req.query();
    const status = enumParam(q, 'status', KycStatusValues) ?? enumParam(q, 'kyc_status', KycStatusValues);
    const providerStatuses = providerStatusParam(q, 'provider_status');
    const paging = pageParams(q);
    const userIds = await ownerIds(db, q);
    const page = await kycSessionRepository.list(db, {
      ...paging,
      where: {
        ...(status === undefined ? {} : { status }),
        ...(providerStatuses === undefined ? {} : { provider_status: { in: providerStatuses } }),
        ...(userIds === undefined ? {} : { user_id: { in: userIds } }),
      },
    });
    const emailOf = await emailsOf(
      db,
      page.items.map((s) => s.user_id),
    );
    return c.json({
      items: page.items.map((s) => adminSessionView(s, emailOf.get(s.user_id) ?? null)),
      next_cursor: page.nextCursor,
    });
  })
  .get('/admin/list-top-ups', async (c) => {
    requireAdmin(c);
    return c.json(await listTopUps(c.get('deps').db, c.req.query()));
  });
