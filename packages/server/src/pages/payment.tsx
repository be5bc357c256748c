import type { KycStatus, TopUpStatus } from '@hero-onboarding/generated/onboarding';
import { formatMoney } from '@hero-onboarding/payments';
import type { Context } from 'hono';
import type { AppEnv } from '../context';

import type { TopUpView } from '../payments/top-up-view';
import { REFRESH_SECONDS } from './kyc';
import { Layout } from './layout';
import { RefreshNote, StatusBadge } from './parts';
import { renderPage, signedInEmail } from './render';

const TITLES: Record<TopUpStatus, string> = {
  pending: 'Payment pending',
  paid: 'Payment received',
  failed: 'Payment failed',
  expired: 'Checkout expired',
  canceled: 'Checkout canceled',
  held: 'Payment held for review',
};

const PROVIDER_NAMES: Record<string, string> = { stripe: 'Stripe', clickpesa: 'ClickPesa' };
const providerName = (provider: string) => PROVIDER_NAMES[provider] ?? provider;

function TopUpFacts(props: { topUp: TopUpView }) {
  const { topUp } = props;
  return (
    <dl class="facts">
      <dt>Amount</dt>
      <dd>{formatMoney(topUp.amount_cents, topUp.currency)}</dd>
      <dt>Through</dt>
      <dd>{providerName(topUp.provider)}</dd>
      <dt>Status</dt>
      <dd>
        <StatusBadge topUp={topUp.status} />
      </dd>
    </dl>
  );
}

/** `/payment/return`: where the checkout sends the person back. While pending it reloads itself. */
export function PaymentReturnPage(props: {
  topUp: TopUpView;
  email: string | undefined;
  autoRefresh: boolean;
}) {
  const { topUp } = props;
  const self = `/payment/return?top_up=${encodeURIComponent(topUp.id)}`;
  const refreshing = props.autoRefresh && topUp.status === 'pending';
  return (
    <Layout
      title={TITLES[topUp.status]}
      email={props.email}
      refresh={refreshing ? { seconds: REFRESH_SECONDS } : undefined}
    >
      <section class="card">
        <TopUpFacts topUp={topUp} />
        <p>{topUp.message}</p>
        <p class="actions">
          {topUp.checkout_url === null ? null : (
            <a class="button" href={topUp.checkout_url}>
              Continue to checkout
            </a>
          )}
          {topUp.status === 'pending' ? (
            <a class="button secondary" href={`${self}&auto=off`}>
              Check again
            </a>
          ) : null}
          <a class={topUp.checkout_url === null ? 'button' : 'button secondary'} href="/">
            Back to your account
          </a>
        </p>
      </section>
      {refreshing ? <RefreshNote seconds={REFRESH_SECONDS} stopHref={`${self}&auto=off`} /> : null}
    </Layout>
  );
}

/**
 * Between the top-up form and the provider's checkout. A form may only lead to our own pages (the CSP's
 * `form-action 'self'` covers its redirects too), so the form's answer is this page, which goes on to the
 * checkout by itself (a meta refresh, no script) and offers the link should that not happen.
 */
export function CheckoutRedirectPage(props: {
  topUp: TopUpView;
  checkoutUrl: string;
  email: string | undefined;
}) {
  const { topUp } = props;
  return (
    <Layout title="Opening the checkout" email={props.email} refresh={{ seconds: 0, url: props.checkoutUrl }}>
      <section class="card">
        <p>
          You are adding <strong>{formatMoney(topUp.amount_cents, topUp.currency)}</strong> with{' '}
          {providerName(topUp.provider)}. Taking you to its checkout page…
        </p>
        <p class="actions">
          <a class="button" href={props.checkoutUrl}>
            Continue to checkout
          </a>
        </p>
      </section>
    </Layout>
  );
}

/** The payment gate's refusal, for a browser (403): why, and the way to `/kyc/start`. */
export function KycRequiredPage(props: { kycStatus: KycStatus; reason: string; email: string | undefined }) {
  return (
    <Layout title="Verify your identity first" email={props.email}>
      <div class="notice error" data-code="kyc_required" data-kyc-status={props.kycStatus}>
        <p>{props.reason}</p>
      </div>
      <p>Adding money to your balance needs a verified identity. Nothing was charged.</p>
      <p class="actions">
        <a class="button" href="/kyc/start">
          Verify your identity
        </a>
        <a class="button secondary" href="/">
          Back to your account
        </a>
      </p>
    </Layout>
  );
}

/** Answers `/payment/return` for a browser; `&auto=off` stops the reloading. */
export function renderPaymentReturn(c: Context<AppEnv>, topUp: TopUpView) {
  return renderPage(
    c,
    <PaymentReturnPage topUp={topUp} email={signedInEmail(c)} autoRefresh={c.req.query('auto') !== 'off'} />,
  );
}
