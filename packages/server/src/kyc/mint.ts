import {
  canTransitionKycSessionStatus,
  type KycSession,
  KycStatusValues,
  kycSessionRepository,
} from '@hero-onboarding/generated/onboarding';
import { KycProviderError, type KycSessionToken, makeClientId } from '@hero-onboarding/kyc';
import { sql } from 'kysely';
import type { KycDeps } from '../context';
import { withLockTimeout } from '../db/lock-timeout';
import { moveKycStatus } from '../users/kyc-status';
import { providerFailure } from './provider-errors';
import { byScanRef } from './queries';

export type MintResult =
  /** This caller minted and stored the token. */
  | { readonly kind: 'minted'; readonly session: KycSession }
  /** Someone else holds the lease, or stored a token first; the caller sees the stored state. */
  | { readonly kind: 'lost'; readonly session: KycSession };

/**
 * Mints a token for a session and stores it, at most once however many callers arrive together.
 *
 * A lease row-field (`mint_lease_until`), claimed with one conditional UPDATE, serialises callers across
 * processes without holding a transaction or a connection open during the slow provider call, which an
 * advisory lock would need. The lease only covers the provider call: the token is stored with a
 * compare-and-set on the scanRef it replaces, so if the lease ran out and a peer minted meanwhile, this
 * caller's token matches no row and is discarded, never shown.
 */
export async function mintToken(deps: KycDeps, session: KycSession): Promise<MintResult> {
  const { db, config } = deps;
  if (!MINTABLE_STATES.includes(session.status)) return { kind: 'lost', session };
  const claimed = await withLockTimeout(db, (trx) =>
    trx
      .updateTable('kyc_sessions')
      .set({
        mint_lease_until: sql<Date>`date_trunc('milliseconds', now() + make_interval(secs => ${config.kyc.mintLeaseSeconds}))`,
      })
      .where('id', '=', session.id)
      .where('status', 'in', MINTABLE_STATES)
      .where(byScanRef(session.idenfy_scan_ref))
      .where((eb) =>
        eb.or([eb('mint_lease_until', 'is', null), eb('mint_lease_until', '<=', sql<Date>`now()`)]),
      )
      .returning('mint_lease_until')
      .executeTakeFirst(),
  );
  if (claimed === undefined) return { kind: 'lost', session: await reread(deps, session) };

  let clientId = session.client_id;
  let token: KycSessionToken;
  try {
    token = await requestToken(deps, clientId);
  } catch (error) {
    if (!(error instanceof KycProviderError && error.kind === 'duplicate_client_id')) {
      await giveUpLease(deps, session, claimed.mint_lease_until, error);
      throw providerFailure(error);
    }
    const current = await reread(deps, session);
    if (current.idenfy_scan_ref !== session.idenfy_scan_ref) {
      // A peer whose lease ran out minted and stored first: iDenfy refused us a second live token.
      deps.logger.info('iDenfy refused a duplicate mint; using the stored peer state', {
        session_id: session.id,
      });
      return { kind: 'lost', session: current };
    }
    // iDenfy holds a live token for this client id that we never stored (an earlier call timed out after
    // iDenfy had minted). It cannot be recovered, and iDenfy refuses another for the same client id until
    // it expires, so this one mint goes out under a fresh client-id suffix instead of stranding the user.
    clientId = makeClientId(session.user_id);
    deps.logger.warn('iDenfy holds an unknown live token for this session; minting under a new client id', {
      session_id: session.id,
    });
    try {
      token = await requestToken(deps, clientId);
    } catch (retryError) {
      await giveUpLease(deps, session, claimed.mint_lease_until, retryError);
      throw providerFailure(retryError);
    }
  }

  const isRemint = session.idenfy_scan_ref !== null;
  const stored = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('kyc_sessions')
      .set((eb) => ({
        status: 'in_progress',
        client_id: clientId,
        idenfy_auth_token: token.authToken,
        idenfy_redirect_url: token.redirectUrl,
        idenfy_scan_ref: token.scanRef,
        token_expires_at: token.expiresAt,
        recreation_count: isRemint ? eb('recreation_count', '+', 1) : eb.ref('recreation_count'),
        provider_status: null,
        status_checked_at: null,
        mint_lease_until: null,
        last_run_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      }))
      .where('id', '=', session.id)
      // Not `status = session.status`: an EXPIRED webhook may move in_progress -> expired meanwhile,
      // which must not strand the token we were minting to replace exactly that expired one.
      .where('status', 'in', MINTABLE_STATES)
      .where(byScanRef(session.idenfy_scan_ref))
      .returningAll()
      .executeTakeFirst();
    if (row !== undefined) await moveKycStatus(trx, row.user_id, 'in_progress');
    return row;
  });
  if (stored === undefined) {
    deps.logger.warn('discarded a minted iDenfy token: a peer replaced the session first', {
      session_id: session.id,
    });
    return { kind: 'lost', session: await reread(deps, session) };
  }
  deps.logger.info(isRemint ? 'iDenfy token re-minted' : 'iDenfy token minted', {
    session_id: stored.id,
    recreation_count: stored.recreation_count,
  });
  return { kind: 'minted', session: stored };
}

/** States a mint may move to (or keep at) in_progress, per the generated lifecycle. */
const MINTABLE_STATES = KycStatusValues.filter(
  (s) => s === 'in_progress' || canTransitionKycSessionStatus(s, 'in_progress'),
);

function requestToken(deps: KycDeps, clientId: string): Promise<KycSessionToken> {
  const { http, idenfy } = deps.config;
  const { publicUrl } = http;
  return deps.kycProvider.createSession({
    clientId,
    callbackUrl: `${publicUrl}/webhooks/idenfy`,
    successUrl: `${publicUrl}/kyc/return`,
    errorUrl: `${publicUrl}/kyc/return`,
    unverifiedUrl: `${publicUrl}/kyc/return`,
    expiryTimeSeconds: idenfy.tokenExpirySeconds,
  });
}

/**
 * After a failed token call. When iDenfy surely minted nothing (it refused, or could not be reached) the
 * lease is given back so the next caller can try at once. After a timeout or an unreadable answer iDenfy
 * may have minted anyway, so the lease is kept to its end: at most one such call per lease period.
 */
async function giveUpLease(deps: KycDeps, session: KycSession, leaseUntil: Date | null, error: unknown) {
  deps.logger.warn('iDenfy token creation failed', { session_id: session.id, error });
  const uncertain =
    error instanceof KycProviderError && (error.kind === 'timeout' || error.kind === 'bad_response');
  if (uncertain || leaseUntil === null) return;
  // The lease value is truncated to milliseconds when claimed, so it round-trips through a JS Date.
  await deps.db
    .updateTable('kyc_sessions')
    .set({ mint_lease_until: null })
    .where('id', '=', session.id)
    .where('mint_lease_until', '=', leaseUntil)
    .execute();
}

async function reread(deps: KycDeps, session: KycSession): Promise<KycSession> {
  return (await kycSessionRepository.get(deps.db, session.id)) ?? session;
}
