import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../src/testing/server-process';
import { HttpClient } from './support/http-client';
import { sessionsOf, signInAndStart } from './support/kyc';
import { devServerEnv } from './support/server-processes';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let processes: Awaited<ReturnType<typeof startServerProcess>>[] = [];
beforeAll(async () => {
  stack = await startTestStack();
  const env = devServerEnv(stack.simulator.url, {
    DATABASE_URL: stack.databaseUrl,
    PUBLIC_URL: stack.baseUrl,
  });
  processes = await Promise.all([startServerProcess(env), startServerProcess(env)]);
}, 90_000);
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await stack?.close();
});

describe('two server processes on one database', () => {
  it('50 concurrent pollers of one expired session through both processes: one mint, no dead token, no EXPIRED', async () => {
    const { client, user, session, scanRef } = await signInAndStart(stack, 'two-procs@example.com');
    await stack.simulator.expire(scanRef, { notify: true });
    const cookie = `hero_session=${client.cookie('hero_session')}`;
    const before = stack.simulator.stats().tokensMinted;
    stack.simulator.setFaults({ tokenDelayMs: 300 });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        new HttpClient((processes[i % 2] as { url: string }).url).request('GET', '/kyc/status', {
          headers: { cookie },
        }),
      ),
    );
    stack.simulator.setFaults({});
    expect(stack.simulator.stats().tokensMinted - before).toBe(1);
    const [after] = await sessionsOf(stack, user.id);
    expect(after?.recreation_count).toBe(1);
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(session.idenfy_auth_token as string);
      expect(res.json.kyc.status).not.toBe('expired');
      expect([null, after?.idenfy_auth_token]).toContain(res.json.kyc.auth_token);
    }
  });

  it('the same webhook delivered to both processes at once completes the user once', async () => {
    const { user, scanRef } = await signInAndStart(stack, 'two-procs-hook@example.com');
    const { idenfyResult, idenfySignature } = await import('./support/webhook');
    const [session] = await sessionsOf(stack, user.id);
    const body = JSON.stringify(
      idenfyResult({ scanRef, clientId: session?.client_id as string, overall: 'APPROVED', final: true }),
    );
    const results = await Promise.all(
      processes.flatMap((p) =>
        [1, 2].map(() =>
          new HttpClient(p.url).request('POST', '/webhooks/idenfy', {
            body,
            headers: { 'idenfy-signature': idenfySignature(body) },
          }),
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.filter((r) => r.json.duplicate === false)).toHaveLength(1);
    const events = await stack.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('payload', '=', body)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.delivery_count).toBe(4);
  });
});
