import type { KycSession } from '@hero-onboarding/generated/onboarding';

/** A KYC session as admins see it: provider status and tags, never the user's auth token. */
export function adminSessionView(session: KycSession, userEmail: string | null) {
  return {
    id: session.id,
    user_id: session.user_id,
    user_email: userEmail,
    client_id: session.client_id,
    status: session.status,
    provider_status: session.provider_status,
    provider_tags: session.provider_tags ?? null,
    idenfy_scan_ref: session.idenfy_scan_ref,
    token_expires_at: session.token_expires_at?.toISOString() ?? null,
    recreation_count: session.recreation_count,
    last_run_at: session.last_run_at.toISOString(),
    created_at: session.created_at.toISOString(),
    updated_at: session.updated_at.toISOString(),
  };
}
