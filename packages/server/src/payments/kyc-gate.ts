import type { KycStatus } from '@hero-onboarding/generated/onboarding';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../context';
import { AppError } from '../http/errors';
import { page } from '../http/html';
import { wantsHtml } from '../http/negotiate';

const WHY: Record<KycStatus, string> = {
  pending: 'You have not verified your identity yet.',
  in_progress: 'Your identity verification is not finished yet.',
  failed: 'Your identity verification did not succeed.',
  expired: 'Your identity verification expired.',
  completed: 'Your identity is verified.',
};

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

/** The same refusal for a browser: a page that explains why and links to /kyc/start. */
export function kycRequiredResponse(c: Context<AppEnv>, error: AppError) {
  if (!wantsHtml(c)) throw error;
  const status = error.details.kyc_status as KycStatus;
  return c.html(
    page(
      'Verify your identity first',
      html`<p class="error" data-code="kyc_required" data-kyc-status="${status}">${WHY[status]}</p>
        <p>Adding money to your balance needs a verified identity. Nothing was charged.</p>
        <p><a class="button" href="/kyc/start">Verify your identity</a></p>`,
    ),
    403,
  );
}
