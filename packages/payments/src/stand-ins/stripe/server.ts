import type { StandInDelivery } from '../common/delivery';
import type { StandInFaults } from '../common/faults';
import { type ListenOptions, listen } from '../common/serve';
import { createStripeStandInApp } from './app';
import { StripeStandInCore } from './core';
import { expire, pay, payLater, redeliver, settle } from './flows';
import type {
  DeliverOptions,
  PayLaterOptions,
  PayOptions,
  RedeliverOptions,
  StripeStandInEvent,
  StripeStandInOptions,
  StripeStandInSession,
  StripeStandInStats,
} from './types';

export interface StartStripeStandInOptions extends StripeStandInOptions, ListenOptions {}

/** A running Stripe stand-in. The methods mirror the `/_stand-in` control API. */
export interface StripeStandIn {
  /** Where it listens, e.g. `http://127.0.0.1:41234`: use it as STRIPE_API_URL. */
  readonly url: string;
  close(): Promise<void>;
  stats(): StripeStandInStats;
  sessions(): readonly StripeStandInSession[];
  events(): readonly StripeStandInEvent[];
  pay(sessionId: string, options?: PayOptions): Promise<readonly StandInDelivery[]>;
  payLater(sessionId: string, options?: PayLaterOptions): Promise<readonly StandInDelivery[]>;
  settle(
    sessionId: string,
    outcome: 'succeeded' | 'failed',
    options?: DeliverOptions,
  ): Promise<readonly StandInDelivery[]>;
  expire(sessionId: string, options?: DeliverOptions): Promise<readonly StandInDelivery[]>;
  redeliver(eventId: string, options?: RedeliverOptions): Promise<readonly StandInDelivery[]>;
  setFaults(faults: StandInFaults): void;
}

/**
 * Serves a Stripe-compatible API for exactly the calls our adapter makes, so the official SDK runs unchanged.
 *
 * @example
 * const stand = await startStripeStandIn({ secretKey: 'sk_test_x', webhookSecret: 'whsec_x', webhookUrl });
 * const stripe = new StripePaymentProvider({ secretKey: 'sk_test_x', webhookSecret: 'whsec_x', apiUrl: stand.url });
 * // ... await stand.pay(checkout.providerRef); await stand.close();
 */
export async function startStripeStandIn(options: StartStripeStandInOptions): Promise<StripeStandIn> {
  const core = new StripeStandInCore(options);
  const server = await listen(createStripeStandInApp(core), options);
  return {
    url: server.url,
    close: async () => {
      core.lifetime.close();
      await server.close();
    },
    stats: () => core.stats(),
    sessions: () => core.sessions(),
    events: () => core.events(),
    pay: (id, payOptions) => pay(core, id, payOptions),
    payLater: (id, laterOptions) => payLater(core, id, laterOptions),
    settle: (id, outcome, deliverOptions) => settle(core, id, outcome, deliverOptions),
    expire: (id, deliverOptions) => expire(core, id, deliverOptions),
    redeliver: (eventId, redeliverOptions) => redeliver(core, eventId, redeliverOptions),
    setFaults: (faults) => core.setFaults(faults),
  };
}
