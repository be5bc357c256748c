import { createHash } from 'node:crypto';
import { kycOutcome } from '@hero-onboarding/kyc';
import type { KycDeps } from '../context';
import { AppError } from '../http/errors';
import { type DeliveryReceipt, receiveDelivery } from '../webhooks/inbox';
import { applyProviderResult } from './apply-result';

/**
 * iDenfy's result callback. The signature is checked over the raw bytes before anything is parsed or
 * stored; an authentic delivery then goes through the webhook inbox under a key derived from its bytes
 * (iDenfy sends no event id), so a repeat (to this process or another) applies nothing twice.
 */
export async function receiveIdenfyWebhook(
  deps: KycDeps,
  raw: Uint8Array,
  signature: string | undefined,
): Promise<DeliveryReceipt> {
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
  const receipt = await receiveDelivery(deps.db, {
    provider: 'idenfy',
    eventKey: `idenfy:${createHash('sha256').update(raw).digest('hex')}`,
    payload: Buffer.from(raw).toString('utf8'),
    async apply(trx) {
      const session = await trx
        .selectFrom('kyc_sessions')
        .selectAll()
        .where('idenfy_scan_ref', '=', event.scanRef)
        .forUpdate()
        .executeTakeFirst();
      // Unknown, or a scanRef a re-mint replaced: answered 2xx so iDenfy stops retrying, and kept in the log.
      if (session === undefined) return 'ignored:unknown_scan_ref';
      if (event.userId !== session.user_id) return 'ignored:client_mismatch';
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
      return `${applied}:${result}`;
    },
  });
  logger.info('iDenfy webhook', {
    outcome: receipt.outcome,
    duplicate: receipt.duplicate,
    session_scan_ref_known: !receipt.outcome.includes('unknown'),
  });
  return receipt;
}
