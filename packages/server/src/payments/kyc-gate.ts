import type { KycStatus } from '@hero-onboarding/generated/onboarding';
import { AppError } from '../http/errors';

const WHY: Record<KycStatus, string> = {
  pending: 'You have not verified your identity yet.',
  in_progress: 'Your identity verification is not finished yet.',
  failed: 'Your identity verification did not succeed.',
  expired: 'Your identity verification expired.',
  completed: 'Your identity is verified.',
};

/** Why the gate refuses a person in this KYC status, in one sentence (the API's message and the page's). */
export const kycGateReason = (status: KycStatus): string => WHY[status];

/** The gate's refusal for API clients: 403 `kyc_required`, with where the person stands and where to go. */
export function kycRequired(status: KycStatus): AppError {
  return new AppError(
    403,
    'kyc_required',
    `${WHY[status]} Verify your identity before adding money.`,
    {},
    { kyc_status: status, kyc_url: '/kyc/start' },
  );
}
