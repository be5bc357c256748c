import { signPayload } from './checksum';
import type { ClickPesaPayOptions, ClickPesaStandInOrder, ClickPesaStandInPayment } from './types';

export interface BuiltWebhook {
  readonly event: string;
  readonly body: Uint8Array;
  readonly headers: Record<string, string>;
}

function currentData(order: ClickPesaStandInOrder, payment: ClickPesaStandInPayment, received: boolean) {
  const common = {
    id: payment.id,
    status: payment.status,
    orderReference: order.orderReference,
    message: payment.message,
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
  };
  if (!received) return common;
  return {
    ...common,
    paymentReference: payment.paymentReference,
    collectedAmount: payment.collectedAmount,
    collectedCurrency: payment.collectedCurrency,
    channel: payment.channel,
    customer: {
      customerName: 'STAND-IN CUSTOMER',
      customerPhoneNumber: '255700000000',
      customerEmail: order.customerEmail ?? 'customer@example.invalid',
    },
  };
}

function legacyData(order: ClickPesaStandInOrder, payment: ClickPesaStandInPayment) {
  return {
    paymentId: payment.id,
    orderReference: order.orderReference,
    amount: payment.collectedAmount,
    currency: payment.collectedCurrency,
    status: payment.status,
    customer: { name: 'STAND-IN CUSTOMER', email: 'customer@example.invalid', phone: '255700000000' },
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
  };
}

/** The webhook ClickPesa would send for this payment, serialized once and checksummed. */
export function webhookFor(
  checksumKey: string,
  order: ClickPesaStandInOrder,
  payment: ClickPesaStandInPayment,
  options: Pick<ClickPesaPayOptions, 'format' | 'checksumIn'>,
): BuiltWebhook {
  const received = payment.status !== 'FAILED';
  const event = received ? 'PAYMENT RECEIVED' : 'PAYMENT FAILED';
  const payload: Record<string, unknown> =
    options.format === 'legacy'
      ? { eventType: event, data: legacyData(order, payment) }
      : { event, data: currentData(order, payment, received) };
  const checksum = signPayload(checksumKey, payload);
  if (options.checksumIn === 'header') {
    return {
      event,
      body: new TextEncoder().encode(JSON.stringify(payload)),
      headers: { 'X-ClickPesa-Checksum': checksum },
    };
  }
  const signed = { ...payload, checksum, checksumMethod: 'canonical' };
  return { event, body: new TextEncoder().encode(JSON.stringify(signed)), headers: {} };
}
