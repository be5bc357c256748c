import Stripe from 'stripe';
import { assertCheckoutRequest, checkAmountWith } from '../checkout-request';
import { PaymentProviderError } from '../errors';
import type {
  AmountCheck,
  Checkout,
  CheckoutRequest,
  Money,
  PaymentNotice,
  PaymentProvider,
  RawBody,
  WebhookReceipt,
} from '../provider';
import { checkoutSessionParams } from './checkout-params';
import { stripeError } from './errors';
import { type StripeProviderOptions, type StripeSettings, stripeSettings } from './options';
import { lookupState, readSession, sessionNotice } from './session';
import { receiveStripeWebhook } from './webhook';

const SESSION_ID = /^cs_[A-Za-z0-9_]{1,250}$/;
const MIN_EXPIRY_MS = 30 * 60_000;
const MAX_EXPIRY_MS = 24 * 60 * 60_000;

function badResponse(operation: string, field: string): PaymentProviderError {
  return new PaymentProviderError('bad_response', `Stripe ${operation} answered without a usable ${field}`);
}

/**
 * `PaymentProvider` over Stripe Checkout, through the official SDK (`apiUrl` points it at another server).
 *
 * @example
 * const stripe = new StripePaymentProvider({ secretKey, webhookSecret, apiUrl: process.env.STRIPE_API_URL });
 * const { checkoutUrl } = await stripe.createCheckout({ topUpId, amount, idempotencyKey: `top-up:${topUpId}`, ... });
 */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  readonly currencies = 'any' as const;
  readonly #settings: StripeSettings;
  readonly #stripe: Stripe;

  constructor(options: StripeProviderOptions) {
    this.#settings = stripeSettings(options);
    this.#stripe = new Stripe(this.#settings.secretKey, this.#settings.sdk);
  }

  checkAmount(amount: Money): AmountCheck {
    return checkAmountWith(amount, this.currencies);
  }

  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    const operation = 'POST /v1/checkout/sessions';
    assertCheckoutRequest('Stripe', request, this.checkAmount(request.amount));
    this.#assertExpiry(request.expiresAt);
    let session: Stripe.Checkout.Session;
    try {
      session = await this.#stripe.checkout.sessions.create(checkoutSessionParams(request), {
        idempotencyKey: request.idempotencyKey,
      });
    } catch (error) {
      throw stripeError(operation, error);
    }
    if (typeof session.id !== 'string' || !SESSION_ID.test(session.id)) throw badResponse(operation, 'id');
    if (typeof session.url !== 'string' || !/^https?:\/\//.test(session.url))
      throw badResponse(operation, 'url');
    const expires = typeof session.expires_at === 'number' ? new Date(session.expires_at * 1000) : null;
    return { providerRef: session.id, checkoutUrl: session.url, expiresAt: expires };
  }

  /** Stripe's own bounds, checked here so the caller gets a clear local error instead of a 400. */
  #assertExpiry(expiresAt: Date | undefined): void {
    if (expiresAt === undefined) return;
    const ahead = expiresAt.getTime() - this.#settings.now();
    if (!Number.isFinite(ahead) || ahead < MIN_EXPIRY_MS || ahead > MAX_EXPIRY_MS) {
      throw new PaymentProviderError(
        'invalid_request',
        'Stripe createCheckout: expiresAt must be 30 minutes to 24 hours ahead',
      );
    }
  }

  receiveWebhook(rawBody: RawBody, header: (name: string) => string | undefined): WebhookReceipt {
    return receiveStripeWebhook(this.#settings, rawBody, header);
  }

  async lookup(providerRef: string): Promise<PaymentNotice> {
    const operation = 'GET /v1/checkout/sessions/:id';
    if (typeof providerRef !== 'string' || !SESSION_ID.test(providerRef)) {
      throw new PaymentProviderError('invalid_request', 'Stripe lookup: not a Checkout Session id');
    }
    let session: unknown;
    try {
      // The PaymentIntent tells an async payment still settling from one that failed.
      session = await this.#stripe.checkout.sessions.retrieve(providerRef, { expand: ['payment_intent'] });
    } catch (error) {
      throw stripeError(operation, error);
    }
    const read = readSession(session);
    if (!read.ok) throw badResponse(operation, read.field);
    if (read.facts.id !== providerRef) throw badResponse(operation, 'id');
    const made = sessionNotice(read.facts, lookupState(read.facts));
    if (!made.ok) throw badResponse(operation, made.field);
    return made.notice;
  }
}
