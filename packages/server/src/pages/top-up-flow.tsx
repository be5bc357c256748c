import type { KycStatus } from '@hero-onboarding/generated/onboarding';
import { topUpRepository } from '@hero-onboarding/generated/onboarding';
import type { Context } from 'hono';
import { requireUser } from '../auth/viewer';
import type { AppEnv } from '../context';
import { AppError } from '../http/errors';
import { isUuid } from '../http/ids';
import { readObjectBody } from '../http/json-body';
import { openTopUp } from '../payments/intent.service';
import { readTopUpInput } from '../payments/intent-input';
import { kycGateReason } from '../payments/kyc-gate';
import { topUpView } from '../payments/top-up-view';
import { formErrorOf } from './form-error';
import { renderHome } from './home';
import { CheckoutRedirectPage, KycRequiredPage } from './payment';
import { renderPage } from './render';

/**
 * The top-up form's side of `POST /payment/intent` (browsers; API clients get JSON from the same route).
 * The gate comes first, before the body is read. A good form is answered 303 to `/payment/checkout`,
 * which goes on to the provider; a refused one re-renders the account page with what was typed and why.
 */
export async function topUpFromPage(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const { user } = requireUser(c);
  if (user.kyc_status !== 'completed') return renderGate(c, user.kyc_status);
  const body = await readObjectBody(c);
  try {
    const input = readTopUpInput(body, deps.config.payments, deps.paymentProviders);
    const { topUp } = await openTopUp(deps, user, input);
    return c.redirect(`/payment/checkout?top_up=${topUp.id}`, 303);
  } catch (error) {
    if (!(error instanceof AppError) || error.status === 401) throw error;
    // The gate again: KYC is re-read, locked, when the row is created (a reset may have raced us).
    if (error.code === 'kyc_required') return renderGate(c, error.details.kyc_status as KycStatus);
    const text = (field: string) =>
      typeof body[field] === 'string' ? (body[field] as string).slice(0, 40) : '';
    return renderHome(c, {
      values: { amount: text('amount_decimal'), currency: text('currency'), provider: text('provider') },
      error: formErrorOf(c, error),
      status: error.status,
    });
  }
}

function renderGate(c: Context<AppEnv>, status: KycStatus) {
  const { user } = requireUser(c);
  return renderPage(
    c,
    <KycRequiredPage kycStatus={status} reason={kycGateReason(status)} email={user.email} />,
    403,
  );
}

/**
 * `GET /payment/checkout?top_up=`: the person's own open top-up, on its way to the provider's checkout.
 * Anything no longer payable goes to its status page instead.
 */
export async function checkoutPage(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const { user } = requireUser(c);
  const id = c.req.query('top_up') ?? '';
  const row = isUuid(id) ? await topUpRepository.get(deps.db, id) : undefined;
  if (row === undefined || row.user_id !== user.id) throw new AppError(404, 'not_found', 'No such top-up.');
  const topUp = topUpView(row, deps.now());
  const url = topUp.checkout_url;
  // Only a web address may go into the refresh: never a `javascript:` or other scheme from anywhere.
  if (url === null || !/^https?:\/\//i.test(url))
    return c.redirect(`/payment/return?top_up=${topUp.id}`, 303);
  return renderPage(c, <CheckoutRedirectPage topUp={topUp} checkoutUrl={url} email={user.email} />);
}
