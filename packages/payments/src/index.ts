export {
  CLICKPESA_API_URL,
  CLICKPESA_CHECKSUM_HEADERS,
  CLICKPESA_CURRENCIES,
  ClickPesaPaymentProvider,
  type ClickPesaProviderOptions,
  canonicalJson,
  clickPesaChecksum,
  makeOrderReference,
  ORDER_REFERENCE,
} from './clickpesa';
export {
  PaymentProviderError,
  type PaymentProviderErrorDetails,
  type PaymentProviderErrorKind,
} from './errors';
export { currencyDigits, decimalToMinor, formatAmount, formatMoney, minorToDecimal } from './money';
export {
  type AmountCheck,
  type Checkout,
  type CheckoutRequest,
  type Money,
  PAYMENT_PROVIDER_NAMES,
  type PaymentNotice,
  type PaymentProvider,
  type PaymentProviderName,
  type PaymentState,
  type RawBody,
  type WebhookReceipt,
} from './provider';
export {
  STRIPE_API_URL,
  STRIPE_SIGNATURE_HEADER,
  StripePaymentProvider,
  type StripeProviderOptions,
} from './stripe';
