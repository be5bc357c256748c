import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import {
  authSessionRepository,
  balanceRepository,
  billingRepository,
  type Database,
  ForeignKeyViolationError,
  guard,
  kycSessionRepository,
  kycSessionSpec,
  loginChallengeRepository,
  metadata,
  NotFoundError,
  paymentEventRepository,
  topUpRepository,
  UniqueViolationError,
  userRepository,
  ValidationError,
  webhookEventRepository,
} from '@hero-onboarding/generated/onboarding';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let t: TestDatabase<Database>;

beforeAll(async () => {
  t = await createTestDatabase<Database>();
});
afterAll(() => t.destroy());
beforeEach(() => t.truncateAll());

const newUser = (email: string) => userRepository.create(t.db, { email });

describe('generated repositories on PostgreSQL', () => {
  it('create applies defaults and get / getOrThrow read the row back', async () => {
    const user = await newUser('ada@example.com');
    expect(user).toMatchObject({
      email: 'ada@example.com',
      role: 'user',
      kyc_status: 'pending',
      display_name: null,
    });
    expect(user.created_at).toBeInstanceOf(Date);
    expect(await userRepository.get(t.db, user.id)).toEqual(user);
    expect(await userRepository.getOrThrow(t.db, user.id)).toEqual(user);
    expect(await userRepository.get(t.db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await userRepository.get(t.db, 'not-a-uuid')).toBeUndefined();
    await expect(
      userRepository.getOrThrow(t.db, '00000000-0000-4000-8000-000000000000'),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('finds by every unique field', async () => {
    const user = await newUser('grace@example.com');
    const session = await kycSessionRepository.create(t.db, {
      user_id: user.id,
      client_id: `${user.id}-1`,
      idenfy_scan_ref: 'scan-1',
      last_run_at: new Date(),
    });
    expect((await userRepository.findByEmail(t.db, 'grace@example.com'))?.id).toBe(user.id);
    expect((await kycSessionRepository.findByClientId(t.db, `${user.id}-1`))?.id).toBe(session.id);
    expect((await kycSessionRepository.findByIdenfyScanRef(t.db, 'scan-1'))?.id).toBe(session.id);
    expect(await kycSessionRepository.findByIdenfyScanRef(t.db, 'scan-2')).toBeUndefined();
  });

  it('has a working findBy<Field> for every unique field of every rootobject', async () => {
    const user = await newUser('all@example.com');
    const rows: Record<string, { repo: Record<string, unknown>; row: Record<string, unknown> }> = {
      User: { repo: userRepository, row: user },
      Billing: { repo: billingRepository, row: await billingRepository.create(t.db, { user_id: user.id }) },
      Balance: {
        repo: balanceRepository,
        row: await balanceRepository.create(t.db, {
          user_id: user.id,
          currency: 'EUR',
          account_key: `${user.id}:EUR`,
        }),
      },
      TopUp: {
        repo: topUpRepository,
        row: await topUpRepository.create(t.db, {
          user_id: user.id,
          provider: 'stripe',
          amount_cents: 5n,
          currency: 'EUR',
          provider_ref: 'cs_1',
        }),
      },
      PaymentEvent: {
        repo: paymentEventRepository,
        row: await paymentEventRepository.create(t.db, {
          user_id: user.id,
          provider: 'stripe',
          provider_payment_id: 'pi_1',
          amount_cents: '5',
          currency: 'EUR',
        }),
      },
      KycSession: {
        repo: kycSessionRepository,
        row: await kycSessionRepository.create(t.db, {
          user_id: user.id,
          client_id: 'k-1',
          idenfy_scan_ref: 's-1',
          last_run_at: new Date(),
        }),
      },
      WebhookEvent: {
        repo: webhookEventRepository,
        row: await webhookEventRepository.create(t.db, {
          provider: 'idenfy',
          event_key: 'e-1',
          payload: '{}',
          received_at: new Date(),
        }),
      },
      LoginChallenge: {
        repo: loginChallengeRepository,
        row: await loginChallengeRepository.create(t.db, {
          email: 'all@example.com',
          code_hash: 'h',
          expires_at: new Date(),
        }),
      },
      AuthSession: {
        repo: authSessionRepository,
        row: await authSessionRepository.create(t.db, {
          user_id: user.id,
          token_hash: 't-1',
          expires_at: new Date(),
        }),
      },
    };
    let checked = 0;
    for (const [name, meta] of Object.entries(metadata)) {
      const entry = rows[name];
      expect(entry, `a row for ${name}`).toBeDefined();
      for (const [field, info] of Object.entries(meta.fields)) {
        if (!info.unique || field === 'id') continue;
        const method = `findBy${field.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;
        const find = entry?.repo[method] as (
          db: unknown,
          value: unknown,
        ) => Promise<{ id: string } | undefined>;
        expect(typeof find, `${name}.${method}`).toBe('function');
        expect((await find(t.db, entry?.row[field]))?.id, `${name}.${method}`).toBe(entry?.row.id);
        checked++;
      }
    }
    expect(checked).toBe(9);
  });

  it('update validates, applies the patch and sets updated_at', async () => {
    const user = await newUser('linus@example.com');
    await sql`update users set updated_at = '2000-01-01T00:00:00Z' where id = ${user.id}`.execute(t.db);
    const updated = await userRepository.update(t.db, user.id, { display_name: 'Linus', role: 'admin' });
    expect(updated).toMatchObject({ display_name: 'Linus', role: 'admin' });
    expect(updated?.updated_at.getTime()).toBeGreaterThan(Date.parse('2000-01-01T00:00:00Z'));
    expect(
      await userRepository.update(t.db, '00000000-0000-4000-8000-000000000000', { role: 'user' }),
    ).toBeUndefined();
    await expect(userRepository.update(t.db, user.id, { role: 'root' as 'admin' })).rejects.toMatchObject({
      errors: [{ field: 'role', message: 'must be one of: user, admin' }],
    });
  });

  it('delete removes the row once', async () => {
    const user = await newUser('del@example.com');
    expect(await userRepository.delete(t.db, user.id)).toBe(true);
    expect(await userRepository.delete(t.db, user.id)).toBe(false);
    expect(await userRepository.get(t.db, user.id)).toBeUndefined();
  });

  it('maps a unique violation to UniqueViolationError naming table and field', async () => {
    await newUser('dup@example.com');
    const error = await newUser('dup@example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UniqueViolationError);
    expect(error).toMatchObject({ table: 'users', field: 'email' });
    expect((error as Error).message).not.toContain('dup@example.com');
  });

  it('maps foreign key violations (missing parent, restricted delete) to ForeignKeyViolationError', async () => {
    const missing = await topUpRepository
      .create(t.db, {
        user_id: '00000000-0000-4000-8000-000000000000',
        provider: 'stripe',
        amount_cents: 100n,
        currency: 'EUR',
      })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ForeignKeyViolationError);
    expect(missing).toMatchObject({ table: 'top_ups', field: 'user_id' });
    const user = await newUser('payer@example.com');
    await topUpRepository.create(t.db, {
      user_id: user.id,
      provider: 'stripe',
      amount_cents: 100n,
      currency: 'EUR',
    });
    const restricted = await userRepository.delete(t.db, user.id).catch((e: unknown) => e);
    expect(restricted).toMatchObject({
      name: 'ForeignKeyViolationError',
      table: 'top_ups',
      field: 'user_id',
    });
  });

  it('rejects invalid input before SQL, naming each field', async () => {
    const error = await userRepository
      .create(t.db, { email: 'not-an-email', display_name: 'x'.repeat(201), nickname: 'n' } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const fields = (error as ValidationError).errors.map((e) => e.field).sort();
    expect(fields).toEqual(['display_name', 'email', 'nickname']);
    expect(await userRepository.count(t.db)).toBe(0);
    const urn = await topUpRepository
      .create(t.db, {
        user_id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
        provider: 'stripe',
        amount_cents: 1n,
        currency: 'EUR',
      })
      .catch((e: unknown) => e);
    expect((urn as ValidationError).errors).toEqual([
      { field: 'user_id', message: 'must match format "uuid"' },
    ]);
    const missing = await topUpRepository
      .create(t.db, { provider: 'stripe' } as never)
      .catch((e: unknown) => e);
    expect((missing as ValidationError).errors).toEqual(
      expect.arrayContaining([
        { field: 'user_id', message: 'is required' },
        { field: 'amount_cents', message: 'is required' },
      ]),
    );
  });

  it('checks i64 bounds on decimal strings and bigints', async () => {
    const user = await newUser('cents@example.com');
    const zero = await topUpRepository
      .create(t.db, { user_id: user.id, provider: 'stripe', amount_cents: 0n, currency: 'EUR' })
      .catch((e: unknown) => e);
    expect((zero as ValidationError).errors).toEqual([{ field: 'amount_cents', message: 'must be >= 1' }]);
    const big = await topUpRepository.create(t.db, {
      user_id: user.id,
      provider: 'clickpesa',
      amount_cents: '9223372036854775807',
      currency: 'TZS',
    });
    expect(big.amount_cents).toBe('9223372036854775807');
  });

  it('translates a CHECK violation from the database into ValidationError naming the field', async () => {
    const user = await newUser('check@example.com');
    const error = await guard(kycSessionSpec, () =>
      sql`insert into kyc_sessions (user_id, client_id, last_run_at, status) values (${user.id}, 'c', now(), 'bogus')`.execute(
        t.db,
      ),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      table: 'kyc_sessions',
      errors: [{ field: 'status', message: 'violates its check constraint' }],
    });
  });

  it('works inside a caller transaction: rolled back rows are gone', async () => {
    const rollback = new Error('roll back');
    await expect(
      t.db.transaction().execute(async (trx) => {
        const user = await userRepository.create(trx, { email: 'tx@example.com' });
        expect(await userRepository.get(trx, user.id)).toBeDefined();
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await userRepository.findByEmail(t.db, 'tx@example.com')).toBeUndefined();
    await t.db.transaction().execute((trx) => userRepository.create(trx, { email: 'kept@example.com' }));
    expect(await userRepository.findByEmail(t.db, 'kept@example.com')).toBeDefined();
  });

  it('lists with filters, ordering and IS NULL', async () => {
    const a = await userRepository.create(t.db, {
      email: 'a@example.com',
      role: 'admin',
      display_name: 'Alpha',
    });
    const b = await userRepository.create(t.db, { email: 'b@example.com', kyc_status: 'completed' });
    const c = await userRepository.create(t.db, { email: 'c@other.org' });
    const ids = (page: { items: { id: string }[] }) => page.items.map((row) => row.id);
    expect(ids(await userRepository.list(t.db, { where: { role: 'admin' } }))).toEqual([a.id]);
    expect(
      ids(await userRepository.list(t.db, { where: { kyc_status: { in: ['completed', 'failed'] } } })),
    ).toEqual([b.id]);
    expect(
      ids(
        await userRepository.list(t.db, {
          where: { email: { contains: 'EXAMPLE' } },
          orderBy: 'email',
          direction: 'asc',
        }),
      ),
    ).toEqual([a.id, b.id]);
    expect(ids(await userRepository.list(t.db, { where: { email: { contains: '%' } } }))).toEqual([]);
    expect(ids(await userRepository.list(t.db, { orderBy: 'email', direction: 'desc' }))).toEqual([
      c.id,
      b.id,
      a.id,
    ]);
    expect(
      ids(
        await userRepository.list(t.db, {
          where: { id: { in: [a.id, c.id] } },
          orderBy: 'email',
          direction: 'asc',
        }),
      ),
    ).toEqual([a.id, c.id]);
    expect(await userRepository.count(t.db)).toBe(3);
    expect(await userRepository.count(t.db, { role: 'user' })).toBe(2);
    expect(await userRepository.count(t.db, { created_at: { gte: new Date(Date.now() - 3_600_000) } })).toBe(
      3,
    );
    expect(await userRepository.count(t.db, { kyc_status: { in: [] } })).toBe(0);
    const session = await kycSessionRepository.create(t.db, {
      user_id: a.id,
      client_id: 'x',
      last_run_at: new Date(),
    });
    expect(ids(await kycSessionRepository.list(t.db, { where: { idenfy_scan_ref: null } }))).toEqual([
      session.id,
    ]);
    await expect(
      userRepository.list(t.db, { where: { display_name: 'Alpha' } as never }),
    ).rejects.toMatchObject({
      errors: [{ field: 'display_name', message: 'cannot be filtered on' }],
    });
    await expect(userRepository.count(t.db, { constructor: 'x' } as never)).rejects.toMatchObject({
      errors: [{ field: 'constructor', message: 'cannot be filtered on' }],
    });
    await expect(userRepository.list(t.db, { orderBy: 'toString' as never })).rejects.toMatchObject({
      errors: [{ field: 'orderBy' }],
    });
    await expect(userRepository.list(t.db, { cursor: 'garbage' })).rejects.toMatchObject({
      errors: [{ field: 'cursor' }],
    });
  });

  it('paginates with a keyset cursor that stays stable while rows are inserted between pages', async () => {
    // One statement: every row shares created_at, so only the id tie-break orders them.
    await sql`insert into users (email) select 'bulk' || g || '@example.com' from generate_series(1, 25) g`.execute(
      t.db,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await userRepository.list(t.db, { limit: 10, cursor });
      seen.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor;
      pages++;
      await userRepository.create(t.db, { email: `late${pages}@example.com` });
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(25);
    const bulk = await userRepository.list(t.db, { where: { email: { contains: 'bulk' } }, limit: 500 });
    expect(bulk.nextCursor).toBeNull();
    expect(new Set(seen)).toEqual(new Set(bulk.items.map((row) => row.id)));

    const asc: string[] = [];
    cursor = null;
    do {
      const page = await userRepository.list(t.db, { orderBy: 'email', direction: 'asc', limit: 7, cursor });
      asc.push(...page.items.map((row) => row.email));
      cursor = page.nextCursor;
      await userRepository.create(t.db, { email: `zz${asc.length}@example.com` });
    } while (cursor !== null);
    expect(asc).toEqual([...asc].sort());
    expect(new Set(asc).size).toBe(asc.length);
  });

  it('keeps microsecond timestamps exact in cursors', async () => {
    await sql`insert into users (email, created_at) values
      ('m1@example.com', '2024-01-01T00:00:00.123456Z'),
      ('m2@example.com', '2024-01-01T00:00:00.123100Z'),
      ('m3@example.com', '2024-01-01T00:00:00.123000Z')`.execute(t.db);
    const first = await userRepository.list(t.db, { limit: 1 });
    const rest = await userRepository.list(t.db, { limit: 5, cursor: first.nextCursor });
    expect([...first.items, ...rest.items].map((row) => row.email)).toEqual([
      'm1@example.com',
      'm2@example.com',
      'm3@example.com',
    ]);
  });
});
