import { hc } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminRoutes } from '../src/index';
import { openTopUp, verifiedUser } from './support/payments';
import { ADMIN_API_TOKEN, startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
const ids: Record<string, string> = {};
const users: Record<string, string> = {};
beforeAll(async () => {
  stack = await startTestStack();
  const alice = await verifiedUser(stack, 'alice@topups.example.com');
  const bob = await verifiedUser(stack, 'bob@topups.example.com');
  users.alice = alice.user.id;
  users.bob = bob.user.id;
  const paid = await openTopUp(stack, alice.client, { amount: 1000, currency: 'USD' });
  await stack.stripe.pay(paid.ref);
  const tzs = await openTopUp(stack, alice.client, {
    amount: 100000,
    currency: 'TZS',
    provider: 'clickpesa',
  });
  await stack.clickpesa.pay(tzs.ref);
  const pending = await openTopUp(stack, alice.client, { amount: 2000, currency: 'USD' });
  const held = await openTopUp(stack, bob.client, { amount: 500, currency: 'USD' });
  await stack.stripe.pay(held.ref, { amountTotal: 5 });
  Object.assign(ids, { paid: paid.id, tzs: tzs.id, pending: pending.id, held: held.id });
});
afterAll(async () => stack?.close());

const bearer = { authorization: `Bearer ${ADMIN_API_TOKEN}` };
const list = async (query: string) => {
  const res = await stack.client().get(`/admin/list-top-ups?${query}`, bearer);
  expect(res.status, query).toBe(200);
  return res.json as { items: { id: string; [k: string]: unknown }[]; next_cursor: string | null };
};
const idsOf = (page: { items: { id: string }[] }) => page.items.map((t) => t.id);

describe('GET /admin/list-top-ups', () => {
  it('401 without credentials, 403 for a non-admin', async () => {
    expect((await stack.client().get('/admin/list-top-ups')).status).toBe(401);
    const { client } = await stack.signIn('not-admin@topups.example.com');
    expect((await client.get('/admin/list-top-ups')).status).toBe(403);
  });

  it('lists every top-up newest first with its user, amount, status and flag', async () => {
    const all = await list('');
    expect(idsOf(all)).toEqual([ids.held, ids.pending, ids.tzs, ids.paid]);
    expect(all.items[0]).toMatchObject({
      user_email: 'bob@topups.example.com',
      provider: 'stripe',
      amount_cents: '500',
      currency: 'USD',
      status: 'held',
      flag: 'amount_mismatch',
      reported_amount_cents: '5',
    });
    expect(JSON.stringify(all)).not.toContain('checkout_url');
  });

  it('filters by status, provider, user, email, flag, and pages with a cursor', async () => {
    expect(idsOf(await list('status=paid'))).toEqual([ids.tzs, ids.paid]);
    expect(idsOf(await list('provider=clickpesa'))).toEqual([ids.tzs]);
    expect(idsOf(await list(`user_id=${users.bob}`))).toEqual([ids.held]);
    expect(idsOf(await list('q=ALICE'))).toEqual([ids.pending, ids.tzs, ids.paid]);
    expect(idsOf(await list(`q=alice&user_id=${users.bob}`))).toEqual([]);
    expect(idsOf(await list('flagged=true'))).toEqual([ids.held]);
    expect(idsOf(await list('flagged=false&provider=stripe'))).toEqual([ids.pending, ids.paid]);
    expect(idsOf(await list('q=nobody-at-all'))).toEqual([]);
    // An id in capitals is the same user, with an email search too.
    expect(idsOf(await list(`q=bob&user_id=${String(users.bob).toUpperCase()}`))).toEqual([ids.held]);
    const first = await list('limit=3');
    expect(idsOf(first)).toEqual([ids.held, ids.pending, ids.tzs]);
    const second = await list(`limit=3&cursor=${encodeURIComponent(first.next_cursor as string)}`);
    expect(idsOf(second)).toEqual([ids.paid]);
    expect(second.next_cursor).toBeNull();
  });

  it('bad filters are 400s naming the parameter', async () => {
    for (const [query, name] of [
      ['status=lost', 'status'],
      ['provider=paypal', 'provider'],
      ['flag=odd', 'flag'],
      ['flagged=maybe', 'flagged'],
      ['user_id=42', 'user_id'],
      ['limit=0', 'limit'],
      ['cursor=garbage', 'cursor'],
      // Still refused when the email search matches nobody (no early empty answer skips the checks).
      ['q=nobody-at-all&limit=0', 'limit'],
      ['q=nobody-at-all&cursor=garbage', 'cursor'],
    ]) {
      const res = await stack.client().get(`/admin/list-top-ups?${query}`, bearer);
      expect(res.status, query).toBe(400);
      expect(res.json.error.code).toBe('invalid_request');
      expect(res.json.error.message + JSON.stringify(res.json.error.fields ?? [])).toContain(name);
    }
  });

  it('the typed admin client (hc<AdminRoutes>) reaches it', async () => {
    const admin = hc<AdminRoutes>(stack.baseUrl, { headers: bearer });
    const res = await admin.admin['list-top-ups'].$get({ query: { status: 'held' } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.map((t) => t.id)).toEqual([ids.held]);
  });
});

describe('GET /admin/list-users shows balances, one per currency', () => {
  it('a user with credits in two currencies, and one with none', async () => {
    const res = await stack.client().get('/admin/list-users?q=topups.example.com', bearer);
    const byEmail = Object.fromEntries(
      res.json.items.map((u: { email: string; balances: unknown }) => [u.email, u.balances]),
    );
    expect(byEmail['alice@topups.example.com']).toEqual([
      { currency: 'TZS', amount_cents: '100000' },
      { currency: 'USD', amount_cents: '1000' },
    ]);
    expect(byEmail['bob@topups.example.com']).toEqual([]);
  });
});
