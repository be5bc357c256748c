import { payloadSigned } from './checksum';
import { ClickPesaApiError } from './errors';

export interface CheckoutInput {
  readonly orderReference: string;
  readonly totalPrice: string;
  readonly orderCurrency: 'TZS' | 'USD';
  readonly callbackUrl: string | null;
  readonly customerEmail: string | null;
}

const invalid = (message: string) => new ClickPesaApiError(400, message);

/** ClickPesa's rules for `POST /checkout-link/generate-checkout-url` with a `totalPrice`. */
export function checkoutInput(body: unknown, checksumKey: string): CheckoutInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('Invalid request body');
  const fields = body as Record<string, unknown>;
  if (fields.checksum !== undefined && !payloadSigned(checksumKey, fields, fields.checksum)) {
    throw invalid('Invalid checksum');
  }
  const { orderReference, totalPrice, orderCurrency, callbackUrl, customerEmail } = fields;
  if (orderReference === undefined || orderReference === '') throw invalid('Order reference is required');
  if (typeof orderReference !== 'string' || !/^[A-Za-z0-9]+$/.test(orderReference)) {
    throw invalid('Invalid Order Reference, should only contain alphanumeric characters and cannot be blank');
  }
  if (typeof totalPrice !== 'string' || totalPrice === '') throw invalid('Total Price is required');
  if (!/^\d+(\.\d{1,2})?$/.test(totalPrice) || !/[1-9]/.test(totalPrice))
    throw invalid('Invalid Total Price');
  if (orderCurrency !== 'TZS' && orderCurrency !== 'USD') throw invalid('Order currency must be TZS or USD');
  if (callbackUrl !== undefined && (typeof callbackUrl !== 'string' || !URL.canParse(callbackUrl))) {
    throw invalid('Invalid callback URL');
  }
  return {
    orderReference,
    totalPrice,
    orderCurrency,
    callbackUrl: typeof callbackUrl === 'string' ? callbackUrl : null,
    customerEmail: typeof customerEmail === 'string' ? customerEmail : null,
  };
}
