import { assertCheckoutRequest } from '../checkout-request';
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
import { CLICKPESA_CURRENCIES, checkClickPesaAmount, totalPrice } from './amounts';
import { clickPesaChecksum } from './checksum';
import { type ClickPesaAnswer, type ClickPesaCall, errorFor, exchange, jsonOf } from './http';
import { type ClickPesaProviderOptions, type ClickPesaSettings, clickPesaSettings } from './options';
import { makeOrderReference, ORDER_REFERENCE } from './order-reference';
import { orderNotice } from './payments';
import { TokenCache } from './token-cache';
import { receiveClickPesaWebhook } from './webhook';

const CHECKOUT = 'POST /checkout-link/generate-checkout-url';
const STATUS = 'GET /payments/:orderReference';
const TOKEN = 'POST /generate-token';

/**
 * `PaymentProvider` over ClickPesa's hosted checkout link. There is no sandbox: point `apiUrl` at the
 * stand-in everywhere but production. No retries of its own, except one after a 401 with a fresh token.
 *
 * @example
 * const clickpesa = new ClickPesaPaymentProvider({ clientId, apiKey, checksumKey, apiUrl: process.env.CLICKPESA_API_URL });
 * const { providerRef, checkoutUrl } = await clickpesa.createCheckout({ topUpId, amount, ... });
 */
export class ClickPesaPaymentProvider implements PaymentProvider {
  readonly name = 'clickpesa' as const;
  readonly currencies = CLICKPESA_CURRENCIES;
  readonly #settings: ClickPesaSettings;
  readonly #tokens: TokenCache;

  constructor(options: ClickPesaProviderOptions) {
    this.#settings = clickPesaSettings(options);
    this.#tokens = new TokenCache(() => this.#mintToken(), this.#settings.tokenTtlMs, this.#settings.now);
  }

  /** Token calls made so far by this instance (each counts against ClickPesa's daily quota). */
  get tokenCalls(): number {
    return this.#tokens.minted;
  }

  checkAmount(amount: Money): AmountCheck {
    return checkClickPesaAmount(amount);
  }

  /** A new order reference per call: ClickPesa has no idempotency key, and refuses a reference seen before. */
  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    assertCheckoutRequest('ClickPesa', request, this.checkAmount(request.amount));
    const orderReference = makeOrderReference(request.topUpId, this.#settings.now());
    const payload: Record<string, unknown> = {
      totalPrice: totalPrice(request.amount),
      orderReference,
      orderCurrency: request.amount.currency,
      callbackUrl: request.callbackUrl,
      ...(request.customerEmail === undefined ? {} : { customerEmail: request.customerEmail }),
      ...(request.description === undefined ? {} : { description: request.description }),
    };
    const body = { ...payload, checksum: clickPesaChecksum(this.#settings.checksumKey, payload) };
    const answer = await this.#authorized({
      method: 'POST',
      path: '/checkout-link/generate-checkout-url',
      label: CHECKOUT,
      body,
    });
    const json = jsonOf(CHECKOUT, answer);
    const link = (json as { checkoutLink?: unknown } | null)?.checkoutLink;
    if (typeof link !== 'string' || !/^https?:\/\//.test(link)) {
      throw new PaymentProviderError(
        'bad_response',
        `ClickPesa ${CHECKOUT} answered without a usable checkoutLink`,
      );
    }
    // ClickPesa does not say when a checkout link stops working.
    return { providerRef: orderReference, checkoutUrl: link, expiresAt: null };
  }

  receiveWebhook(rawBody: RawBody, header: (name: string) => string | undefined): WebhookReceipt {
    return receiveClickPesaWebhook(this.#settings.checksumKey, rawBody, header);
  }

  /** A reference with no payment attempt yet is `pending` (ClickPesa answers 404 for it). */
  async lookup(providerRef: string): Promise<PaymentNotice> {
    if (typeof providerRef !== 'string' || !ORDER_REFERENCE.test(providerRef)) {
      throw new PaymentProviderError(
        'invalid_request',
        'ClickPesa lookup: an order reference is letters and digits',
      );
    }
    const answer = await this.#authorized({ method: 'GET', path: `/payments/${providerRef}`, label: STATUS });
    if (answer.status === 404) {
      return { providerRef, topUpId: null, state: 'pending', paymentId: null, amount: null };
    }
    return orderNotice(providerRef, jsonOf(STATUS, answer));
  }

  /** One call with the shared token; after a 401, one more with a fresh token. */
  async #authorized(call: Omit<ClickPesaCall, 'headers'>): Promise<ClickPesaAnswer> {
    const token = await this.#tokens.get();
    let answer = await exchange(this.#settings, { ...call, headers: { authorization: token } });
    if (answer.status === 401) {
      this.#tokens.invalidate(token);
      answer = await exchange(this.#settings, {
        ...call,
        headers: { authorization: await this.#tokens.get() },
      });
    }
    if (answer.status === 404 && call.method === 'GET') return answer;
    if (answer.status < 200 || answer.status > 299) throw errorFor(call.label, answer);
    return answer;
  }

  async #mintToken(): Promise<string> {
    const { clientId, apiKey } = this.#settings;
    const answer = await exchange(this.#settings, {
      method: 'POST',
      path: '/generate-token',
      label: TOKEN,
      headers: { 'client-id': clientId, 'api-key': apiKey },
    });
    if (answer.status < 200 || answer.status > 299) throw errorFor(TOKEN, answer);
    const token = (jsonOf(TOKEN, answer) as { token?: unknown } | null)?.token;
    // The token already carries its scheme ("Bearer eyJ..."): it is sent unchanged.
    if (typeof token !== 'string' || !/^Bearer \S+$/.test(token)) {
      throw new PaymentProviderError('bad_response', `ClickPesa ${TOKEN} answered without a usable token`);
    }
    return token;
  }
}
