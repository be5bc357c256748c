import { idenfySample } from '@hero-onboarding/kyc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsOf, signInAndStart, userRow } from './support/kyc';
import { startTestStack, type TestStack } from './support/stack';
import { idenfyResult, idenfySignature } from './support/webhook';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.close());

const post = (body: string | Uint8Array, signature?: string) =>
  stack.client().request('POST', '/webhooks/idenfy', {
    body,
    headers: {
      'content-type': 'application/json',
      ...(signature === undefined ? {} : { 'idenfy-signature': signature }),
    },
  });

/** An (unsigned) iDenfy result body for this session's current scanRef. */
const resultFor = (
  session: { idenfy_scan_ref: string | null; client_id: string },
  overall: string,
  final: boolean,
) =>
  JSON.stringify(
    idenfyResult({ scanRef: session.idenfy_scan_ref as string, clientId: session.client_id, overall, final }),
  );

async function eventCount() {
  const row = await stack.db
    .selectFrom('webhook_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('POST /webhooks/idenfy', () => {
  it('rejects a missing, wrong, foreign-body or re-serialised signature with 401 and changes nothing', async () => {
    const { user, session } = await signInAndStart(stack, 'sig@example.com');
    const body = resultFor(session, 'APPROVED', true);
    const other = JSON.stringify(
      idenfyResult({ scanRef: 'someone-else', clientId: session.client_id, overall: 'DENIED', final: true }),
    );
    const reserialised = JSON.stringify(JSON.parse(body), null, 2);
    const before = await eventCount();
    const attempts = [
      await post(body),
      await post(body, ''),
      await post(body, 'not-hex'),
      await post(body, idenfySignature(body, 'wrong-key')),
      await post(body, idenfySignature(other)),
      await post(reserialised, idenfySignature(body)),
      await post(body, idenfySignature(body).toUpperCase().replace(/[0-9]/g, 'F')),
      await post(body, idenfySignature(body).slice(0, 40)),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('invalid_signature');
    }
    expect(await eventCount()).toBe(before);
    expect((await userRow(stack, user.id)).kyc_status).toBe('in_progress');
    expect((await sessionsOf(stack, user.id))[0]?.status).toBe('in_progress');

    const accepted = await post(body, idenfySignature(body));
    expect(accepted.status).toBe(200);
    expect((await userRow(stack, user.id)).kyc_status).toBe('completed');
  });

  it('answers 400 to a signed body that is not an iDenfy result', async () => {
    for (const body of ['not json', '[]', '{"scanRef": 5}', JSON.stringify({ clientId: 'x', final: true })]) {
      const res = await post(body, idenfySignature(body));
      expect(res.status, body).toBe(400);
      expect(res.json.error.code).toBe('malformed_webhook');
    }
  });

  it('logs an unknown scanRef and answers 2xx so iDenfy stops retrying', async () => {
    const body = JSON.stringify(
      idenfyResult({
        scanRef: '00000000-0000-4000-8000-000000000000',
        clientId: 'nobody-1700000000000',
        overall: 'APPROVED',
        final: true,
      }),
    );
    const res = await post(body, idenfySignature(body));
    expect(res.status).toBe(200);
    expect(res.json.outcome).toBe('ignored:unknown_scan_ref');
    const logged = await stack.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('outcome', '=', 'ignored:unknown_scan_ref')
      .execute();
    expect(logged.some((e) => e.payload === body)).toBe(true);
  });

  it('records a replayed delivery once, counts it, and applies it once', async () => {
    const { user, scanRef } = await signInAndStart(stack, 'replay@example.com');
    const result = await stack.simulator.complete(scanRef, { overall: 'APPROVED', final: true, repeat: 3 });
    expect(result.map((d) => d.status)).toEqual([200, 200, 200]);
    const events = await stack.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('payload', 'like', `%${scanRef}%`)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ delivery_count: 3, outcome: 'moved:completed' });
    expect(events[0]?.processed_at).toBeInstanceOf(Date);
    expect((await userRow(stack, user.id)).kyc_status).toBe('completed');
  });

  it('out of order: a stale non-final result after the final one moves nothing backwards', async () => {
    const { user, scanRef } = await signInAndStart(stack, 'out-of-order@example.com');
    await stack.simulator.deliverOutOfOrder(scanRef, 'DENIED');
    const [session] = await sessionsOf(stack, user.id);
    expect(session).toMatchObject({ status: 'failed', provider_status: 'DENIED' });
    expect((await userRow(stack, user.id)).kyc_status).toBe('failed');
  });

  it('a late final result cannot reopen or flip a finished session', async () => {
    const { user, session } = await signInAndStart(stack, 'late@example.com');
    const approve = resultFor(session, 'APPROVED', true);
    const deny = resultFor(session, 'DENIED', true);
    const expire = resultFor(session, 'EXPIRED', true);
    expect((await post(approve, idenfySignature(approve))).json.outcome).toBe('moved:completed');
    expect((await post(deny, idenfySignature(deny))).json.outcome).toBe('stale:failed');
    expect((await post(expire, idenfySignature(expire))).json.outcome).toBe('stale:expired');
    expect((await sessionsOf(stack, user.id))[0]?.status).toBe('completed');
    expect((await userRow(stack, user.id)).kyc_status).toBe('completed');
  });

  it('ignores a result whose clientId names another user', async () => {
    const { user, session } = await signInAndStart(stack, 'mismatch@example.com');
    const body = JSON.stringify(
      idenfyResult({
        scanRef: session.idenfy_scan_ref as string,
        clientId: `someone-else-${Date.now()}`,
        overall: 'APPROVED',
        final: true,
      }),
    );
    const res = await post(body, idenfySignature(body));
    expect(res.json.outcome).toBe('ignored:client_mismatch');
    expect((await userRow(stack, user.id)).kyc_status).toBe('in_progress');
  });

  it('recovers user ids that contain "-" and digits from the client id', async () => {
    // The user id is a uuid (dashes, digits); the client id adds "-<ms>". The parser must strip only that.
    const { user, session } = await signInAndStart(stack, 'digits-123-x@example.com');
    expect(session.client_id.slice(0, user.id.length)).toBe(user.id);
    const body = resultFor(session, 'APPROVED', true);
    expect((await post(body, idenfySignature(body))).json.outcome).toBe('moved:completed');
  });

  it('iDenfy sample body: accepted with its real signature, refused after one byte changes', async () => {
    const fixture = idenfySample.bytes();
    const withKey = await startTestStack({ env: { IDENFY_WEBHOOK_SECRET: idenfySample.key } });
    try {
      const good = await withKey.client().request('POST', '/webhooks/idenfy', {
        body: fixture,
        headers: {
          'content-type': 'application/json',
          'idenfy-signature': idenfySample.signature,
        },
      });
      expect(good.status).toBe(200);
      expect(good.json.outcome).toBe('ignored:unknown_scan_ref');
      const tampered = Uint8Array.from(fixture);
      tampered[10] = (tampered[10] as number) ^ 1;
      const bad = await withKey.client().request('POST', '/webhooks/idenfy', {
        body: tampered,
        headers: {
          'content-type': 'application/json',
          'idenfy-signature': idenfySample.signature,
        },
      });
      expect(bad.status).toBe(401);
    } finally {
      await withKey.close();
    }
  });
});
