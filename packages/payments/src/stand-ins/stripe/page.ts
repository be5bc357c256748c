import { html } from 'hono/html';
import { displayAmount } from '../common/display';
import { type Html, layout } from '../common/html';
import type { SessionRecord } from './store';

export const PAGE_CHOICES = ['pay', 'later_succeeds', 'later_fails', 'cancel', 'expire'] as const;
export type PageChoice = (typeof PAGE_CHOICES)[number];

function choiceForm(record: SessionRecord, choice: PageChoice, label: string, note: string): Html {
  return html`<form method="post" action="/c/pay/${record.id}" data-choice="${choice}">
<input type="hidden" name="choice" value="${choice}">
<button type="submit">${label}</button> <span class="note">${note}</span>
</form>`;
}

/** The stand-in for Stripe's hosted checkout: one form per outcome, no JavaScript needed. */
export function checkoutPage(record: SessionRecord): Html {
  return layout(
    'Stripe stand-in — checkout',
    html`<h1>Stripe stand-in</h1>
<p>This page stands in for Stripe Checkout. Nothing is charged. Session <code>${record.id}</code>.</p>
<p class="amount">${displayAmount(record.amountTotal, record.currency)}</p>
<p>${record.productName}</p>
${choiceForm(record, 'pay', 'Pay', 'a card payment that succeeds at once')}
${choiceForm(record, 'later_succeeds', 'Pay later — succeeds', 'an async method: completed unpaid, then async_payment_succeeded')}
${choiceForm(record, 'later_fails', 'Pay later — fails', 'an async method: completed unpaid, then async_payment_failed')}
${choiceForm(record, 'cancel', 'Cancel', 'back to the shop; the session stays open until it expires')}
${choiceForm(record, 'expire', 'Let it expire', 'the session expires now (checkout.session.expired)')}`,
  );
}
