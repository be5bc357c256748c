import { html } from 'hono/html';
import { page } from '../http/html';
import { formatMoney, type TopUpView } from './top-up-view';

const TITLES: Record<TopUpView['status'], string> = {
  pending: 'Payment pending',
  paid: 'Payment received',
  failed: 'Payment failed',
  expired: 'Checkout expired',
  canceled: 'Checkout canceled',
  held: 'Payment held for review',
};

/** Where the provider sends the person back: the top-up's status and the one next step. */
export function returnPage(view: TopUpView) {
  const next =
    view.checkout_url !== null
      ? html`<p><a class="button" href="${view.checkout_url}">Continue to checkout</a></p>
          <p><a href="/payment/return?top_up=${view.id}">Check again</a></p>`
      : html`<p><a class="button" href="/">Continue</a></p>`;
  return page(
    TITLES[view.status],
    html`<p class="status" data-status="${view.status}">
        ${formatMoney(view.amount_cents, view.currency)} via ${view.provider}: ${view.status}
      </p>
      <p>${view.message}</p>
      ${next}`,
  );
}
