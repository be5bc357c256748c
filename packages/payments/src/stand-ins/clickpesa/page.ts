import { html } from 'hono/html';
import { type Html, layout } from '../common/html';
import type { ClickPesaStandInOrder } from './types';

export const PAGE_CHOICES = ['pay', 'fail'] as const;

function choiceForm(
  order: ClickPesaStandInOrder,
  choice: (typeof PAGE_CHOICES)[number],
  label: string,
): Html {
  return html`<form method="post" action="/checkout/${order.linkToken}" data-choice="${choice}">
<input type="hidden" name="choice" value="${choice}">
<button type="submit">${label}</button>
</form>`;
}

/** The stand-in for ClickPesa's hosted checkout: pay or fail, no JavaScript needed. */
export function checkoutPage(order: ClickPesaStandInOrder): Html {
  return layout(
    'ClickPesa stand-in — checkout',
    html`<h1>ClickPesa stand-in</h1>
<p>This page stands in for ClickPesa's hosted checkout. No money moves. Order <code>${order.orderReference}</code>.</p>
<p class="amount">${order.totalPrice} ${order.orderCurrency}</p>
${choiceForm(order, 'pay', 'Pay with mobile money')}
${choiceForm(order, 'fail', 'Payment fails (insufficient balance)')}`,
  );
}
