import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { PURGED_PAYLOAD, purgeWebhookPayloads } from '../src/index';
import { startPayloadPurge } from '../src/webhooks/purge-timer';
import { sessionsOf, signInAndStart, userRow } from './support/kyc';
import { startTestStack, type TestStack } from './support/stack';
import { idenfyResult, idenfySignature } from './support/webhook';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.close());

const DAY = 86_400_000;

async function deliveredResult(email: string) {
  const { user, session, scanRef } = await signInAndStart(stack, email);
  const body = JSON.stringify(
    idenfyResult({ scanRef, clientId: session.client_id, overall: 'APPROVED', final: true }),
  );
  const deliver = () =>
    stack.client().request('POST', '/webhooks/idenfy', {
      body,
      headers: { 'content-type': 'application/json', 'idenfy-signature': idenfySignature(body) },
    });
  expect((await deliver()).status).toBe(200);
  const event = await stack.db
    .selectFrom('webhook_events')
    .selectAll()
    .where('payload', '=', body)
    .executeTakeFirstOrThrow();
  return { user, event, deliver };
}

describe('raw webhook bodies are purged after WEBHOOK_PAYLOAD_RETENTION_DAYS', () => {
  it('blanks old bodies only, keeps key, outcome and count, and a repeat is still recognised', async () => {
    const old = await deliveredResult('purge-old@example.com');
    const fresh = await deliveredResult('purge-fresh@example.com');
    await stack.db
      .updateTable('webhook_events')
      .set({ received_at: new Date(Date.now() - 8 * DAY) })
      .where('id', '=', old.event.id)
      .execute();
    // A delivery not yet processed keeps its body, however old: it is still needed.
    await stack.db
      .insertInto('webhook_events')
      .values({
        provider: 'idenfy',
        event_key: 'idenfy:unprocessed',
        payload: '{"kept":true}',
        received_at: new Date(Date.now() - 30 * DAY),
      })
      .execute();

    expect(await purgeWebhookPayloads(stack.db, { olderThan: new Date(Date.now() - 7 * DAY) })).toBe(1);
    const rows = await stack.db.selectFrom('webhook_events').selectAll().orderBy('received_at').execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(old.event.id)).toMatchObject({
      payload: PURGED_PAYLOAD,
      event_key: old.event.event_key,
      outcome: old.event.outcome,
      delivery_count: 1,
    });
    expect(byId.get(fresh.event.id)?.payload).toBe(fresh.event.payload);
    expect(rows.find((r) => r.event_key === 'idenfy:unprocessed')?.payload).toBe('{"kept":true}');

    const repeat = await old.deliver();
    expect(repeat.json).toMatchObject({ received: true, duplicate: true });
    const after = await stack.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('id', '=', old.event.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ payload: PURGED_PAYLOAD, delivery_count: 2, outcome: old.event.outcome });
    expect((await userRow(stack, old.user.id)).kyc_status).toBe('completed');
    expect(await sessionsOf(stack, old.user.id)).toHaveLength(1);
    // Nothing left to purge: a second run is a no-op.
    expect(await purgeWebhookPayloads(stack.db, { olderThan: new Date(Date.now() - 7 * DAY) })).toBe(0);
  });

  it('the server runs the purge on a timer, and stop() waits for a sweep in progress', async () => {
    const { event } = await deliveredResult('purge-timer@example.com');
    const purge = startPayloadPurge(stack.deps, { retentionDays: 0, intervalMs: 20 });
    try {
      for (let i = 0; i < 1500; i++) {
        const row = await stack.db
          .selectFrom('webhook_events')
          .select('payload')
          .where('id', '=', event.id)
          .executeTakeFirstOrThrow();
        if (row.payload === PURGED_PAYLOAD) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await purge.stop();
    }
    const row = await stack.db
      .selectFrom('webhook_events')
      .select('payload')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(row.payload).toBe(PURGED_PAYLOAD);
    expect(stack.logger.lines.some((l) => l.includes('webhook payloads purged'))).toBe(true);
  });

  it('retention is configurable and defaults to 7 days', () => {
    expect(loadConfig({}).webhooks.payloadRetentionDays).toBe(7);
    expect(loadConfig({ WEBHOOK_PAYLOAD_RETENTION_DAYS: '30' }).webhooks.payloadRetentionDays).toBe(30);
    expect(() => loadConfig({ WEBHOOK_PAYLOAD_RETENTION_DAYS: 'forever' })).toThrow(
      /^WEBHOOK_PAYLOAD_RETENTION_DAYS: /,
    );
  });
});
