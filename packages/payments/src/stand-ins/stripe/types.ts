import type { StandInDelivery } from '../common/delivery';

export interface StripeStandInOptions {
  /** The only API key accepted (`Authorization: Bearer <key>`). */
  secretKey: string;
  /** Signs every webhook, as `Stripe-Signature: t=...,v1=...`. */
  webhookSecret: string;
  /** Where events are POSTed; none = recorded, not sent. */
  webhookUrl?: string;
  /** Base of the hosted checkout `url`; default: the origin the create call was sent to. */
  publicUrl?: string;
  /**
   * After "pay later" on the hosted page, the async result follows after this many ms. Default 2000;
   * `null` waits for `settle()` / the control API instead.
   */
  asyncSettleMs?: number | null;
  /** Clock (ms) for `created`, `expires_at` and signatures; tests pin it. */
  now?: () => number;
}

export type SessionStatus = 'open' | 'complete' | 'expired';
export type IntentStatus = 'processing' | 'succeeded' | 'requires_payment_method';

/** A snapshot of one Checkout Session as the stand-in holds it. */
export interface StripeStandInSession {
  readonly id: string;
  readonly status: SessionStatus;
  readonly paymentStatus: 'paid' | 'unpaid';
  readonly paymentIntent: { readonly id: string; readonly status: IntentStatus } | null;
  readonly amountTotal: number;
  /** Lower case, as Stripe writes it. */
  readonly currency: string;
  readonly clientReferenceId: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly customerEmail: string | null;
  readonly successUrl: string;
  readonly cancelUrl: string | null;
  /** Unix seconds. */
  readonly created: number;
  readonly expiresAt: number;
  readonly url: string;
}

export interface StripeStandInEvent {
  readonly id: string;
  readonly type: string;
  readonly sessionId: string;
  readonly created: number;
}

export interface StripeStandInStats {
  readonly sessionsCreated: number;
  /** API calls that reached a route, by endpoint (faulted ones included). */
  readonly calls: Readonly<Record<StripeEndpoint, number>>;
  readonly events: number;
  readonly deliveries: readonly StandInDelivery[];
}

export const STRIPE_ENDPOINTS = ['create_session', 'retrieve_session'] as const;
export type StripeEndpoint = (typeof STRIPE_ENDPOINTS)[number];

export interface DeliverOptions {
  /** Default true; false records the event without sending it (a lost webhook). */
  deliver?: boolean;
  /** Send the identical bytes this many times. Default 1. */
  repeat?: number;
}

export interface PayOptions extends DeliverOptions {
  /** Report this amount instead of the session's (a tampered or mismatched payment). */
  amountTotal?: number;
  /** Report this currency (lower case) instead of the session's. */
  currency?: string;
}

export interface PayLaterOptions extends DeliverOptions {
  /** Settle the async payment right after completing it. Default: left processing for `settle()`. */
  outcome?: 'succeeded' | 'failed';
  /** With `outcome`: send the async result first and `completed` after it, as a slow retry arrives. */
  outOfOrder?: boolean;
}

export interface RedeliverOptions {
  /** Default 1. */
  times?: number;
  /** Sign with a timestamp this far in the past (a replay outside the tolerance). Default 0. */
  signedSecondsAgo?: number;
}
