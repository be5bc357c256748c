import { StripeApiError } from './errors';

export interface SessionInput {
  readonly amountTotal: number;
  readonly currency: string;
  readonly productName: string;
  readonly clientReferenceId: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly intentMetadata: Readonly<Record<string, string>>;
  readonly customerEmail: string | null;
  readonly successUrl: string;
  readonly cancelUrl: string | null;
  /** Unix seconds, when the request set it. */
  readonly expiresAt: number | undefined;
}

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function missing(param: string): StripeApiError {
  return new StripeApiError(400, 'parameter_missing', `Missing required param: ${param}.`, param);
}

function invalid(param: string, message: string): StripeApiError {
  return new StripeApiError(400, 'parameter_invalid', message, param);
}

function integer(value: unknown, param: string): number {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value))
    throw invalid(param, `Invalid integer: ${param}.`);
  return Number(value);
}

function url(value: unknown, param: string): string {
  if (typeof value !== 'string' || !URL.canParse(value)) throw invalid(param, `Not a valid URL: ${param}.`);
  return value;
}

function metadata(value: unknown, param: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isObject(value) || Object.values(value).some((item) => typeof item !== 'string')) {
    throw invalid(param, `Invalid hash: ${param}.`);
  }
  return value as Record<string, string>;
}

/** Stripe's rules for the subset of `POST /v1/checkout/sessions` we serve: one `price_data` line, mode payment. */
export function sessionInput(params: Fields, nowSeconds: number): SessionInput {
  if (params.mode === undefined) throw missing('mode');
  if (params.mode !== 'payment') throw invalid('mode', 'This stand-in serves mode=payment only.');
  const items = params.line_items;
  if (!Array.isArray(items) || items.length === 0) throw missing('line_items');
  if (items.length !== 1 || !isObject(items[0]))
    throw invalid('line_items', 'This stand-in serves one line item.');
  const [item] = items as [Fields];
  const price = item.price_data;
  if (!isObject(price)) throw missing('line_items[0][price_data]');
  const quantity = item.quantity === undefined ? 1 : integer(item.quantity, 'line_items[0][quantity]');
  const unitAmount = integer(price.unit_amount, 'line_items[0][price_data][unit_amount]');
  if (typeof price.currency !== 'string' || !/^[a-z]{3}$/.test(price.currency)) {
    throw invalid('line_items[0][price_data][currency]', 'Invalid currency: must be a lower-case ISO code.');
  }
  const product = price.product_data;
  if (!isObject(product) || typeof product.name !== 'string' || product.name === '') {
    throw missing('line_items[0][price_data][product_data][name]');
  }
  if (params.success_url === undefined) throw missing('success_url');
  let expiresAt: number | undefined;
  if (params.expires_at !== undefined) {
    expiresAt = integer(params.expires_at, 'expires_at');
    if (expiresAt < nowSeconds + 1800 || expiresAt > nowSeconds + 86_400) {
      throw invalid(
        'expires_at',
        'The `expires_at` timestamp must be between 30 minutes and 24 hours from now.',
      );
    }
  }
  const intentData = isObject(params.payment_intent_data) ? params.payment_intent_data : {};
  const email = params.customer_email;
  if (email !== undefined && (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email))) {
    throw invalid('customer_email', 'Invalid email address.');
  }
  return {
    amountTotal: unitAmount * quantity,
    currency: price.currency,
    productName: product.name,
    clientReferenceId: typeof params.client_reference_id === 'string' ? params.client_reference_id : null,
    metadata: metadata(params.metadata, 'metadata'),
    intentMetadata: metadata(intentData.metadata, 'payment_intent_data[metadata]'),
    customerEmail: typeof email === 'string' ? email : null,
    successUrl: url(params.success_url, 'success_url'),
    cancelUrl: params.cancel_url === undefined ? null : url(params.cancel_url, 'cancel_url'),
    expiresAt,
  };
}
