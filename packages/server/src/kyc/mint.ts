import {
  canTransitionKycSessionStatus,
  type KycSession,
  kycSessionRepository,
} from '@hero-onboarding/generated/onboarding';
import { IdenfyError } from '@hero-onboarding/kyc';
import { sql } from 'kysely';
import type { AppDeps } from '../context';
import { providerFailure } from './provider-errors';
import { byScanRef, withLockTimeout } from './queries';

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
export async function mintToken(deps: AppDeps, session: KycSession): Promise<MintResult> {
  const { db, config } = deps;
  // Minting moves the session to in_progress (or keeps it there): only where the lifecycle allows it.
  if (session.status !== 'in_progress' && !canTransitionKycSessionStatus(session.status, 'in_progress')) {
    return { kind: 'lost', session };
  }
  const claimed = await withLockTimeout(db, (trx) =>
    trx
      .updateTable('kyc_sessions')
      .set({
        mint_lease_until: sql<Date>`date_trunc('milliseconds', now() + make_interval(secs => ${config.kyc.mintLeaseSeconds}))`,
      })
      .where('id', '=', session.id)
      .where('status', '=', session.status)
      .where(byScanRef(session.idenfy_scan_ref))
      .where((eb) =>
        eb.or([eb('mint_lease_until', 'is', null), eb('mint_lease_until', '<=', sql<Date>`now()`)]),
      )
      .returning('mint_lease_until')
      .executeTakeFirst(),
  );
  if (claimed === undefined) return { kind: 'lost', session: await reread(deps, session) };

  let token: Awaited<ReturnType<AppDeps['kycProvider']['createSession']>>;
  try {
    token = await deps.kycProvider.createSession({
      clientId: session.client_id,
      callbackUrl: `${config.publicUrl}/webhooks/idenfy`,
      successUrl: `${config.publicUrl}/kyc/return`,
      errorUrl: `${config.publicUrl}/kyc/return`,
      unverifiedUrl: `${config.publicUrl}/kyc/return`,
      expiryTimeSeconds: config.idenfy.tokenExpirySeconds,
    });
  } catch (error) {
    // Give the lease back at once so the next caller can try instead of waiting it out. The lease value
    // is truncated to milliseconds when claimed, so it round-trips through a JS Date and matches here.
    await db
      .updateTable('kyc_sessions')
      .set({ mint_lease_until: null })
      .where('id', '=', session.id)
      .where('mint_lease_until', '=', claimed.mint_lease_until)
      .execute();
    if (error instanceof IdenfyError && error.kind === 'duplicate_client_id') {
      // iDenfy already holds a live token for this client id: a peer whose lease ran out minted it.
      deps.logger.info('iDenfy refused a duplicate mint; using the stored peer state', {
        session_id: session.id,
      });
      return { kind: 'lost', session: await reread(deps, session) };
    }
    deps.logger.warn('iDenfy token creation failed', { session_id: session.id, error });
    throw providerFailure(error);
  }

  const isRemint = session.idenfy_scan_ref !== null;
  const stored = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('kyc_sessions')
      .set((eb) => ({
        status: 'in_progress',
        idenfy_auth_token: token.authToken,
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
      .where('status', '=', session.status)
      .where(byScanRef(session.idenfy_scan_ref))
      .returningAll()
      .executeTakeFirst();
    if (row !== undefined) {
      await trx
        .updateTable('users')
        .set({ kyc_status: 'in_progress', updated_at: sql<Date>`now()` })
        .where('id', '=', row.user_id)
        .where('kyc_status', 'in', ['pending', 'in_progress', 'expired'])
        .execute();
    }
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

async function reread(deps: AppDeps, session: KycSession): Promise<KycSession> {
  return (await kycSessionRepository.get(deps.db, session.id)) ?? session;
}
