export {
  PaymentProviderError,
  type PaymentProviderErrorDetails,
  type PaymentProviderErrorKind,
} from './errors';
export {
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
