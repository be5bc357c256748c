import type { Database, KycSessionStatusNext, TopUpStatusNext } from '@hero-onboarding/generated/onboarding';
import { kycSessionRepository, topUpRepository } from '@hero-onboarding/generated/onboarding';
import type { Kysely } from 'kysely';
import { describe, expectTypeOf, it } from 'vitest';

declare const db: Kysely<Database>;
declare const id: string;

describe('lifecycle types', () => {
  it('restricts `to` to the next states of `from`', () => {
    expectTypeOf<KycSessionStatusNext<'pending'>>().toEqualTypeOf<'in_progress' | 'failed'>();
    expectTypeOf<KycSessionStatusNext<'completed'>>().toEqualTypeOf<never>();
    expectTypeOf<TopUpStatusNext<'pending'>>().toEqualTypeOf<
      'paid' | 'failed' | 'expired' | 'canceled' | 'held'
    >();
    expectTypeOf<TopUpStatusNext<'paid'>>().toEqualTypeOf<never>();
  });

  it('compiles an allowed transition and rejects a disallowed one', () => {
    expectTypeOf(
      kycSessionRepository.transitionStatus(db, id, 'pending', 'in_progress'),
    ).resolves.toEqualTypeOf<Awaited<ReturnType<typeof kycSessionRepository.get>>>();
    // @ts-expect-error completed is final: nothing may follow it
    kycSessionRepository.transitionStatus(db, id, 'completed', 'pending');
    // @ts-expect-error pending cannot jump to completed
    kycSessionRepository.transitionStatus(db, id, 'pending', 'completed');
    // @ts-expect-error a paid top-up cannot become pending again
    topUpRepository.transitionStatus(db, id, 'paid', 'pending');
    // @ts-expect-error the patch cannot set the lifecycle field itself
    kycSessionRepository.transitionStatus(db, id, 'pending', 'in_progress', { status: 'completed' });
  });
});
