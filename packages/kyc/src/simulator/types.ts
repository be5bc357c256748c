import type { KycOverall } from '../provider';

/** Results a simulated verification can end in (ACTIVE is where every session starts). */
export type SimOutcome = Exclude<KycOverall, 'ACTIVE'>;
export const SIM_OUTCOMES: readonly SimOutcome[] = [
  'APPROVED',
  'DENIED',
  'SUSPECTED',
  'REVIEWING',
  'EXPIRED',
];

export interface IdenfySimulatorOptions {
  apiKey: string;
  apiSecret: string;
  /** Signs every webhook the simulator sends. */
  webhookSecret: string;
  /** Used when a token request names no callbackUrl. */
  defaultCallbackUrl?: string;
  /** Base of `redirectUrl`; default: the origin the token request was sent to. */
  publicUrl?: string;
  /** Clock for token expiry; tests pin it. Natural-expiry webhooks still fire on real timers. */
  now?: () => number;
}

/** A snapshot of one simulated session. `authToken` is a fake credential, fine to use in tests. */
export interface SimSession {
  readonly scanRef: string;
  readonly clientId: string;
  readonly authToken: string;
  readonly status: KycOverall;
  readonly final: boolean;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly expiryTimeSeconds: number;
  readonly sessionLengthSeconds: number;
  readonly callbackUrl?: string;
  readonly successUrl?: string;
  readonly errorUrl?: string;
  readonly unverifiedUrl?: string;
  readonly locale?: string;
}

/** One webhook delivery and what the receiver answered (`status: null` when it never answered). */
export interface SimDelivery {
  readonly scanRef: string;
  readonly overall: KycOverall;
  readonly final: boolean;
  readonly status: number | null;
  readonly error?: 'no_callback_url' | 'network' | 'timeout';
}

export interface SimStats {
  readonly tokensMinted: number;
  readonly statusCalls: number;
  readonly deliveries: readonly SimDelivery[];
}

/**
 * Failure injection. `setFaults` replaces the whole set; the `next*` faults fire once.
 * `tokenDelayMs` holds every token call open (before minting) until changed.
 */
export interface SimFaults {
  nextTokenStatus?: 401 | 409 | 429 | 500;
  /** The next token call answers 200 with a body that is not iDenfy's contract. */
  nextTokenMalformed?: boolean;
  tokenDelayMs?: number;
  nextStatusCallStatus?: 401 | 429 | 500;
}

export interface CompleteOptions {
  overall: SimOutcome;
  /** Default true, except for REVIEWING, which is never final. */
  final?: boolean;
  /** Send the identical signed bytes this many times (iDenfy retries). Default 1. */
  repeat?: number;
  /** Wait this long before delivering. */
  delayMs?: number;
  /**
   * First send a preliminary `final: false` result, as iDenfy's automated check does before a
   * manual review: `true` sends REVIEWING, or name the automated result.
   */
  withAuto?: boolean | Exclude<SimOutcome, 'EXPIRED'>;
  /**
   * Default true. `false` records the result (so /api/v2/status reports it) without sending any
   * webhook: a lost delivery, for testing the status-check fallback.
   */
  deliver?: boolean;
}

export interface ExpireOptions {
  /** Send the EXPIRED webhook. Default true. */
  notify?: boolean;
}

export type SimulatorErrorCode =
  | 'UNAUTHORIZED'
  | 'MISSING_VALUE'
  | 'BAD_VALUE'
  | 'JSON_ERROR'
  | 'DUPLICATE_CLIENT_ID'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_ERROR'
  | 'NOT_FOUND'
  | 'TOKEN_NOT_VALID';

/** The simulator's one error type, rendered by the app in iDenfy's `{ identifier, message }` shape. */
export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 410 | 429 | 500,
    readonly identifier: SimulatorErrorCode,
    message: string,
  ) {
    super(message);
  }
}
