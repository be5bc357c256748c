import type { StandInDelivery } from '../common/delivery';

export interface ClickPesaStandInOptions {
  clientId: string;
  apiKey: string;
  /** Checks request checksums and signs every webhook. */
  checksumKey: string;
  /** Where webhooks go when a checkout names no `callbackUrl`; none = recorded, not sent. */
  webhookUrl?: string;
  /**
   * Where the checkout page sends the person afterwards, with `orderReference` added (ClickPesa takes this
   * from the dashboard, not the request). None = a plain "done" page.
   */
  returnUrl?: string;
  /** Base of `checkoutLink`; default: the origin the request was sent to. */
  publicUrl?: string;
  /** Token lifetime. Default one hour, as ClickPesa's. */
  tokenTtlMs?: number;
  now?: () => number;
}

export const CLICKPESA_ENDPOINTS = ['generate_token', 'checkout_link', 'payment_status'] as const;
export type ClickPesaEndpoint = (typeof CLICKPESA_ENDPOINTS)[number];

export type ClickPesaPaymentStatus = 'SUCCESS' | 'SETTLED' | 'PROCESSING' | 'PENDING' | 'FAILED' | 'REVERSED';

export interface ClickPesaStandInPayment {
  readonly id: string;
  status: ClickPesaPaymentStatus;
  readonly paymentReference: string;
  /** Major units, two decimals, as ClickPesa writes it: "10000.00". */
  readonly collectedAmount: string;
  readonly collectedCurrency: string;
  readonly channel: string;
  readonly message: string;
  readonly createdAt: string;
  updatedAt: string;
}

export interface ClickPesaStandInOrder {
  readonly orderReference: string;
  readonly totalPrice: string;
  readonly orderCurrency: string;
  readonly callbackUrl: string | null;
  readonly customerEmail: string | null;
  readonly linkToken: string;
  readonly checkoutLink: string;
  linkExpired: boolean;
  readonly payments: ClickPesaStandInPayment[];
}

export interface ClickPesaStandInEvent {
  readonly id: string;
  readonly event: string;
  readonly orderReference: string;
}

export interface ClickPesaStandInStats {
  readonly tokensIssued: number;
  readonly checkoutsCreated: number;
  /** API calls that reached a route, by endpoint (faulted ones included). */
  readonly calls: Readonly<Record<ClickPesaEndpoint, number>>;
  readonly deliveries: readonly StandInDelivery[];
}

export interface ClickPesaPayOptions {
  /** Default `success`: PAYMENT RECEIVED; `failed`: PAYMENT FAILED. */
  outcome?: 'success' | 'failed';
  /** Default true; false records the payment without a webhook (a lost delivery). */
  deliver?: boolean;
  /** Send the identical bytes this many times. Default 1. */
  repeat?: number;
  /** `legacy`: the older payload (`eventType`, `paymentId`, `amount`, `currency`). Default `current`. */
  format?: 'current' | 'legacy';
  /** Where the checksum travels: the body's `checksum` field (default) or an `X-ClickPesa-Checksum` header. */
  checksumIn?: 'body' | 'header';
  /** Report this collected amount (major units, e.g. "5.00") instead of the order's: a mismatch. */
  collectedAmount?: string;
}
