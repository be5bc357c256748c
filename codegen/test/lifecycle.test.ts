import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import {
  canTransitionKycSessionStatus,
  type Database,
  type KycStatus,
  kycSessionRepository,
  LifecycleError,
  userRepository,
} from '@hero-onboarding/generated/onboarding';
import type { Kysely, KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestDatabase<Database>;
beforeAll(async () => {
  t = await createTestDatabase<Database>();
});
afterAll(() => t.destroy());

// Any query built through this executor fails the test, so a passing call proved no SQL was attempted.
const noSqlPlugin: KyselyPlugin = {
  transformQuery() {
    throw new Error('no SQL expected');
  },
  transformResult: async (args) => args.result,
};
let noSql: Kysely<Database>;
beforeAll(() => {
  noSql = t.db.withPlugin(noSqlPlugin);
});

let counter = 0;
async function newSession() {
  counter++;
  const user = await userRepository.create(t.db, { email: `life${counter}@example.com` });
  return kycSessionRepository.create(t.db, {
    user_id: user.id,
    client_id: `client-${counter}`,
    last_run_at: new Date(),
  });
}

describe('lifecycle transitions', () => {
  it('an allowed transition happens once; the identical second call returns undefined', async () => {
    const session = await newSession();
    const moved = await kycSessionRepository.transitionStatus(t.db, session.id, 'pending', 'in_progress', {
      idenfy_auth_token: 'token',
    });
    expect(moved).toMatchObject({ status: 'in_progress', idenfy_auth_token: 'token' });
    expect(moved?.updated_at.getTime()).toBeGreaterThanOrEqual(session.updated_at.getTime());
    expect(
      await kycSessionRepository.transitionStatus(t.db, session.id, 'pending', 'in_progress'),
    ).toBeUndefined();
  });

  it('a stale transition (row no longer in `from`) changes nothing', async () => {
    const session = await newSession();
    await kycSessionRepository.transitionStatus(t.db, session.id, 'pending', 'in_progress');
    await kycSessionRepository.transitionStatus(t.db, session.id, 'in_progress', 'completed');
    const stale = await kycSessionRepository.transitionStatus(t.db, session.id, 'in_progress', 'expired', {
      provider_status: 'EXPIRED',
    });
    expect(stale).toBeUndefined();
    expect(await kycSessionRepository.get(t.db, session.id)).toMatchObject({
      status: 'completed',
      provider_status: null,
    });
  });

  it('a disallowed pair throws LifecycleError before any SQL', async () => {
    const session = await newSession();
    const from: KycStatus = 'completed';
    const to = 'pending' as never;
    const error = await kycSessionRepository
      .transitionStatus(noSql, session.id, from, to)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LifecycleError);
    expect(error).toMatchObject({ table: 'kyc_sessions', field: 'status', from: 'completed', to: 'pending' });
    expect(await kycSessionRepository.get(t.db, session.id)).toMatchObject({ status: 'pending' });
    await expect(kycSessionRepository.get(noSql, session.id)).rejects.toThrow('no SQL expected');
    expect(canTransitionKycSessionStatus('completed', 'pending')).toBe(false);
    expect(canTransitionKycSessionStatus('expired', 'in_progress')).toBe(true);
  });

  it('refuses a patch that tries to set the lifecycle field itself', async () => {
    const session = await newSession();
    const patch = { status: 'completed' } as never;
    await expect(
      kycSessionRepository.transitionStatus(t.db, session.id, 'pending', 'in_progress', patch),
    ).rejects.toMatchObject({
      errors: [{ field: 'status' }],
    });
    expect(await kycSessionRepository.get(t.db, session.id)).toMatchObject({ status: 'pending' });
  });

  it('20 concurrent callers racing pending -> in_progress: exactly one wins', async () => {
    const session = await newSession();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        kycSessionRepository.transitionStatus(t.db, session.id, 'pending', 'in_progress', {
          idenfy_auth_token: `token-${i}`,
        }),
      ),
    );
    const winners = results.filter((row) => row !== undefined);
    expect(winners).toHaveLength(1);
    const row = await kycSessionRepository.getOrThrow(t.db, session.id);
    expect(row.status).toBe('in_progress');
    expect(row.idenfy_auth_token).toBe(winners[0]?.idenfy_auth_token);
  });
});
