import type { KycOverall } from './provider';

/** What a provider result means for the product's KycSession / User status. */
export type KycOutcome = 'completed' | 'failed' | 'expired' | 'in_progress';

export interface KycOutcomeOptions {
  /**
   * SUSPECTED means the document and face checks passed but a fraud or mismatch tag was raised;
   * iDenfy leaves the decision to the integrator. Default true: completes KYC (tags stay visible
   * to admins). False: SUSPECTED fails it.
   */
  suspectedCompletes?: boolean;
}

/**
 * Maps an overall status and the webhook's `final` flag to the product outcome.
 *
 * @example
 * kycOutcome('APPROVED', true); // 'completed'
 * kycOutcome('APPROVED', false); // 'in_progress' — an automated result a reviewer may overturn
 * kycOutcome('SUSPECTED', true, { suspectedCompletes: false }); // 'failed'
 */
export function kycOutcome(
  overall: KycOverall,
  final: boolean,
  { suspectedCompletes = true }: KycOutcomeOptions = {},
): KycOutcome {
  // An expired token is dead whether or not more webhooks could follow; the caller may re-mint.
  if (overall === 'EXPIRED') return 'expired';
  if (!final) return 'in_progress';
  switch (overall) {
    case 'APPROVED':
      return 'completed';
    case 'SUSPECTED':
      return suspectedCompletes ? 'completed' : 'failed';
    case 'DENIED':
      return 'failed';
    case 'REVIEWING':
    case 'ACTIVE':
      return 'in_progress';
  }
}
