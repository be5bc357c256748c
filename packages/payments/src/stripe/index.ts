export { stripeError } from './errors';
export { STRIPE_API_URL, type StripeProviderOptions } from './options';
export { StripePaymentProvider } from './provider';
export { STRIPE_SIGNATURE_HEADER } from './webhook';
