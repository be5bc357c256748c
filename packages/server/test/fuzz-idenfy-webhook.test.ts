import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbState } from './support/db-state';
import { signInAndStart, userRow } from './support/kyc';
import { IDENFY, startTestStack, type TestStack } from './support/stack';
import { idenfyResult, idenfySignature } from './support/webhook';

/**
 * Property-based: nothing a sender without the signing key can produce, and no signed body that is not
 * an iDenfy result, changes any row or gets anything but a 4xx. A live session (in progress, its scanRef
 * and client id in the bodies) is the target throughout, so an accepted body would show.
 */
let stack: TestStack;
let live: Awaited<ReturnType<typeof signInAndStart>>;
beforeAll(async () => {
  stack = await startTestStack();
  live = await signInAndStart(stack, 'fuzz-target@example.com');
});
afterAll(async () => stack?.close());

const validBody = (overall = 'APPROVED') =>
  idenfyResult({ scanRef: live.scanRef, clientId: live.session.client_id, overall, final: true });

async function deliver(body: Uint8Array | string, headers: Record<string, string>) {
  const res = await stack.app.request('/webhooks/idenfy', { method: 'POST', body, headers });
  return {
    status: res.status,
    json: (await res.json().catch(() => undefined)) as { error?: { code: string } },
  };
}

/** Runs the delivery and checks it changed nothing; returns its status. */
async function unchanged(body: Uint8Array | string, headers: Record<string, string>) {
  const before = await dbState(stack.db);
  const { status, json } = await deliver(body, headers);
  expect(await dbState(stack.db)).toBe(before);
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  expect(json?.error?.code).toMatch(/^[a-z_]+$/);
  return status;
}

const headerText = fc.string({ unit: 'grapheme-ascii', maxLength: 80 });
const contentType = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  '',
);
// Built lazily: the live session exists only once beforeAll has run.
const anyBody = () =>
  fc.oneof(
    fc.uint8Array({ maxLength: 600 }),
    fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
    fc.constant(JSON.stringify(validBody())),
  );

/** A real result for the live session with one required part broken. */
const brokenResult = () =>
  fc
    .tuple(
      fc.constantFrom('scanRef', 'clientId', 'final', 'status', 'status.overall', 'status.fraudTags', 'body'),
      fc.constantFrom<unknown>(
        undefined,
        null,
        0,
        1.5,
        '',
        'APPROVED ',
        'approved',
        [],
        {},
        ['x'],
        true,
        '{}',
      ),
    )
    .filter(([field, value]) => !(field === 'status.fraudTags' && (value === null || value === undefined)))
    .filter(([field, value]) => !(field === 'status.fraudTags' && Array.isArray(value)))
    .filter(([field, value]) => !(field === 'final' && typeof value === 'boolean'))
    // Any non-empty string is a well-formed reference (an unknown one is answered 200 and kept).
    .filter(
      ([field, value]) =>
        !((field === 'scanRef' || field === 'clientId') && typeof value === 'string' && value !== ''),
    )
    .map(([field, value]) => {
      if (field === 'body') return JSON.stringify(value ?? null);
      const body = validBody() as Record<string, unknown> & { status: Record<string, unknown> };
      const [outer, inner] = field.split('.') as [string, string | undefined];
      const target: Record<string, unknown> = inner === undefined ? body : body.status;
      const key = inner ?? outer;
      if (value === undefined) delete target[key];
      else target[key] = value;
      return JSON.stringify(body);
    });

/** The same valid result in bytes that are not UTF-8 JSON. */
const misencoded = () =>
  fc.constantFrom('utf16le', 'latin1-with-accents', 'truncated', 'nul-padded').map((kind) => {
    const text = JSON.stringify({ ...validBody(), note: 'Ærø façade' });
    switch (kind) {
      case 'utf16le':
        return new Uint8Array(Buffer.from(text, 'utf16le'));
      case 'latin1-with-accents':
        return new Uint8Array(Buffer.from(text, 'latin1'));
      case 'truncated':
        return new Uint8Array(Buffer.from(text.slice(0, text.length - 3), 'utf8'));
      default:
        return new Uint8Array(Buffer.concat([Buffer.from(text, 'utf8'), Buffer.alloc(4)]));
    }
  });

describe('POST /webhooks/idenfy under random input', () => {
  it('without the signing key: 401 and no change, whatever the body, signature or headers', async () => {
    const signature = fc.oneof(
      headerText,
      fc.stringMatching(/^[0-9a-f]{64}$/),
      fc.constant(createHmac('sha256', 'not-the-key').update(JSON.stringify(validBody())).digest('hex')),
      fc.constant(idenfySignature(JSON.stringify(validBody())).toUpperCase()),
      fc.constant(`sha256=${idenfySignature(JSON.stringify(validBody()))}`),
    );
    await fc.assert(
      fc.asyncProperty(
        anyBody(),
        fc.option(signature, { nil: undefined }),
        contentType,
        async (body, sig, type) => {
          // The one combination that is authentic is not what this property is about.
          const bytes = typeof body === 'string' ? body : Buffer.from(body);
          if (sig !== undefined && sig === idenfySignature(bytes)) return;
          const status = await unchanged(body, {
            ...(type === '' ? {} : { 'content-type': type }),
            ...(sig === undefined ? {} : { 'idenfy-signature': sig }),
          });
          expect(status).toBe(401);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('validly signed garbage, broken results and foreign encodings: 400 and no change', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }),
          fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
          brokenResult(),
          misencoded(),
        ),
        contentType,
        async (body, type) => {
          const bytes = typeof body === 'string' ? body : Buffer.from(body);
          const status = await unchanged(body, {
            'idenfy-signature': idenfySignature(bytes, IDENFY.webhookSecret),
            ...(type === '' ? {} : { 'content-type': type }),
          });
          expect(status).toBe(400);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('the target was live all along: the authentic result still completes it, once', async () => {
    const body = JSON.stringify(validBody());
    const first = await deliver(body, { 'idenfy-signature': idenfySignature(body) });
    expect(first.status).toBe(200);
    expect((await userRow(stack, live.user.id)).kyc_status).toBe('completed');
  });
});
