/**
 * The payment provider port: everything the server needs from a payment service to top up a balance
 * through a hosted checkout. `stripe/` and `clickpesa/` implement it; the stand-ins speak the same HTTP
 * contracts locally so the real adapters (and Stripe's real SDK) run end to end in tests and dev.
 */

export const PAYMENT_PROVIDER_NAMES = ['stripe', 'clickpesa'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDER_NAMES)[number];

/** A request body as received: raw bytes (what signatures cover) or their UTF-8 text. */
export type RawBody = Uint8Array | string;

/** Money in minor units of an ISO 4217 currency: a safe integer, never a float. */
export interface Money {
  readonly amountMinor: number;
  /** Upper-case ISO 4217 code. */
  readonly currency: string;
}

export interface CheckoutRequest {
  /** Our TopUp id; travels with the checkout so a webhook leads back to the row. */
  readonly topUpId: string;
  readonly amount: Money;
  /** Stable for one top-up: repeating the call with the same key never opens a second checkout. */
  readonly idempotencyKey: string;
  /** Where the person lands after paying (providers that take one per request). */
  readonly returnUrl: string;
  /** Where the person lands after giving up (providers that take one per request). */
  readonly cancelUrl: string;
  /** Our webhook URL, for providers that take it per request. */
  readonly callbackUrl: string;
  readonly customerEmail?: string;
  readonly description?: string;
  /**
   * When the checkout should stop taking payment, for providers that accept one (Stripe: 30 minutes to 24
   * hours ahead; absent = Stripe's 24 hours). Derive it from the top-up (its `created_at` + a fixed time),
   * never from the clock at call time: a retry must send identical parameters with the same idempotency key.
   */
  readonly expiresAt?: Date;
}

/**
 * Whether a provider can take an amount, decided locally before anything is created or sent: the gate calls
 * it to answer 400 naming the field; `createCheckout` refuses the same amounts with `invalid_request`.
 */
export type AmountCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly field: 'amount' | 'currency'; readonly message: string };

/** A hosted checkout the person is sent to. */
export interface Checkout {
  /** What `TopUp.provider_ref` stores: Stripe's Checkout Session id, ClickPesa's order reference. */
  readonly providerRef: string;
  /** The provider's hosted page. */
  readonly checkoutUrl: string;
  /** When the provider stops accepting payment for it, when known. */
  readonly expiresAt: Date | null;
}

/** Where a payment stands, in the port's words. Only `paid` ever credits a balance. */
export type PaymentState = 'paid' | 'pending' | 'failed' | 'expired' | 'canceled';

/** One normalised fact about a checkout's payment, from a webhook or a lookup. */
export interface PaymentNotice {
  readonly providerRef: string;
  /** Our TopUp id when the provider echoed it (Stripe's client_reference_id/metadata), else null. */
  readonly topUpId: string | null;
  readonly state: PaymentState;
  /**
   * The money movement's own id (Stripe PaymentIntent, ClickPesa payment id): the ledger's unique key, so
   * two notices about one payment can credit once. Null when nothing was paid.
   */
  readonly paymentId: string | null;
  /** What the provider says was (or is to be) collected; compared with the top-up before crediting. */
  readonly amount: Money | null;
}

/** What an incoming webhook delivery is, decided before anything is stored. */
export type WebhookReceipt =
  /** Unsigned or mis-signed: answer 401, store nothing. */
  | { readonly kind: 'forged' }
  /** Authentic but not a shape we understand: answer 400. `message` names a field, never a value. */
  | { readonly kind: 'malformed'; readonly message: string }
  /** Authentic, understood, and of no interest (another event type): answer 2xx. */
  | { readonly kind: 'ignored'; readonly eventKey: string; readonly eventType: string }
  | {
      readonly kind: 'notice';
      /** Unique per provider event: a redelivery of the same event has the same key. */
      readonly eventKey: string;
      readonly eventType: string;
      readonly notice: PaymentNotice;
      /**
       * False when the provider's documentation is too thin to trust the webhook alone (ClickPesa): the
       * caller must `lookup()` the payment before crediting anything.
       */
      readonly trustworthy: boolean;
    };

/**
 * The port. `createCheckout` and `lookup` reject with `PaymentProviderError`; `receiveWebhook` never throws.
 *
 * @example
 * const checkout = await payments.createCheckout({ topUpId, amount, idempotencyKey: `top-up:${topUpId}`, ... });
 * // webhook route, over the raw bytes:
 * const receipt = payments.receiveWebhook(raw, (name) => c.req.header(name));
 * if (receipt.kind === 'forged') return c.json({ error: ... }, 401);
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** Currencies this provider accepts (upper-case ISO 4217), or 'any'. */
  readonly currencies: readonly string[] | 'any';
  /** No network call: refuses a currency this provider does not take, or a precision it cannot charge. */
  checkAmount(amount: Money): AmountCheck;
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /** Verifies the signature over the exact bytes received, then parses. */
  receiveWebhook(rawBody: RawBody, header: (name: string) => string | undefined): WebhookReceipt;
  /** Asks the provider where a checkout's payment stands now (reconciliation, missed webhooks). */
  lookup(providerRef: string): Promise<PaymentNotice>;
}
