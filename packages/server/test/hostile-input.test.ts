import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { signInAndStart } from './support/kyc';
import { ADMIN_API_TOKEN, startTestStack, type TestStack } from './support/stack';
import { idenfyResult, idenfySignature } from './support/webhook';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.close());

/**
 * Streams a chunked body (no Content-Length, so only a streaming limit can stop it early) over a raw
 * socket, and stops writing as soon as the server answers: it closes the connection after a 413.
 */
function postStream(
  path: string,
  totalBytes: number,
): Promise<{ status: number; body: string; sentBytes: number }> {
  const { hostname, port } = new URL(stack.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const frame = Buffer.concat([
      Buffer.from(`${chunk.length.toString(16)}\r\n`),
      chunk,
      Buffer.from('\r\n'),
    ]);
    const pump = () => {
      while (answer === '' && sent < totalBytes) {
        sent += chunk.length;
        if (!socket.write(frame)) return void socket.once('drain', pump);
      }
      if (answer === '') socket.write('0\r\n\r\n');
    };
    socket.on('connect', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      pump();
    });
    socket.on('data', (d: Buffer) => {
      answer += d.toString();
      if (answer.includes('\r\n\r\n') && answer.includes('}')) {
        socket.destroy();
        resolve({ status: Number(answer.split(' ')[1]), body: answer, sentBytes: sent });
      }
    });
    socket.on('error', (error) => (answer === '' ? reject(error) : undefined));
  });
}

describe('hostile input', () => {
  it('cuts off oversized bodies, chunked or not, with 413', async () => {
    // 64 MiB offered; the server must answer long before reading it all (it is never buffered whole).
    const json = await postStream('/login/challenge', 64 * 1024 * 1024);
    expect(json.status).toBe(413);
    expect(json.body).toContain('payload_too_large');
    expect(json.sentBytes).toBeLessThan(16 * 1024 * 1024);
    const hook = await postStream('/webhooks/idenfy', 64 * 1024 * 1024);
    expect(hook.status).toBe(413);
    expect(hook.sentBytes).toBeLessThan(16 * 1024 * 1024);
    const plain = await stack.client().request('POST', '/login/challenge', {
      body: JSON.stringify({ email: `${'a'.repeat(100 * 1024)}@example.com` }),
      headers: { 'content-type': 'application/json' },
    });
    expect(plain.status).toBe(413);
  });

  it('NUL and other control characters are a 400, never a 500', async () => {
    const client = stack.client();
    for (const email of ['a\u0000b@example.com', 'x\u0007@example.com']) {
      const res = await client.post('/login/challenge', { email });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalid_email');
    }
    const form = await client.request('POST', '/login/challenge', {
      body: 'email=x%00@example.com',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(400);
    const search = await client.get('/admin/list-users?q=%00', {
      authorization: `Bearer ${ADMIN_API_TOKEN}`,
    });
    expect(search.status).toBe(400);
    const { session } = await signInAndStart(stack, 'nul-scan@example.com');
    const body = JSON.stringify(
      idenfyResult({ scanRef: 'ref\u0000x', clientId: session.client_id, overall: 'APPROVED', final: true }),
    );
    const hook = await client.request('POST', '/webhooks/idenfy', {
      body,
      headers: { 'idenfy-signature': idenfySignature(body) },
    });
    expect(hook.status).toBe(400);
  });
});

describe('the logger', () => {
  it('redacts secret and personal keys, and masks addresses inside free text', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), redactKeys: ['email'] });
    log.error('550 Recipient <secret.person@example.com> rejected', {
      email: 'a@example.com',
      auth_token: 'tok-123',
      error: new Error('Cannot send to b.c@example.org'),
      nested: { note: 'for d@example.net' },
    });
    const line = lines.join('');
    for (const leaked of [
      'secret.person@example.com',
      'a@example.com',
      'tok-123',
      'b.c@example.org',
      'd@example.net',
    ]) {
      expect(line).not.toContain(leaked);
    }
    expect(line).toContain('[redacted]');
    expect(line).toContain('[email]');
  });
});
