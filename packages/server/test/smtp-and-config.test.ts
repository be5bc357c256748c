import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpCodeSender } from '../src/auth/code-sender';
import { loadConfig } from '../src/config';
import { startTestStack, type TestStack } from './support/stack';

describe('sign-in codes over SMTP (a local SMTP server, real nodemailer)', () => {
  const inbox: { to: string; body: string }[] = [];
  let smtp: SMTPServer;
  let stack: TestStack;
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('rejected'))
          return callback(new Error(`Recipient <${address.address}> rejected`));
        callback();
      },
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    stack = await startTestStack({
      // A real setup (mail configured), with iDenfy's client pointed at the simulator as a stand-in.
      env: { ONBOARDING_DEV_MODE: 'false', IDENFY_DEV_MODE: 'false', SMTP_URL: smtpUrl },
      codeSender: smtpCodeSender({ smtpUrl, from: 'hero <no-reply@example.com>' }),
    });
  });
  afterAll(async () => {
    await stack?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('mails the code and does not return it outside dev mode', async () => {
    const client = stack.client();
    const res = await client.post('/login/challenge', { email: 'mailbox@example.com' });
    expect(res.status).toBe(200);
    expect(res.json.dev_code).toBeUndefined();
    const mail = inbox.find((m) => m.to === 'mailbox@example.com');
    const code = /code is (\d{6})/.exec(mail?.body ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect((await client.post('/login/verify', { email: 'mailbox@example.com', code })).status).toBe(200);
  });

  it('a recipient the mail server rejects is a 502, and the address stays out of the log', async () => {
    const res = await stack.client().post('/login/challenge', { email: 'rejected.person@example.com' });
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe('delivery_failed');
    const log = stack.logger.lines.join('\n');
    expect(log).toContain('sign-in code delivery failed');
    expect(log).not.toContain('rejected.person');
  });

  it('a mail server that refuses answers 502 delivery_failed and does not count the challenge', async () => {
    const broken = await startTestStack({
      env: { ONBOARDING_DEV_MODE: 'false', IDENFY_DEV_MODE: 'false', SMTP_URL: 'smtp://127.0.0.1:1' },
      codeSender: smtpCodeSender({ smtpUrl: 'smtp://127.0.0.1:1', from: 'x@example.com' }),
    });
    try {
      const res = await broken.client().post('/login/challenge', { email: 'nomail@example.com' });
      expect(res.status).toBe(502);
      expect(res.json.error.code).toBe('delivery_failed');
      expect(await broken.db.selectFrom('login_challenges').selectAll().execute()).toHaveLength(0);
      // The failure is logged once, as what it is, with the mail library's error code readable.
      const lines = broken.logger.lines.filter((l) => l.includes('"level":"error"'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
        msg: 'sign-in code delivery failed',
        error_code: expect.stringMatching(/^E[A-Z]+$/),
      });
      expect(lines.join('\n')).not.toContain('unhandled error');
    } finally {
      await broken.close();
    }
  });
});

describe('configuration', () => {
  const prod = {
    NODE_ENV: 'production',
    SESSION_SECRET: 'x'.repeat(40),
    SMTP_URL: 'smtp://mail.example.com',
    IDENFY_API_KEY: 'k',
    IDENFY_API_SECRET: 's',
    IDENFY_WEBHOOK_SECRET: 'w',
  };

  it('a bare environment gives a working dev setup (npm start on a fresh machine)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      devMode: true,
      http: { port: 8080 },
      idenfy: { devMode: true, apiUrl: undefined },
    });
  });

  it('production with everything set starts without dev or demo modes', () => {
    const config = loadConfig(prod);
    expect(config).toMatchObject({
      production: true,
      devMode: false,
      idenfy: { devMode: false, apiUrl: 'https://ivs.idenfy.com' },
      kyc: { demoMode: false },
    });
  });

  it.each([
    ['ONBOARDING_DEV_MODE', { ONBOARDING_DEV_MODE: 'true' }],
    ['KYC_DEMO_MODE', { KYC_DEMO_MODE: 'true' }],
    ['IDENFY_DEV_MODE', { IDENFY_DEV_MODE: 'true' }],
  ])('%s is refused in production', (variable, extra) => {
    expect(() => loadConfig({ ...prod, ...extra })).toThrow(new RegExp(`^${variable}: `));
  });

  it.each(['SESSION_SECRET', 'SMTP_URL', 'IDENFY_API_KEY', 'IDENFY_API_SECRET', 'IDENFY_WEBHOOK_SECRET'])(
    'production without %s fails fast naming it',
    (variable) => {
      const env: Record<string, string> = { ...prod };
      delete env[variable];
      expect(() => loadConfig(env)).toThrow(variable);
    },
  );

  it('malformed values are named, their values are not echoed', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^PORT: /);
    expect(() => loadConfig({ IDENFY_API_URL: 'ftp://secret-host' })).toThrow('IDENFY_API_URL');
    expect(() => loadConfig({ IDENFY_API_URL: 'ftp://secret-host' })).not.toThrow(/secret-host/);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow('SESSION_SECRET');
    expect(() => loadConfig({ KYC_MAX_REMINTS: '-1' })).toThrow('KYC_MAX_REMINTS');
  });
});
