import { PaymentProviderError } from '../errors';
import type { PaymentNotice, PaymentState } from '../provider';
import { clickPesaMoney } from './amounts';

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * ClickPesa's payment statuses in the port's words. SUCCESS (received) and SETTLED (in the merchant's
 * account) are paid; REFUNDED and REVERSED returned the money, so they never credit. A status we do not
 * know is treated as still pending: it can never credit by accident.
 */
export function paymentState(status: unknown): PaymentState {
  switch (typeof status === 'string' ? status.toUpperCase() : '') {
    case 'SUCCESS':
    case 'SETTLED':
      return 'paid';
    case 'FAILED':
    case 'REFUNDED':
    case 'REVERSED':
      return 'failed';
    default:
      return 'pending';
  }
}

function bad(field: string): PaymentProviderError {
  return new PaymentProviderError(
    'bad_response',
    `ClickPesa GET /payments/:orderReference answered without a usable ${field}`,
  );
}

function noticeFor(orderReference: string, record: Fields, state: PaymentState): PaymentNotice {
  const id = typeof record.id === 'string' && record.id !== '' ? record.id : null;
  const amount = clickPesaMoney(record.collectedAmount, record.collectedCurrency) ?? null;
  if (state === 'paid' && id === null) throw bad('id');
  if (state === 'paid' && amount === null) throw bad('collectedAmount');
  return { providerRef: orderReference, topUpId: null, state, paymentId: id, amount };
}

/**
 * The payment-status answer (an array: one order can see several attempts) as one notice: paid if any
 * attempt was, else pending if any is still open, else failed; no attempt at all is pending.
 */
export function orderNotice(orderReference: string, json: unknown): PaymentNotice {
  if (!Array.isArray(json)) throw bad('list of payments');
  const records = json
    .filter(isObject)
    .filter((record) => record.orderReference === undefined || record.orderReference === orderReference);
  if (records.length !== json.length) throw bad('payment record');
  const byState = (state: PaymentState) => records.find((record) => paymentState(record.status) === state);
  for (const state of ['paid', 'pending', 'failed'] as const) {
    const record = byState(state);
    if (record) return noticeFor(orderReference, record, state);
  }
  return { providerRef: orderReference, topUpId: null, state: 'pending', paymentId: null, amount: null };
}
