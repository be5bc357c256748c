import { metadata } from '@hero-onboarding/generated/onboarding';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbState } from './support/db-state';
import { verifiedUser } from './support/payments';
import { ADMIN_API_TOKEN, startTestStack, type TestStack } from './support/stack';

/**
 * Property-based: every JSON and form route, fed random bodies, content types, query strings and
 * callers, answers below 500 with the one error shape, and a refused request writes nothing at all.
 */
let stack: TestStack;
let userCookie: string;
let verifiedCookie: string;
beforeAll(async () => {
  stack = await startTestStack({
    env: { LOGIN_RATE_LIMIT_PER_EMAIL: '1000', LOGIN_RATE_LIMIT_PER_EMAIL_IP: '1000' },
  });
  const { client } = await stack.signIn('fuzz-user@example.com');
  userCookie = `hero_session=${client.cookie('hero_session')}`;
  const verified = await verifiedUser(stack, 'fuzz-verified@example.com');
  verifiedCookie = `hero_session=${verified.client.cookie('hero_session')}`;
});
afterAll(async () => stack?.close());

const TABLES = Object.values(metadata).map((m) => m.table);
const callers = () =>
  fc.constantFrom<Record<string, string>>(
    {},
    { cookie: userCookie },
    { cookie: verifiedCookie },
    { authorization: `Bearer ${ADMIN_API_TOKEN}` },
  );
const accept = fc.constantFrom('application/json', 'text/html', '*/*', '');

const fieldValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.emailAddress(),
  fc.uuid(),
  fc.stringMatching(/^\d{6}$/),
  fc.constantFrom('USD', 'TZS', 'EUR', 'usd', 'stripe', 'clickpesa'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
const FIELDS = [
  ...['email', 'code', 'challenge_id', 'user_id', 'amount', 'amount_decimal', 'currency', 'provider'],
  '__proto__',
];
/** Close to right, so the paths that write are exercised as well as the refusals. */
const plausible = fc.oneof(
  fc.record({ email: fc.emailAddress() }),
  fc.record({ email: fc.emailAddress(), code: fc.stringMatching(/^\d{6}$/), challenge_id: fc.uuid() }),
  fc.record(
    {
      amount: fc.oneof(
        fc.integer({ min: -10, max: 2_000_000 }),
        fc.double(),
        fc.integer({ min: 100, max: 99_999 }),
      ),
      currency: fc.constantFrom('USD', 'TZS', 'EUR', 'usd', 'XXX', ''),
      provider: fc.constantFrom('stripe', 'clickpesa', 'paypal'),
    },
    { requiredKeys: ['amount'] },
  ),
);
const asForm = (o: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(o).map(([k, v]): [string, string] => [k, String(v)])).toString();
const body = fc.oneof(
  plausible.map((o) => ({ type: 'application/json', text: JSON.stringify(o) })),
  plausible.map((o) => ({ type: 'application/x-www-form-urlencoded', text: asForm(o) })),
  fc.jsonValue().map((v) => ({ type: 'application/json', text: JSON.stringify(v) ?? '' })),
  fc
    .dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 4 })
    .map((o) => ({ type: 'application/json', text: JSON.stringify(o) })),
  fc
    .dictionary(fc.constantFrom(...FIELDS), fc.oneof(fc.string(), fc.emailAddress(), fc.uuid()), {
      maxKeys: 4,
    })
    .map((o) => ({ type: 'application/x-www-form-urlencoded', text: asForm(o) })),
  fc.record({
    type: fc.constantFrom(
      'application/json',
      'application/x-www-form-urlencoded',
      'text/plain',
      'application/octet-stream',
      '',
    ),
    text: fc.string({ unit: 'binary', maxLength: 200 }),
  }),
);

