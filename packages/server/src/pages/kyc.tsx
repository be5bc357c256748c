import type { Context } from 'hono';
import type { AppEnv } from '../context';
import type { KycView } from '../kyc/kyc-view';
import { isSettling } from '../kyc/kyc-view';
import { Layout } from './layout';
import { Notice, RefreshNote, StatusBadge } from './parts';
import { renderPage, signedInEmail } from './render';

/** How often a page waiting for a result reloads itself. */
export const REFRESH_SECONDS = 5;

const TITLES: Record<KycView['status'], string> = {
  pending: 'Identity verification',
  in_progress: 'Verification in progress',
  completed: 'Identity verified',
  failed: 'Verification failed',
  expired: 'Verification expired',
};

const verifiedOn = (at: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(at));

/** Where the person stands, in a sentence for this page (the API's `message` is written for the link-holder). */
export function KycSentence(props: { kyc: KycView; onHome: boolean }) {
  const { kyc, onHome } = props;
  if (kyc.status === 'completed') {
    const when = kyc.verified_at === null ? '' : ` on ${verifiedOn(kyc.verified_at)}`;
    return <p>{`Your identity was verified${when}${onHome ? ': you can add money.' : '.'}`}</p>;
  }
  if (kyc.verification_url !== null)
    return (
      <p>
        {onHome
          ? 'You started verifying your identity. Continue where you left off.'
          : 'If you finished on the verification page, the result arrives in a few seconds. If not, continue where you left off.'}
      </p>
    );
  return <p>{kyc.message}</p>;
}

/**
 * The one next step for where the person stands. The way back into iDenfy is always `/kyc/start`, which
 * redirects to the verification page: its URL carries iDenfy's token, and no page of ours ever does.
 */
export function KycNextStep(props: { kyc: KycView; onHome: boolean }) {
  const { kyc } = props;
  if (kyc.status === 'completed')
    return props.onHome ? null : (
      <p class="actions">
        <a class="button" href="/">
          Go to your account
        </a>
      </p>
    );
  if (kyc.verification_url !== null)
    return (
      <p class="actions">
        <a class="button" href="/kyc/start">
          Continue verification
        </a>
        {props.onHome ? (
          <a class="button secondary" href="/kyc/return">
            Check the result
          </a>
        ) : null}
      </p>
    );
  if (kyc.can_reset)
    return (
      <form class="actions" method="post" action="/kyc/reset">
        <button type="submit">Start over</button>
      </form>
    );
  if (isSettling(kyc))
    return (
      <p class="actions">
        <a class="button secondary" href="/kyc/return">
          Check again
        </a>
      </p>
    );
  return (
    <p class="actions">
      <a class="button" href="/kyc/start">
        Verify your identity
      </a>
    </p>
  );
}

/**
 * `/kyc/return`, where iDenfy sends the person back: the status, the next step, and (while a result may
 * still arrive) a reload every few seconds that stops by itself once the verification is done.
 */
export function KycReturnPage(props: { kyc: KycView; email: string | undefined; autoRefresh: boolean }) {
  const { kyc } = props;
  const refreshing = props.autoRefresh && isSettling(kyc);
  return (
    <Layout
      title={TITLES[kyc.status]}
      email={props.email}
      refresh={refreshing ? { seconds: REFRESH_SECONDS } : undefined}
    >
      <section class="card" aria-labelledby="kyc-status">
        <p class="status-line" id="kyc-status">
          <span>Status:</span> <StatusBadge kyc={kyc.status} />
        </p>
        <KycSentence kyc={kyc} onHome={false} />
        {kyc.status === 'completed' ? (
          <Notice kind="ok">
            <p>You can now add money to your balance.</p>
          </Notice>
        ) : null}
        <KycNextStep kyc={kyc} onHome={false} />
      </section>
      {refreshing ? <RefreshNote seconds={REFRESH_SECONDS} stopHref="/kyc/return?auto=off" /> : null}
      {!props.autoRefresh && isSettling(kyc) ? (
        <p>
          <a href="/kyc/return?auto=off">Check again</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** Answers `/kyc/return` for a browser; `?auto=off` stops the reloading. */
export function renderKycReturn(c: Context<AppEnv>, kyc: KycView) {
  return renderPage(
    c,
    <KycReturnPage kyc={kyc} email={signedInEmail(c)} autoRefresh={c.req.query('auto') !== 'off'} />,
  );
}
