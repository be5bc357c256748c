import { createHash } from 'node:crypto';
import { kycOutcome } from '@hero-onboarding/kyc';
import { sql } from 'kysely';
import type { KycDeps } from '../context';
import { AppError } from '../http/errors';
import { applyProviderResult } from './apply-result';

export interface WebhookReceipt {
  readonly duplicate: boolean;
  readonly outcome: string;
}

/**
 * iDenfy's result callback. The signature is checked over the raw bytes before anything is parsed or
 * stored; an authentic delivery is then recorded in the webhook log under a key derived from its bytes
 * and applied in the same transaction, so a repeat (to this process or another) applies nothing twice.
 */
export async function receiveIdenfyWebhook(
  deps: KycDeps,
  raw: Uint8Array,
  signature: string | undefined,
): Promise<WebhookReceipt> {
  const { kycProvider, config, logger } = deps;
  if (!kycProvider.verifyWebhook(raw, signature)) {
    logger.warn('iDenfy webhook rejected: bad or missing signature', {
      has_signature: signature !== undefined,
    });
    throw new AppError(
      401,
      'invalid_signature',
      'The webhook signature is missing or does not match the body.',
    );
  }
  const parsed = kycProvider.parseWebhook(raw);
  if (!parsed.success) {
    logger.warn('iDenfy webhook rejected: malformed', { reason: parsed.error.message });
    throw new AppError(400, 'malformed_webhook', parsed.error.message);
  }
  const event = parsed.data;
  const eventKey = `idenfy:${createHash('sha256').update(raw).digest('hex')}`;

  const receipt = await deps.db.transaction().execute(async (trx): Promise<WebhookReceipt> => {
    const logged = await trx
      .insertInto('webhook_events')
      .values({
        provider: 'idenfy',
        event_key: eventKey,
        payload: Buffer.from(raw).toString('utf8'),
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
    if (logged.processed_at !== null) return { duplicate: true, outcome: logged.outcome ?? 'processed' };

    const session = await trx
      .selectFrom('kyc_sessions')
      .selectAll()
      .where('idenfy_scan_ref', '=', event.scanRef)
      .forUpdate()
      .executeTakeFirst();
    let outcome: string;
    if (session === undefined) {
      // Unknown, or a scanRef a re-mint replaced: answered 2xx so iDenfy stops retrying, and kept in the log.
      outcome = 'ignored:unknown_scan_ref';
    } else if (event.userId !== session.user_id) {
      outcome = 'ignored:client_mismatch';
    } else {
      const result = kycOutcome(event.overall, event.final, {
        suspectedCompletes: config.kyc.suspectedCompletes,
      });
      const applied = await applyProviderResult(
        trx,
        session,
        {
          outcome: result,
          overall: event.overall,
          fraudTags: event.fraudTags,
          mismatchTags: event.mismatchTags,
        },
        config.kyc,
      );
      outcome = `${applied}:${result}`;
    }
    await trx
      .updateTable('webhook_events')
      .set({ processed_at: sql<Date>`now()`, outcome, updated_at: sql<Date>`now()` })
      .where('id', '=', logged.id)
      .execute();
    return { duplicate: false, outcome };
  });
  logger.info('iDenfy webhook', {
    outcome: receipt.outcome,
    duplicate: receipt.duplicate,
    session_scan_ref_known: !receipt.outcome.includes('unknown'),
  });
  return receipt;
}
