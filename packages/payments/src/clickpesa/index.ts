export { CLICKPESA_CURRENCIES, checkClickPesaAmount, clickPesaMoney, totalPrice } from './amounts';
export { canonicalJson, checksumMatches, clickPesaChecksum } from './checksum';
export { CLICKPESA_API_URL, type ClickPesaProviderOptions } from './options';
export { makeOrderReference, ORDER_REFERENCE } from './order-reference';
export { paymentState } from './payments';
export { ClickPesaPaymentProvider } from './provider';
export { CLICKPESA_CHECKSUM_HEADERS } from './webhook';
