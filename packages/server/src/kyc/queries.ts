import type { Database, KycSession } from '@hero-onboarding/generated/onboarding';
import type { ExpressionBuilder, Kysely } from 'kysely';

/** `idenfy_scan_ref IS NOT DISTINCT FROM $1`: the compare-and-set key, which is null before the first mint. */
export function byScanRef(scanRef: string | null) {
  return (eb: ExpressionBuilder<Database, 'kyc_sessions'>) =>
    scanRef === null ? eb('idenfy_scan_ref', 'is', null) : eb('idenfy_scan_ref', '=', scanRef);
}

/** The user's newest session: the one every KYC route talks about. */
export async function currentSession(db: Kysely<Database>, userId: string): Promise<KycSession | undefined> {
  return db
    .selectFrom('kyc_sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
