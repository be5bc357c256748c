import type { Database } from '@hero-onboarding/generated/onboarding';
import { type Kysely, sql } from 'kysely';

/** What a purged payload becomes: the column is nullable for exactly this. */
export const PURGED_PAYLOAD = null;

const BATCH = 500;

/**
 * Blanks the raw bodies of processed webhook deliveries received before `olderThan` (personal data at
 * rest), keeping each row's key, delivery count and outcome: a repeat is still recognised by its key.
 * Works in small batches, so it never holds many rows locked against live deliveries. Returns how many
 * bodies it purged. Safe to run from several processes at once, and from the CLI.
 *
 * @example await purgeWebhookPayloads(db, { olderThan: new Date(Date.now() - 7 * 86_400_000) })
 */
export async function purgeWebhookPayloads(
  db: Kysely<Database>,
  options: { olderThan: Date },
): Promise<number> {
  let purged = 0;
  for (;;) {
    const result = await db
      .updateTable('webhook_events')
      .set({ payload: PURGED_PAYLOAD, updated_at: sql<Date>`now()` })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('webhook_events')
          .select('id')
          .where('received_at', '<', options.olderThan)
          .where('processed_at', 'is not', null)
          .where('payload', 'is not', PURGED_PAYLOAD)
          .limit(BATCH),
      )
      .executeTakeFirst();
    const count = Number(result.numUpdatedRows);
    purged += count;
    if (count < BATCH) return purged;
  }
}