async function expectErrorShape(res: Response) {
  const text = await res.text();
  expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  if ((res.headers.get('content-type') ?? '').includes('application/json') && res.status >= 400) {
    const json = JSON.parse(text) as { error: { code: string; message: string } };
    expect(json.error.code).toMatch(/^[a-z_]+$/);
    for (const table of TABLES) expect(json.error.message).not.toMatch(new RegExp(`\\b${table}\\b`));
  }
}

async function post(
  path: string,
  { type, text }: { type: string; text: string },
  headers: Record<string, string>,
) {
  return stack.app.request(path, {
    method: 'POST',
    body: text,
    headers: { ...headers, ...(type === '' ? {} : { 'content-type': type }) },
  });
}

/** How many rows each table gained between two snapshots of row counts. */
async function rowCounts() {
  const counts = await Promise.all(
    TABLES.map(async (t) =>
      Number(
        (
          await stack.db
            .selectFrom(t as 'users')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ),
  );
  return Object.fromEntries(TABLES.map((t, i) => [t, counts[i] as number]));
}

describe('every JSON and form route under random input', () => {
  it('POST routes: never a 5xx, and a refused request writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/login/challenge', '/login/verify', '/logout', '/kyc/reset', '/payment/intent'),
        body,
        callers(),
        accept,
        async (path, input, someone, acceptType) => {
          // Logging out with the shared cookies would sign those callers out for the rest of the run.
          const caller = path === '/logout' && someone.cookie !== undefined ? {} : someone;
          const before = await dbState(stack.db);
          const res = await post(path, input, {
            ...caller,
            ...(acceptType === '' ? {} : { accept: acceptType }),
          });
          expect(res.status, `${path} ${input.type} ${input.text}`).toBeLessThan(500);
          await expectErrorShape(res);
          if (res.status >= 400) expect(await dbState(stack.db)).toBe(before);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a top-up request from a verified user: one top-up and nothing else, or a refusal that writes nothing', async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(plausible, fc.boolean(), async (fields, asJson) => {
        const before = await rowCounts();
        const res = await post(
          '/payment/intent',
          asJson
            ? { type: 'application/json', text: JSON.stringify(fields) }
            : { type: 'application/x-www-form-urlencoded', text: asForm(fields) },
          { cookie: verifiedCookie },
        );
        expect(res.status).toBeLessThan(500);
        await expectErrorShape(res);
        const after = await rowCounts();
        if (res.status === 201) {
          created += 1;
          expect(after).toEqual({ ...before, top_ups: (before.top_ups ?? 0) + 1 });
        } else {
          // A provider refusal may leave the attempt recorded as failed; nothing else is written.
          expect({ ...after, top_ups: before.top_ups }).toEqual(before);
        }
      }),
      { numRuns: 120 },
    );
    expect(created).toBeGreaterThan(0);
  });

  it('GET routes with random query strings: never a 5xx, never a write', async () => {
    const path = fc.constantFrom(
      '/admin/list-users',
      '/admin/list-kyc-sessions',
      '/admin/list-top-ups',
      '/payment/return',
      '/me',
      '/kyc/status',
      '/healthz',
      '/',
      '/login/code',
      '/payment/checkout',
    );
    const query = fc.dictionary(
      fc.constantFrom(
        ...['limit', 'cursor', 'q', 'email', 'user_id', 'status', 'kyc_status', 'role'],
        ...['provider', 'flag', 'flagged', 'top_up', 'orderReference', 'auto', 'x'],
      ),
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.uuid(),
        fc.integer().map(String),
      ),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(path, query, callers(), accept, async (p, q, caller, acceptType) => {
        const before = await dbState(stack.db);
        const res = await stack.app.request(`${p}?${new URLSearchParams(q)}`, {
          headers: { ...caller, ...(acceptType === '' ? {} : { accept: acceptType }) },
        });
        expect(res.status, `${p}?${new URLSearchParams(q)}`).toBeLessThan(500);
        await expectErrorShape(res);
        expect(await dbState(stack.db)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
