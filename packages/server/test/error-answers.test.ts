import { metadata } from '@hero-onboarding/generated/onboarding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_API_TOKEN, startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.close());

const TABLES = Object.values(metadata).map((m) => m.table);
const bearer = { authorization: `Bearer ${ADMIN_API_TOKEN}` };

describe('error answers', () => {
  it('a value our checks pass but the schema refuses is a 400 naming the field, never a table', async () => {
    const res = await stack.client().post('/login/challenge', { email: 'é@example.com' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'invalid_request', fields: ['email'] });
    for (const table of TABLES) expect(res.json.error.message).not.toMatch(new RegExp(`\\b${table}\\b`));
    expect(await stack.db.selectFrom('login_challenges').select('id').execute()).toHaveLength(0);
  });

  it('a malformed user_id filter is a 400 alone and with a search', async () => {
    for (const query of ['user_id=zzz', 'user_id=zzz&q=example', 'q=example&user_id=1%20OR%201=1']) {
      const res = await stack.client().get(`/admin/list-kyc-sessions?${query}`, bearer);
      expect(res.status, query).toBe(400);
      expect(res.json.error.code).toBe('invalid_request');
    }
  });

  it('a body that is neither JSON nor a form is a 415, whatever it holds', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml', '']) {
      const res = await stack.client().request('POST', '/login/challenge', {
        body: JSON.stringify({ email: 'typed@example.com' }),
        headers: type === '' ? {} : { 'content-type': type },
      });
      expect(res.status, type).toBe(415);
      expect(res.json.error.code).toBe('unsupported_media_type');
    }
  });
});
