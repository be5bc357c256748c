import type { Database } from '@hero-onboarding/generated/onboarding';
import { type Kysely, sql, type Transaction } from 'kysely';

/** One balance as every route shows it: an amount in minor units (a decimal string: i64) of one currency. */
export interface BalanceView {
  readonly currency: string;
  readonly amount_cents: string;
}

/** The unique key of a user's balance in one currency (the generator has no composite unique keys). */
export const accountKey = (userId: string, currency: string) => `${userId}:${currency}`;

/**
 * Adds to the user's balance in that currency, opening it at zero first if needed: one statement, so two
 * credits at once (for different top-ups) both land. Only the ledger calls this, in the transaction that
 * writes the PaymentEvent.
 */
export async function addToBalance(
  trx: Transaction<Database>,
  userId: string,
  currency: string,
  amountCents: string,
): Promise<void> {
  await trx
    .insertInto('balances')
    .values({
      user_id: userId,
      currency,
      account_key: accountKey(userId, currency),
      amount_cents: amountCents,
    })
    .onConflict((oc) =>
      oc.column('account_key').doUpdateSet((eb) => ({
        amount_cents: sql<string>`${eb.ref('balances.amount_cents')} + ${eb.ref('excluded.amount_cents')}`,
        updated_at: sql<Date>`now()`,
      })),
    )
    .execute();
}

/** Every balance of these users, by user id, each list ordered by currency. */
export async function balancesOf(
  db: Kysely<Database>,
  userIds: readonly string[],
): Promise<Map<string, BalanceView[]>> {
  const byUser = new Map<string, BalanceView[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('balances')
    .select(['user_id', 'currency', 'amount_cents'])
    .where('user_id', 'in', [...userIds])
    .orderBy('currency')
    .execute();
  for (const row of rows)
    byUser.get(row.user_id)?.push({ currency: row.currency, amount_cents: row.amount_cents });
  return byUser;
}
