import type { SignedInAdmin } from '../context';
import type { AdminKycSession, AdminTopUp, AdminUser } from '../server-api';
import { KycSessionTable } from './kyc-sessions';
import { Layout } from './layout';
import { Balances } from './money-parts';
import { Badge, Notice, Time } from './parts';
import { TopUpTable } from './top-ups';

/** One user: their facts, their KYC sessions, and the way to reset their KYC. */
export function UserPage(props: {
  admin: SignedInAdmin | undefined;
  user: AdminUser;
  sessions: readonly AdminKycSession[];
  moreSessions: boolean;
  topUps: readonly AdminTopUp[];
  moreTopUps: boolean;
  notice: 'reset' | undefined;
}) {
  const { user } = props;
  return (
    <Layout title={user.email} admin={props.admin} section="users">
      {props.notice === 'reset' ? (
        <Notice kind="ok">KYC was reset: the user is back to pending and can verify again.</Notice>
      ) : null}
      <section class="card" aria-labelledby="facts">
        <h2 id="facts">Account</h2>
        <dl class="facts">
          <dt>KYC status</dt>
          <dd>
            <Badge value={user.kyc_status} />
          </dd>
          <dt>Verified</dt>
          <dd>
            <Time value={user.kyc_verified_at} />
          </dd>
          <dt>Balance</dt>
          <dd>
            <Balances balances={user.balances} />
          </dd>
          <dt>Role</dt>
          <dd>{user.role}</dd>
          <dt>Signed up</dt>
          <dd>
            <Time value={user.created_at} />
          </dd>
          <dt>User id</dt>
          <dd>
            <code>{user.id}</code>
          </dd>
        </dl>
        <div class="actions">
          <a class="button danger" href={`/users/${user.id}/reset`}>
            Reset KYC…
          </a>
        </div>
      </section>
      <h2>KYC sessions</h2>
      <KycSessionTable
        sessions={props.sessions}
        caption="This user's KYC sessions, newest first"
        showUser={false}
      />
      {props.moreSessions ? (
        <p>
          <a href={`/kyc?q=${encodeURIComponent(user.email)}`}>All of this user's sessions</a>
        </p>
      ) : null}
      <h2>Top-ups</h2>
      <TopUpTable topUps={props.topUps} caption="This user's top-ups, newest first" showUser={false} />
      {props.moreTopUps ? (
        <p>
          <a href={`/top-ups?q=${encodeURIComponent(user.email)}`}>All of this user's top-ups</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** The confirmation step before a reset: says what will happen, posts with the CSRF token. */
export function ResetConfirmPage(props: { admin: SignedInAdmin; user: AdminUser }) {
  const { user } = props;
  return (
    <Layout title="Reset KYC?" admin={props.admin} section="users" narrow>
      <div class="card">
        <p>
          Reset identity verification for <strong>{user.email}</strong>?
        </p>
        <p>
          Their KYC status goes back to <em>pending</em> and any verification still open is closed as failed,
          so a late result cannot complete it. They must verify again before they can top up. Their past
          sessions stay in the history.
        </p>
        <form method="post" action={`/users/${user.id}/reset`} class="actions">
          <input type="hidden" name="_csrf" value={props.admin.csrfToken} />
          <input type="hidden" name="confirm" value="reset" />
          <button type="submit" class="danger">
            Yes, reset KYC
          </button>
          <a class="button secondary" href={`/users/${user.id}`}>
            Cancel
          </a>
        </form>
      </div>
    </Layout>
  );
}
