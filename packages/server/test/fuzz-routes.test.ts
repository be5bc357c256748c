import { metadata } from '@hero-onboarding/generated/onboarding';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbState } from './support/db-state';
import { ADMIN_API_TOKEN, startTestStack, type TestStack } from './support/stack';

/**
 * Property-based: every JSON and form route, fed random bodies, content types, query strings and
 * callers, answers below 500 with the one error shape, and a refused request writes nothing at all.
 */
let stack: TestStack;
let userCookie: string;
beforeAll(async () => {
  stack = await startTestStack({
    env: { LOGIN_RATE_LIMIT_PER_EMAIL: '1000', LOGIN_RATE_LIMIT_PER_EMAIL_IP: '1000' },
  });
  const { client } = await stack.signIn('fuzz-user@example.com');
  userCookie = `hero_session=${client.cookie('hero_session')}`;
});
afterAll(async () => stack?.close());

const TABLES = Object.values(metadata).map((m) => m.table);
const callers = () =>
  fc.constantFrom<Record<string, string>>(
    {},
    { cookie: userCookie },
    { authorization: `Bearer ${ADMIN_API_TOKEN}` },
  );
const accept = fc.constantFrom('application/json', 'text/html', '*/*', '');

const fieldValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.emailAddress(),
  fc.uuid(),
  fc.stringMatching(/^\d{6}$/),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
const FIELDS = ['email', 'code', 'challenge_id', 'user_id', '__proto__', 'constructor'];
const body = fc.oneof(
  fc.jsonValue().map((v) => ({ type: 'application/json', text: JSON.stringify(v) ?? '' })),
  fc
    .dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 4 })
    .map((o) => ({ type: 'application/json', text: JSON.stringify(o) })),
  fc
    .dictionary(fc.constantFrom(...FIELDS), fc.oneof(fc.string(), fc.emailAddress(), fc.uuid()), {
      maxKeys: 4,
    })
    .map((o) => ({ type: 'application/x-www-form-urlencoded', text: new URLSearchParams(o).toString() })),
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

describe('every JSON and form route under random input', () => {
  it('POST routes: never a 5xx, and a refused request writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/login/challenge', '/login/verify', '/logout', '/kyc/reset'),
        body,
        callers(),
        accept,
        async (path, { type, text }, caller, acceptType) => {
          const before = await dbState(stack.db);
          const res = await stack.app.request(path, {
            method: 'POST',
            body: text,
            headers: {
              ...caller,
              ...(type === '' ? {} : { 'content-type': type }),
              ...(acceptType === '' ? {} : { accept: acceptType }),
            },
          });
          expect(res.status, `${path} ${type} ${text}`).toBeLessThan(500);
          await expectErrorShape(res);
          if (res.status >= 400) expect(await dbState(stack.db)).toBe(before);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('GET routes with random query strings: never a 5xx, never a write', async () => {
    const path = fc.constantFrom(
      '/admin/list-users',
      '/admin/list-kyc-sessions',
      '/me',
      '/kyc/status',
      '/healthz',
    );
    const query = fc.dictionary(
      fc.constantFrom('limit', 'cursor', 'q', 'email', 'user_id', 'status', 'kyc_status', 'role', 'x'),
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
