import {
  type Database,
  PaymentProviderValues,
  type TopUp,
  TopUpFlagValues,
  TopUpStatusValues,
  topUpRepository,
} from '@hero-onboarding/generated/onboarding';
import type { Kysely } from 'kysely';
import { enumParam, pageParams } from './list-query';
import { emailsOf, ownerIds } from './users-lookup';

/** A top-up as admins see it: who, how much, where it stands, and why it needs a look (`flag`). */
export function adminTopUpView(topUp: TopUp, userEmail: string | null) {
  return {
    id: topUp.id,
    user_id: topUp.user_id,
    user_email: userEmail,
    provider: topUp.provider,
    amount_cents: topUp.amount_cents,
    currency: topUp.currency,
    status: topUp.status,
    provider_ref: topUp.provider_ref,
    flag: topUp.flag,
    reported_amount_cents: topUp.reported_amount_cents,
    reported_currency: topUp.reported_currency,
    failure_reason: topUp.failure_reason,
    checkout_expires_at: topUp.checkout_expires_at?.toISOString() ?? null,
    paid_at: topUp.paid_at?.toISOString() ?? null,
    created_at: topUp.created_at.toISOString(),
    updated_at: topUp.updated_at.toISOString(),
  };
}

/**
 * `/admin/list-top-ups`: newest first, `?status=&provider=&flag=&flagged=true&user_id=&q=<email search>`,
 * keyset pages like the other lists.
 */
export async function listTopUps(db: Kysely<Database>, q: Record<string, string | undefined>) {
  const status = enumParam(q, 'status', TopUpStatusValues);
  const provider = enumParam(q, 'provider', PaymentProviderValues);
  const flag = enumParam(q, 'flag', TopUpFlagValues);
  const flagged = enumParam(q, 'flagged', ['true', 'false'] as const);
  const paging = pageParams(q);
  const userIds = await ownerIds(db, q);
  const page = await topUpRepository.list(db, {
    ...paging,
    where: {
      ...(status === undefined ? {} : { status }),
      ...(provider === undefined ? {} : { provider }),
      ...(flag !== undefined ? { flag } : flagged === 'true' ? { flag: { in: TopUpFlagValues } } : {}),
      ...(flagged === 'false' ? { flag: null } : {}),
      ...(userIds === undefined ? {} : { user_id: { in: userIds } }),
    },
  });
  const emailOf = await emailsOf(
    db,
    page.items.map((t) => t.user_id),
  );
  return {
    items: page.items.map((t) => adminTopUpView(t, emailOf.get(t.user_id) ?? null)),
    next_cursor: page.nextCursor,
  };
}
