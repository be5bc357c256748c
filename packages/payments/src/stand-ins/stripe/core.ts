import { Deliverer, type StandInDelivery } from '../common/delivery';
import { FaultBox, type StandInFaults } from '../common/faults';
import { randomId } from '../common/ids';
import { bad, ControlInputError, optionalUrl, wholeNumber } from '../common/input';
import { Lifetime } from '../common/lifetime';
import type { SessionInput } from './create-input';
import { buildEvent, type EventRecord, stripeSignature } from './events';
import { sessionJson } from './session-json';
import { type SessionRecord, SessionStore } from './store';
import {
  type DeliverOptions,
  STRIPE_ENDPOINTS,
  type StripeEndpoint,
  type StripeStandInEvent,
  type StripeStandInOptions,
  type StripeStandInSession,
  type StripeStandInStats,
} from './types';

function required(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '')
    throw bad(`Stripe stand-in: ${name} must be a non-empty string`);
  return value;
}

/** The stand-in's state and the moves its routes, pages and control API share. */
export class StripeStandInCore {
  readonly store = new SessionStore();
  readonly faults = new FaultBox(STRIPE_ENDPOINTS);
  readonly secretKey: string;
  readonly publicUrl: string | undefined;
  readonly asyncSettleMs: number | null;
  readonly now: () => number;
  readonly #webhookSecret: string;
  readonly #webhookUrl: string | undefined;
  readonly lifetime = new Lifetime();
  readonly #deliverer: Deliverer;
  readonly #events = new Map<string, EventRecord>();
  readonly #calls: Record<StripeEndpoint, number> = { create_session: 0, retrieve_session: 0 };
  #sessionsCreated = 0;

  constructor(options: StripeStandInOptions) {
    this.secretKey = required(options.secretKey, 'secretKey');
    this.#webhookSecret = required(options.webhookSecret, 'webhookSecret');
    this.#webhookUrl = optionalUrl(options.webhookUrl, 'webhookUrl');
    this.publicUrl = optionalUrl(options.publicUrl, 'publicUrl')?.replace(/\/+$/, '');
    this.asyncSettleMs =
      options.asyncSettleMs === null
        ? null
        : (wholeNumber(options.asyncSettleMs, 'asyncSettleMs', 0, 3_600_000) ?? 2000);
    this.now = options.now ?? Date.now;
    this.#deliverer = new Deliverer(
      this.lifetime.signal,
      'Stripe/1.0 (+https://stripe.com/docs/webhooks) stand-in',
    );
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  count(endpoint: StripeEndpoint): void {
    this.#calls[endpoint] += 1;
  }

  create(input: SessionInput, origin: string): SessionRecord {
    const id = randomId('cs_test_', 58);
    const created = this.nowSeconds();
    const record: SessionRecord = {
      ...input,
      id,
      created,
      expiresAt: input.expiresAt ?? created + 86_400,
      url: `${this.publicUrl ?? origin}/c/pay/${id}`,
      status: 'open',
      paymentStatus: 'unpaid',
      paymentIntent: null,
    };
    this.store.add(record);
    this.#sessionsCreated += 1;
    return record;
  }

  /** The session, with a lapsed `expires_at` applied first (Stripe expires sessions on time). */
  session(id: string): SessionRecord {
    const record = this.store.get(id);
    if (!record) throw new ControlInputError(`no Checkout Session ${id}`, 404);
    if (record.status === 'open' && this.nowSeconds() >= record.expiresAt) {
      record.status = 'expired';
      this.lifetime.later(0, () => this.emit('checkout.session.expired', record));
    }
    return record;
  }

  /** Records an event about the session as it is now, and delivers it unless told not to. */
  async emit(type: string, record: SessionRecord, options: DeliverOptions = {}): Promise<StandInDelivery[]> {
    const event = this.record(type, record);
    if (options.deliver === false) return [];
    return this.send(event, wholeNumber(options.repeat, 'repeat', 1, 20) ?? 1, 0);
  }

  /** Records an event about the session as it is now, without sending it. */
  record(type: string, session: SessionRecord): EventRecord {
    const event = buildEvent(type, sessionJson(session), this.nowSeconds());
    this.#events.set(event.id, event);
    return event;
  }

  event(id: string): EventRecord {
    const event = this.#events.get(id);
    if (!event) throw new ControlInputError(`no event ${id}`, 404);
    return event;
  }

  /** Each delivery is signed at send time, as Stripe does; `signedSecondsAgo` back-dates the signature. */
  async send(event: EventRecord, times: number, signedSecondsAgo: number): Promise<StandInDelivery[]> {
    const deliveries: StandInDelivery[] = [];
    for (let i = 0; i < times; i += 1) {
      const signature = stripeSignature(
        this.#webhookSecret,
        event.body,
        this.nowSeconds() - signedSecondsAgo,
      );
      const about = { eventId: event.id, eventType: event.type, ref: event.sessionId };
      deliveries.push(
        await this.#deliverer.send(about, this.#webhookUrl, event.body, { 'Stripe-Signature': signature }),
      );
    }
    return deliveries;
  }

  events(): StripeStandInEvent[] {
    return [...this.#events.values()].map(({ body: _body, ...event }) => event);
  }

  sessions(): StripeStandInSession[] {
    return this.store.list();
  }

  stats(): StripeStandInStats {
    return {
      sessionsCreated: this.#sessionsCreated,
      calls: { ...this.#calls },
      events: this.#events.size,
      deliveries: [...this.#deliverer.log],
    };
  }

  setFaults(faults: StandInFaults): void {
    this.faults.set(faults);
  }
}
