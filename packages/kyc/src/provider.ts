/**
 * The KYC provider port: everything the server needs from an identity-verification service.
 * `IdenfyProvider` implements it over HTTP; pointed at the iDenfy simulator it exercises the
 * same code path without an iDenfy account.
 */

/** Every overall status iDenfy reports, in its own spelling. */
export const KYC_OVERALL_STATUSES = [
  'APPROVED',
  'DENIED',
  'SUSPECTED',
  'REVIEWING',
  'ACTIVE',
  'EXPIRED',
] as const;
export type KycOverall = (typeof KYC_OVERALL_STATUSES)[number];

/** A request body as received: raw bytes (preferred, what signatures cover) or their UTF-8 text. */
export type RawBody = Uint8Array | string;

/** Asks the provider for a new verification session (one token, one verification credit). */
export interface KycSessionRequest {
  /** ASCII, at most 100 characters; see `makeClientId`. */
  clientId: string;
  /** Where the result webhook is delivered (otherwise the provider's dashboard setting). */
  callbackUrl?: string;
  successUrl?: string;
  errorUrl?: string;
  unverifiedUrl?: string;
  /** How long the token stays usable before it is started (provider default: 3600). */
  expiryTimeSeconds?: number;
  /** How long the user has once they start (provider default: 600). */
  sessionLengthSeconds?: number;
  locale?: string;
}

/** A freshly minted session. `authToken` is a bearer credential: never log it. */
export interface KycSessionToken {
  authToken: string;
  /** The provider's stable reference for this verification (a UUID at iDenfy). */
  scanRef: string;
  clientId: string;
  /** Where to send the user's browser. Contains the token. */
  redirectUrl: string;
  /** Measured from just before the token call, so it errs on the early side. */
  expiresAt: Date;
  expiryTimeSeconds: number;
  sessionLengthSeconds: number;
}

/**
 * What the status endpoint says now. Use it only as a fallback when a webhook seems missed:
 * iDenfy restricts clients that poll it.
 */
export interface KycStatusReport {
  scanRef: string;
  /** Empty when the provider's answer leaves it out. */
  clientId: string;
  status: KycOverall;
  /** iDenfy's `final` when it sends one; otherwise true for all but ACTIVE and REVIEWING. */
  final: boolean;
  autoDocument: string | null;
  autoFace: string | null;
  manualDocument: string | null;
  manualFace: string | null;
  fraudTags: string[];
  mismatchTags: string[];
}

/**
 * A parsed result webhook. Personal `data` fields (names, document numbers, ...) are deliberately
 * not part of this type: the product does not store them.
 */
export interface KycWebhook {
  scanRef: string;
  clientId: string;
  /** `clientId` with its timestamp suffix removed (see `userIdFromClientId`). */
  userId: string;
  /** When false, another webhook (a manual review) follows for this verification. */
  final: boolean;
  overall: KycOverall;
  suspicionReasons: string[];
  denyReasons: string[];
  fraudTags: string[];
  mismatchTags: string[];
  autoDocument: string | null;
  autoFace: string | null;
  manualDocument: string | null;
  manualFace: string | null;
  startTime?: Date;
  finishTime?: Date;
}

export interface ParseError {
  code: 'malformed_json' | 'invalid_payload';
  /** Names the offending field, never its value. */
  message: string;
}

export type ParseResult<T> = { success: true; data: T } | { success: false; error: ParseError };

/**
 * The port. `createSession` and `fetchStatus` reject with `KycProviderError` (see its `kind`);
 * `verifyWebhook` and `parseWebhook` never throw.
 *
 * @example
 * const token = await kyc.createSession({ clientId: makeClientId(user.id), callbackUrl });
 * // later, in the webhook route, over the raw bytes:
 * if (!kyc.verifyWebhook(raw, c.req.header('Idenfy-Signature'))) return c.body(null, 401);
 * const parsed = kyc.parseWebhook(raw);
 */
export interface KycProvider {
  createSession(request: KycSessionRequest): Promise<KycSessionToken>;
  fetchStatus(scanRef: string): Promise<KycStatusReport>;
  /**
   * Where to send the person for a token minted earlier (the same URL `createSession` returned as
   * `redirectUrl`), so a stored token can be resumed without storing the URL too.
   */
  verificationUrl(authToken: string): string;
  /** Checks the signature over the exact bytes received; a missing signature is `false`. */
  verifyWebhook(rawBody: RawBody, signature: string | undefined): boolean;
  parseWebhook(rawBody: RawBody): ParseResult<KycWebhook>;
}
