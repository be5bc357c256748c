import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAndStart } from './support/kyc';
import { ADMIN_API_TOKEN, ADMIN_EMAIL, startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  for (const name of ['ana', 'bob', 'cleo', 'dan', 'eve'])
    await signInAndStart(stack, `${name}@list.example.com`);
});
afterAll(async () => stack?.close());

const bearer = { authorization: `Bearer ${ADMIN_API_TOKEN}` };

describe('admin lists', () => {
  it('401 without credentials, 401 with a wrong token, 403 for a signed-in non-admin', async () => {
    for (const path of ['/admin/list-users', '/admin/list-kyc-sessions']) {
      expect((await stack.client().get(path)).status).toBe(401);
      const wrong = await stack.client().get(path, { authorization: 'Bearer nope' });
      expect(wrong.status).toBe(401);
      expect(wrong.json.error.code).toBe('unauthenticated');
      const { client } = await stack.signIn(`plain-${path.length}@example.com`);
      const denied = await client.get(path);
      expect(denied.status).toBe(403);
      expect(denied.json.error.code).toBe('forbidden');
    }
  });

  it('an ADMIN_EMAILS user signs in as admin and can list', async () => {
    const { client, user } = await stack.signIn(ADMIN_EMAIL);
    expect(user.role).toBe('admin');
    const res = await client.get('/admin/list-users');
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeGreaterThan(0);
  });

  it('lists users newest first, filters by KYC status and email search, and pages with a cursor', async () => {
    const all = await stack.client().get('/admin/list-users?q=list.example.com', bearer);
    expect(all.json.items.map((u: { email: string }) => u.email)).toEqual([
      'eve@list.example.com',
      'dan@list.example.com',
      'cleo@list.example.com',
      'bob@list.example.com',
      'ana@list.example.com',
    ]);
    const first = await stack.client().get('/admin/list-users?q=list.example.com&limit=2', bearer);
    expect(first.json.items).toHaveLength(2);
    // A user signing up between pages must not shift the next page.
    await stack.signIn('zed@list.example.com');
    const second = await stack
      .client()
      .get(
        `/admin/list-users?q=list.example.com&limit=2&cursor=${encodeURIComponent(first.json.next_cursor)}`,
        bearer,
      );
    expect(second.json.items.map((u: { email: string }) => u.email)).toEqual([
      'cleo@list.example.com',
      'bob@list.example.com',
    ]);

    const inProgress = await stack.client().get('/admin/list-users?kyc_status=in_progress&q=BOB', bearer);
    expect(inProgress.json.items.map((u: { email: string }) => u.email)).toEqual(['bob@list.example.com']);
    const none = await stack
      .client()
      .get('/admin/list-users?kyc_status=completed&q=list.example.com', bearer);
    expect(none.json.items).toEqual([]);
  });

  it('lists KYC sessions with their user, without auth tokens, filtered by status and email', async () => {
    const res = await stack.client().get('/admin/list-kyc-sessions?q=cleo', bearer);
    expect(res.status).toBe(200);
    expect(res.json.items).toHaveLength(1);
    const [item] = res.json.items;
    expect(item).toMatchObject({
      user_email: 'cleo@list.example.com',
      status: 'in_progress',
      recreation_count: 0,
    });
    expect(JSON.stringify(res.json)).not.toMatch(/auth_token/);
    const byStatus = await stack.client().get('/admin/list-kyc-sessions?status=completed', bearer);
    expect(byStatus.json.items.every((s: { status: string }) => s.status === 'completed')).toBe(true);
  });

  it('finds one user by id, and sessions by provider status (the review queue)', async () => {
    const { user } = await stack.signIn('by-id@example.com');
    const one = await stack.client().get(`/admin/list-users?user_id=${user.id}`, bearer);
    expect(one.json.items.map((u: { email: string }) => u.email)).toEqual(['by-id@example.com']);

    const suspected = await signInAndStart(stack, 'queue-suspected@example.com');
    await stack.simulator.complete(suspected.scanRef, { overall: 'SUSPECTED', final: true });
    const reviewing = await signInAndStart(stack, 'queue-reviewing@example.com');
    await stack.simulator.complete(reviewing.scanRef, { overall: 'REVIEWING', final: false });
    const approved = await signInAndStart(stack, 'queue-approved@example.com');
    await stack.simulator.complete(approved.scanRef, { overall: 'APPROVED', final: true });
    const queue = await stack
      .client()
      .get('/admin/list-kyc-sessions?provider_status=SUSPECTED,REVIEWING', bearer);
    expect(queue.status).toBe(200);
    expect(
      queue.json.items.map((s: { user_email: string; provider_status: string }) => [
        s.user_email,
        s.provider_status,
      ]),
    ).toEqual([
      ['queue-reviewing@example.com', 'REVIEWING'],
      ['queue-suspected@example.com', 'SUSPECTED'],
    ]);
  });

  it('bad filters are 400 with a code, never a 500', async () => {
    for (const query of [
      'kyc_status=bogus',
      'limit=0',
      'limit=abc',
      'cursor=not-a-cursor',
      `q=${'x'.repeat(300)}`,
    ]) {
      const res = await stack.client().get(`/admin/list-users?${query}`, bearer);
      expect(res.status, query).toBe(400);
      expect(res.json.error.code).toBe('invalid_request');
    }
    for (const query of [
      'status=nope',
      'user_id=not-a-uuid',
      'provider_status=lower',
      `provider_status=${'A,'.repeat(11)}A`,
      'q=nobody-at-all&limit=0',
      'q=nobody-at-all&cursor=not-a-cursor',
    ]) {
      const res = await stack.client().get(`/admin/list-kyc-sessions?${query}`, bearer);
      expect(res.status, query).toBe(400);
      expect(res.json.error.code).toBe('invalid_request');
    }
    expect((await stack.client().get('/admin/list-users?user_id=x', bearer)).status).toBe(400);
  });

  it('an admin resets any user; a plain user cannot reset someone else', async () => {
    const { user } = await stack.signIn('reset-target@example.com');
    const { client: other } = await stack.signIn('nosy@example.com');
    const refused = await other.post('/kyc/reset', { user_id: user.id });
    expect(refused.status).toBe(403);
    const done = await stack.client().post('/kyc/reset', { user_id: user.id }, bearer);
    expect(done.status).toBe(200);
    const missing = await stack
      .client()
      .post('/kyc/reset', { user_id: '00000000-0000-4000-8000-000000000000' }, bearer);
    expect(missing.status).toBe(404);
    const malformed = await stack.client().post('/kyc/reset', { user_id: 'x' }, bearer);
    expect(malformed.status).toBe(400);
  });
});
