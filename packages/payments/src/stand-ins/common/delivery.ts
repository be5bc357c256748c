/** One webhook delivery and what the receiver answered (`status: null` when it never answered). */
export interface StandInDelivery {
  /** The provider's event id (Stripe) or the stand-in's delivery id (ClickPesa). */
  readonly eventId: string;
  readonly eventType: string;
  /** The checkout it is about: a Checkout Session id or an order reference. */
  readonly ref: string;
  readonly status: number | null;
  readonly error?: 'no_webhook_url' | 'network' | 'timeout';
}

// Providers give up on a slow endpoint after about this long.
const DELIVERY_TIMEOUT_MS = 10_000;

/** Posts webhook bytes with their signature headers and keeps the log the stats report. */
export class Deliverer {
  readonly log: StandInDelivery[] = [];

  constructor(
    private readonly closing: AbortSignal,
    private readonly userAgent: string,
  ) {}

  async send(
    about: Omit<StandInDelivery, 'status' | 'error'>,
    url: string | undefined,
    body: Uint8Array,
    headers: Record<string, string>,
  ): Promise<StandInDelivery> {
    const record = (status: number | null, error?: StandInDelivery['error']): StandInDelivery => {
      const delivery: StandInDelivery =
        error === undefined ? { ...about, status } : { ...about, status, error };
      this.log.push(delivery);
      return delivery;
    };
    if (url === undefined) return record(null, 'no_webhook_url');
    const signal = AbortSignal.any([this.closing, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': this.userAgent,
          ...headers,
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
