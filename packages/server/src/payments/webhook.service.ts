import {
  type PaymentNotice,
  type PaymentProvider,
  PaymentProviderError,
  type PaymentProviderName,
} from '@hero-onboarding/payments';
import type { PaymentDeps } from '../context';
import { AppError } from '../http/errors';
import { type DeliveryReceipt, receiveDelivery } from '../webhooks/inbox';
import { applyNotice } from './ledger';
import { topUpForNotice } from './queries';

/**
 * A payment provider's webhook. The adapter verifies the signature (Stripe) or checksum (ClickPesa) over the
 * exact bytes before anything is stored: forged is 401 and nothing is recorded, malformed is 400. Anything
 * authentic goes through the webhook inbox. A notice the provider's docs do not let us trust alone
 * (ClickPesa) is confirmed with a payment-status lookup first, outside any transaction, and only the
 * lookup's answer is applied.
 */
export async function receivePaymentWebhook(
  deps: PaymentDeps,
  name: PaymentProviderName,
  raw: Uint8Array,
  header: (name: string) => string | undefined,
): Promise<DeliveryReceipt> {
  const provider = deps.paymentProviders[name];
  if (provider === undefined) throw new AppError(404, 'not_found', `${name} is not configured here.`);
  const receipt = provider.receiveWebhook(raw, header);
  if (receipt.kind === 'forged') {
    deps.logger.warn(`${name} webhook rejected: bad or missing signature`);
    throw new AppError(
      401,
      'invalid_signature',
      'The webhook signature is missing or does not match the body.',
    );
  }
  if (receipt.kind === 'malformed') {
    deps.logger.warn(`${name} webhook rejected: malformed`, { reason: receipt.message });
    throw new AppError(400, 'malformed_webhook', `Not a ${name} event we understand: ${receipt.message}.`);
  }
  const base = {
    provider: name,
    eventKey: receipt.eventKey.startsWith(`${name}:`) ? receipt.eventKey : `${name}:${receipt.eventKey}`,
    eventType: receipt.eventType,
    payload: Buffer.from(raw).toString('utf8'),
  };
  let result: DeliveryReceipt;
  if (receipt.kind === 'ignored') {
    result = await receiveDelivery(deps.db, { ...base, apply: async () => `ignored:${receipt.eventType}` });
  } else {
    const { notice, trustworthy } = receipt;
    const apply = async (trx: Parameters<typeof applyNotice>[0], confirmed: Confirmation) => {
      const topUp = await topUpForNotice(trx, name, notice);
      if (topUp === undefined) return 'ignored:unknown_top_up';
      const settled = confirmed ?? { notice, confirmed: trustworthy };
      return applyNotice(trx, topUp.id, { ...settled, source: 'webhook', now: deps.now() });
    };
    try {
      result = trustworthy
        ? await receiveDelivery<Confirmation>(deps.db, { ...base, apply })
        : await receiveDelivery(deps.db, { ...base, prepare: () => confirm(deps, provider, notice), apply });
    } catch (error) {
      if (!(error instanceof PaymentProviderError || error instanceof NotConfirmedYet)) throw error;
      // Recorded but not processed: the provider's retry (or the reconcile sweep) settles it later.
      deps.logger.warn(`${name} webhook deferred: the payment could not be confirmed yet`, {
        reason: error instanceof PaymentProviderError ? error.message : 'the status call still says pending',
      });
      throw new AppError(
        503,
        'payment_provider_error',
        'The payment could not be confirmed with the provider yet; deliver it again later.',
        { 'Retry-After': '30' },
      );
    }
  }
  deps.logger.info(`${name} webhook`, {
    outcome: result.outcome,
    duplicate: result.duplicate,
    event: base.eventType,
  });
  return result;
}

/** A lookup's answer, or undefined when there is nothing to confirm (no such top-up, or already settled). */
type Confirmation = { readonly notice: PaymentNotice; readonly confirmed: true } | undefined;

/** The provider's status call does not (yet) say what its webhook said: ask again on the next delivery. */
class NotConfirmedYet extends Error {}

async function confirm(
  deps: PaymentDeps,
  provider: PaymentProvider,
  notice: PaymentNotice,
): Promise<Confirmation> {
  const topUp = await topUpForNotice(deps.db, provider.name, notice);
  if (topUp === undefined || topUp.status === 'paid' || topUp.status === 'held') return undefined;
  const looked = await provider.lookup(notice.providerRef);
  // The status call can lag the webhook: a payment still pending there is not settled either way yet.
  if (looked.state === 'pending' && notice.state !== 'pending') throw new NotConfirmedYet();
  return { notice: looked, confirmed: true };
}
