import type { StandInDelivery } from '../common/delivery';
import type { StandInFaults } from '../common/faults';
import { type ListenOptions, listen } from '../common/serve';
import { CLICKPESA_API_PREFIX, createClickPesaStandInApp } from './app';
import { ClickPesaStandInCore } from './core';
import { expireLink, pay, redeliver, reverse, settle } from './flows';
import type {
  ClickPesaPayOptions,
  ClickPesaStandInEvent,
  ClickPesaStandInOptions,
  ClickPesaStandInOrder,
  ClickPesaStandInStats,
} from './types';

export interface StartClickPesaStandInOptions extends ClickPesaStandInOptions, ListenOptions {}

/** A running ClickPesa stand-in. The methods mirror the `/_stand-in` control API. */
export interface ClickPesaStandIn {
  /** The origin it listens on, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** `url` + `/third-parties`: use it as CLICKPESA_API_URL. */
  readonly apiUrl: string;
  close(): Promise<void>;
  stats(): ClickPesaStandInStats;
  orders(): readonly ClickPesaStandInOrder[];
  events(): readonly ClickPesaStandInEvent[];
  pay(orderReference: string, options?: ClickPesaPayOptions): Promise<readonly StandInDelivery[]>;
  settle(orderReference: string): void;
  reverse(orderReference: string): void;
  expireLink(orderReference: string): void;
  redeliver(eventId: string, options?: { times?: number }): Promise<readonly StandInDelivery[]>;
  revokeTokens(): void;
  setFaults(faults: StandInFaults): void;
}

/**
 * Serves ClickPesa's token, checkout-link and payment-status calls locally. ClickPesa has no sandbox: this
 * is what tests and dev talk to.
 *
 * @example
 * const stand = await startClickPesaStandIn({ clientId: 'id', apiKey: 'key', checksumKey: 'sum', webhookUrl });
 * const clickpesa = new ClickPesaPaymentProvider({ clientId: 'id', apiKey: 'key', checksumKey: 'sum', apiUrl: stand.apiUrl });
 */
export async function startClickPesaStandIn(
  options: StartClickPesaStandInOptions,
): Promise<ClickPesaStandIn> {
  const core = new ClickPesaStandInCore(options);
  const server = await listen(createClickPesaStandInApp(core), options);
  return {
    url: server.url,
    apiUrl: `${server.url}${CLICKPESA_API_PREFIX}`,
    close: async () => {
      core.lifetime.close();
      await server.close();
    },
    stats: () => core.stats(),
    orders: () => core.orders(),
    events: () => core.events(),
    pay: (reference, payOptions) => pay(core, reference, payOptions),
    settle: (reference) => settle(core, reference),
    reverse: (reference) => reverse(core, reference),
    expireLink: (reference) => expireLink(core, reference),
    redeliver: (eventId, redeliverOptions) => redeliver(core, eventId, redeliverOptions),
    revokeTokens: () => core.revokeTokens(),
    setFaults: (faults) => core.setFaults(faults),
  };
}
