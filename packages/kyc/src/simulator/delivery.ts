import { IDENFY_SIGNATURE_HEADER, signWebhookBody } from '../idenfy/signature';
import type { SimDelivery } from './types';
import type { SimResult } from './webhook-body';

// iDenfy gives up on an endpoint that takes longer than about this.
const DELIVERY_TIMEOUT_MS = 10_000;

/** Posts signed webhooks and keeps the log `stats()` reports. */
export class Deliverer {
  readonly log: SimDelivery[] = [];

  constructor(
    readonly webhookSecret: string,
    readonly closing: AbortSignal,
  ) {}

  async send(
    scanRef: string,
    callbackUrl: string | undefined,
    result: SimResult,
    body: Uint8Array,
  ): Promise<SimDelivery> {
    const record = (status: number | null, error?: SimDelivery['error']): SimDelivery => {
      const delivery: SimDelivery =
        error === undefined ? { scanRef, ...result, status } : { scanRef, ...result, status, error };
      this.log.push(delivery);
      return delivery;
    };
    if (callbackUrl === undefined) return record(null, 'no_callback_url');
    const signal = AbortSignal.any([this.closing, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]);
    try {
      const response = await fetch(callbackUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENFY_SIGNATURE_HEADER]: signWebhookBody(body, this.webhookSecret),
          'user-agent': 'idenfy-simulator',
        },
        body,
        redirect: 'manual',
        signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      return record(response.status);
    } catch {
      return record(null, signal.aborted ? 'timeout' : 'network');
    }
  }
}
