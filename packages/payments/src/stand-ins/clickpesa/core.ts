import { Deliverer, type StandInDelivery } from '../common/delivery';
import { FaultBox, type StandInFaults } from '../common/faults';
import { randomId } from '../common/ids';
import { bad, ControlInputError, optionalUrl, wholeNumber } from '../common/input';
import { Lifetime } from '../common/lifetime';
import {
  CLICKPESA_ENDPOINTS,
  type ClickPesaEndpoint,
  type ClickPesaStandInEvent,
  type ClickPesaStandInOptions,
  type ClickPesaStandInOrder,
  type ClickPesaStandInStats,
} from './types';
import type { BuiltWebhook } from './webhook-body';

function required(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '')
    throw bad(`ClickPesa stand-in: ${name} must be a non-empty string`);
  return value;
}

interface EventRecord extends ClickPesaStandInEvent {
  readonly webhook: BuiltWebhook;
  readonly url: string | undefined;
}

/** The stand-in's state, shared by its API, its checkout page and its control API. */
export class ClickPesaStandInCore {
  readonly faults = new FaultBox(CLICKPESA_ENDPOINTS);
  readonly clientId: string;
  readonly apiKey: string;
  readonly checksumKey: string;
  readonly returnUrl: string | undefined;
  readonly publicUrl: string | undefined;
  readonly now: () => number;
  readonly #webhookUrl: string | undefined;
  readonly #tokenTtlMs: number;
  readonly #tokens = new Map<string, number>();
  readonly #orders = new Map<string, ClickPesaStandInOrder>();
  readonly #events = new Map<string, EventRecord>();
  readonly lifetime = new Lifetime();
  readonly #deliverer: Deliverer;
  readonly #calls: Record<ClickPesaEndpoint, number> = {
    generate_token: 0,
    checkout_link: 0,
    payment_status: 0,
  };
  #tokensIssued = 0;

  constructor(options: ClickPesaStandInOptions) {
    this.clientId = required(options.clientId, 'clientId');
    this.apiKey = required(options.apiKey, 'apiKey');
    this.checksumKey = required(options.checksumKey, 'checksumKey');
    this.#webhookUrl = optionalUrl(options.webhookUrl, 'webhookUrl');
    this.returnUrl = optionalUrl(options.returnUrl, 'returnUrl');
    this.publicUrl = optionalUrl(options.publicUrl, 'publicUrl')?.replace(/\/+$/, '');
    this.#tokenTtlMs = wholeNumber(options.tokenTtlMs, 'tokenTtlMs', 1, 86_400_000) ?? 3_600_000;
    this.now = options.now ?? Date.now;
    this.#deliverer = new Deliverer(this.lifetime.signal, 'ClickPesa-Webhook stand-in');
  }

  count(endpoint: ClickPesaEndpoint): void {
    this.#calls[endpoint] += 1;
  }

  /** A fresh token, already prefixed with its scheme as ClickPesa's are. */
  issueToken(): string {
    const token = `Bearer ${randomId('eyJstandin.', 48)}`;
    this.#tokens.set(token, this.now() + this.#tokenTtlMs);
    this.#tokensIssued += 1;
    return token;
  }

  tokenValid(authorization: string | undefined): boolean {
    const expiresAt = authorization === undefined ? undefined : this.#tokens.get(authorization);
    return expiresAt !== undefined && this.now() < expiresAt;
  }

  /** Every token stops working, as when checksum settings change in the dashboard. */
  revokeTokens(): void {
    this.#tokens.clear();
  }

  hasOrder(orderReference: string): boolean {
    return this.#orders.has(orderReference);
  }

  addOrder(order: ClickPesaStandInOrder): void {
    this.#orders.set(order.orderReference, order);
  }

  order(orderReference: string): ClickPesaStandInOrder {
    const order = this.#orders.get(orderReference);
    if (!order) throw new ControlInputError(`no order ${orderReference}`, 404);
    return order;
  }

  byLinkToken(token: string): ClickPesaStandInOrder | undefined {
    return [...this.#orders.values()].find((order) => order.linkToken === token);
  }

  /** Records a webhook and sends it `times` times (zero: recorded only, a lost delivery). */
  async emit(order: ClickPesaStandInOrder, webhook: BuiltWebhook, times: number): Promise<StandInDelivery[]> {
    const event: EventRecord = {
      id: randomId('whk_', 20),
      event: webhook.event,
      orderReference: order.orderReference,
      webhook,
      url: order.callbackUrl ?? this.#webhookUrl,
    };
    this.#events.set(event.id, event);
    return this.send(event.id, times);
  }

  async send(eventId: string, times: number): Promise<StandInDelivery[]> {
    const event = this.#events.get(eventId);
    if (!event) throw new ControlInputError(`no event ${eventId}`, 404);
    const deliveries: StandInDelivery[] = [];
    for (let i = 0; i < times; i += 1) {
      const about = { eventId: event.id, eventType: event.event, ref: event.orderReference };
      deliveries.push(
        await this.#deliverer.send(about, event.url, event.webhook.body, event.webhook.headers),
      );
    }
    return deliveries;
  }

  orders(): ClickPesaStandInOrder[] {
    return [...this.#orders.values()].map((order) => ({
      ...order,
      payments: order.payments.map((p) => ({ ...p })),
    }));
  }

  events(): ClickPesaStandInEvent[] {
    return [...this.#events.values()].map(({ id, event, orderReference }) => ({ id, event, orderReference }));
  }

  stats(): ClickPesaStandInStats {
    return {
      tokensIssued: this.#tokensIssued,
      checkoutsCreated: this.#orders.size,
      calls: { ...this.#calls },
      deliveries: [...this.#deliverer.log],
    };
  }

  setFaults(faults: StandInFaults): void {
    this.faults.set(faults);
  }
}
