import type { TestStack } from './stack';

/** The session row behind a user, straight from the database. */
export async function sessionsOf(stack: TestStack, userId: string) {
  return stack.db
    .selectFrom('kyc_sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'asc')
    .execute();
}

export async function userRow(stack: TestStack, userId: string) {
  return stack.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
}

/** Signs in and starts KYC; returns the scanRef iDenfy (the simulator) issued. */
export async function signInAndStart(stack: TestStack, email: string) {
  const { client, user } = await stack.signIn(email);
  const start = await client.get('/kyc/start');
  if (start.status !== 302) throw new Error(`kyc/start answered ${start.status}: ${start.text}`);
  const [session] = await sessionsOf(stack, user.id);
  if (session?.idenfy_scan_ref == null) throw new Error('no session was minted');
  return {
    client,
    user,
    session,
    scanRef: session.idenfy_scan_ref,
    location: start.headers.get('location') ?? '',
  };
}
