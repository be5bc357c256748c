import { html } from 'hono/html';
import { page } from '../http/html';
import type { KycView } from './kyc-view';

const TITLES: Record<KycView['status'], string> = {
  pending: 'Identity verification',
  in_progress: 'Verification in progress',
  completed: 'Identity verified',
  failed: 'Verification failed',
  expired: 'Verification expired',
};

/** The page iDenfy sends the person back to: where they stand and the one next step. */
export function statusPage(view: KycView) {
  const next =
    view.verification_url !== null
      ? html`<p><a class="button" href="${view.verification_url}">Continue verification</a></p>`
      : view.can_reset
        ? html`<form method="post" action="/kyc/reset"><button type="submit">Start over</button></form>`
        : view.status === 'completed'
          ? html`<p><a class="button" href="/">Continue</a></p>`
          : html`<p><a class="button" href="/kyc/start">Start verification</a></p>`;
  return page(
    TITLES[view.status],
    html`<p class="status" data-status="${view.status}">Status: ${view.status.replace('_', ' ')}</p>
      <p>${view.message}</p>
      ${next}`,
  );
}
