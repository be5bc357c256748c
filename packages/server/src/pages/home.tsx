import { formatMoney } from '@hero-onboarding/payments';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context';

import { type Account, accountOf } from './account';
import type { FormError } from './fields';
import { KycNextStep, KycSentence } from './kyc';
import { Layout } from './layout';
import { ErrorSummary, Notice, StatusBadge } from './parts';
import { renderPage } from './render';
import { SignInPage } from './sign-in';
import { topUpChoices } from './top-up-choices';
import { TopUpForm, type TopUpFormProps } from './top-up-form';

const currencyName = (code: string) => new Intl.DisplayNames('en', { type: 'currency' }).of(code) ?? code;

/** `/` for a signed-in person: their KYC and its next step, their balances, and the top-up form. */
export function HomePage(props: {
  account: Account;
  topUp: Omit<TopUpFormProps, 'error'>;
  error?: FormError | undefined;
}) {
  const { account, error } = props;
  const { kyc } = account;
  const verified = kyc.status === 'completed';
  return (
    <Layout title="Your account" email={account.user.email} hasError={error !== undefined}>
      <ErrorSummary error={error} />
      <section class="card" aria-labelledby="kyc-heading">
        <h2 id="kyc-heading">Identity verification</h2>
        <p class="status-line">
          <span>Status:</span> <StatusBadge kyc={kyc.status} />
        </p>
        <KycSentence kyc={kyc} onHome={true} />
        <KycNextStep kyc={kyc} onHome={true} />
      </section>
      <section class="card" aria-labelledby="balance-heading">
        <h2 id="balance-heading">Balance</h2>
        {account.balances.length === 0 ? (
          <p class="muted">No money added yet.</p>
        ) : (
          <ul class="balances">
            {account.balances.map((balance) => (
              <li data-currency={balance.currency}>
                <span>{currencyName(balance.currency)}</span>
                <span class="amount">{formatMoney(balance.amount_cents, balance.currency)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="top-up-heading">
        <h2 id="top-up-heading">Add money</h2>
        {verified ? null : (
          <Notice kind="info">
            <p>Adding money needs a verified identity: verify first, then come back here.</p>
          </Notice>
        )}
        <TopUpForm {...props.topUp} error={error} />
      </section>
    </Layout>
  );
}

/**
 * Answers `/` (and a refused top-up form, with what was typed and why): the account for a signed-in
 * person, the sign-in form for anyone else.
 */
export async function renderHome(
  c: Context<AppEnv>,
  refused?: { values: TopUpFormProps['values']; error: FormError; status: ContentfulStatusCode },
) {
  const viewer = c.get('viewer');
  if (viewer.kind !== 'user') return renderPage(c, <SignInPage />);
  const deps = c.get('deps');
  const account = await accountOf(deps, viewer.user);
  return renderPage(
    c,
    <HomePage
      account={account}
      topUp={{ ...topUpChoices(deps), values: refused?.values }}
      error={refused?.error}
    />,
    refused?.status,
  );
}
