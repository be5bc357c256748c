import type {
  KycSession,
  KycStatus,
  ListOptions,
  NewTopUp,
  NewUser,
  TopUp,
  UserPatch,
  UserWhere,
  ValidationResult,
} from '@hero-onboarding/generated/onboarding';
import { KycStatusValues, validateNewUser } from '@hero-onboarding/generated/onboarding';
import { describe, expectTypeOf, it } from 'vitest';

describe('generated types', () => {
  it('enums are literal unions with their value arrays', () => {
    expectTypeOf<KycStatus>().toEqualTypeOf<'pending' | 'in_progress' | 'completed' | 'failed' | 'expired'>();
    expectTypeOf(KycStatusValues).toEqualTypeOf<
      readonly ['pending', 'in_progress', 'completed', 'failed', 'expired']
    >();
  });

  it('rows: optional fields are nullable, i64 is a decimal string, otime a Date', () => {
    expectTypeOf<KycSession['idenfy_scan_ref']>().toEqualTypeOf<string | null>();
    expectTypeOf<KycSession['last_run_at']>().toEqualTypeOf<Date>();
    expectTypeOf<TopUp['amount_cents']>().toEqualTypeOf<string>();
    expectTypeOf<TopUp['id']>().toEqualTypeOf<string>();
  });

  it('insert: required fields stay required, defaulted and generated ones are optional, bigint accepted', () => {
    expectTypeOf<{ email: string }>().toExtend<NewUser>();
    expectTypeOf<{ display_name: string }>().not.toExtend<NewUser>();
    expectTypeOf<NewTopUp['amount_cents']>().toEqualTypeOf<string | bigint>();
    expectTypeOf<{
      user_id: string;
      provider: 'stripe';
      amount_cents: bigint;
      currency: string;
    }>().toExtend<NewTopUp>();
    expectTypeOf<{
      user_id: string;
      provider: 'paypal';
      amount_cents: bigint;
      currency: string;
    }>().not.toExtend<NewTopUp>();
  });

  it('patch: everything optional, but not the generated columns', () => {
    expectTypeOf<Record<string, never>>().toExtend<UserPatch>();
    expectTypeOf<UserPatch>().not.toHaveProperty('updated_at');
    expectTypeOf<UserPatch>().not.toHaveProperty('id');
  });

  it('filters and validators are typed', () => {
    expectTypeOf<{ kyc_status: { in: ['completed'] } }>().toExtend<UserWhere>();
    expectTypeOf<{ kyc_status: 'done' }>().not.toExtend<UserWhere>();
    expectTypeOf<{ orderBy: 'email' }>().toExtend<ListOptions<UserWhere, 'email' | 'created_at'>>();
    expectTypeOf(validateNewUser).returns.toEqualTypeOf<ValidationResult<NewUser>>();
  });
});
