import type { Database, WebhookProvider } from '@hero-onboarding/generated/onboarding';
import { type Kysely, sql, type Transaction } from 'kysely';

/** One authentic, well-formed delivery, ready to be recorded and applied. */
export interface Delivery<Prepared> {
  readonly provider: WebhookProvider;
  /** Unique per provider event, prefixed with the provider: a redelivery has the same key. */
  readonly eventKey: string;
  readonly eventType?: string;
  /** The raw body exactly as received. */
  readonly payload: string;
  /**
   * Slow work that must not run inside a transaction, such as confirming a payment with the provider. It
   * runs after the delivery is recorded and only if the event is not processed yet; if it throws, the
   * delivery stays recorded but unprocessed (the provider retries) and the error propagates.
   */
  readonly prepare?: () => Promise<Prepared>;
  /** Applies the event in the transaction that marks it processed; returns the outcome to record. */
  readonly apply: (trx: Transaction<Database>, prepared: Prepared) => Promise<string>;
}

export interface DeliveryReceipt {
  /** True when this event was already processed (by this process or another): nothing was applied. */
  readonly duplicate: boolean;
  readonly outcome: string;
}

/**
 * The webhook inbox every provider's webhooks go through. Each delivery is recorded (raw body, event key,
 * delivery count) and applied in the same transaction that marks it processed with its outcome, so a
 * repeat — to this process or another, at the same moment or a day later — applies nothing twice: the
 * unique event key makes a concurrent twin wait on the row and then see it processed.
 */
export async function receiveDelivery<Prepared = undefined>(
  db: Kysely<Database>,
  delivery: Delivery<Prepared>,
): Promise<DeliveryReceipt> {
  if (delivery.prepare === undefined) {
    return db.transaction().execute(async (trx) => {
      const logged = await record(trx, delivery);
      if (logged.processed_at !== null) return duplicateOf(logged);
      return finish(trx, logged.id, await delivery.apply(trx, undefined as Prepared));
    });
  }
  const logged = await record(db, delivery);
  if (logged.processed_at !== null) return duplicateOf(logged);
  let prepared: Prepared;
  try {
    prepared = await delivery.prepare();
  } catch (error) {
    await db
      .updateTable('webhook_events')
      .set({ outcome: 'deferred', updated_at: sql<Date>`now()` })
      .where('id', '=', logged.id)
      .where('processed_at', 'is', null)
      .execute();
    throw error;
  }
  return db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('webhook_events')
      .select(['id', 'processed_at', 'outcome'])
      .where('id', '=', logged.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.processed_at !== null) return duplicateOf(locked);
    return finish(trx, locked.id, await delivery.apply(trx, prepared));
  });
}

type Logged = { id: string; processed_at: Date | null; outcome: string | null };

function duplicateOf(logged: Logged): DeliveryReceipt {
  return { duplicate: true, outcome: logged.outcome ?? 'processed' };
}

/** Inserts the delivery, or counts one more delivery of an event already recorded. */
function record(
  db: Kysely<Database>,
  delivery: Pick<Delivery<unknown>, 'provider' | 'eventKey' | 'eventType' | 'payload'>,
): Promise<Logged> {
  return db
    .insertInto('webhook_events')
    .values({
      provider: delivery.provider,
      event_key: delivery.eventKey,
      event_type: delivery.eventType?.slice(0, 200) ?? null,
      payload: delivery.payload,
      received_at: sql<Date>`now()`,
    })
    .onConflict((oc) =>
      oc.column('event_key').doUpdateSet((eb) => ({
        delivery_count: eb('webhook_events.delivery_count', '+', 1),
        updated_at: sql<Date>`now()`,
      })),
    )
    .returning(['id', 'processed_at', 'outcome'])
    .executeTakeFirstOrThrow();
}

async function finish(trx: Transaction<Database>, id: string, outcome: string): Promise<DeliveryReceipt> {
  await trx
    .updateTable('webhook_events')
    .set({ processed_at: sql<Date>`now()`, outcome, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
  return { duplicate: false, outcome };
}
