import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import type { Database } from '@hero-onboarding/generated/onboarding';
import { startIdenfySimulator } from '@hero-onboarding/kyc/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { startServerProcess } from '../src/testing/server-process';
import { HttpClient } from './support/http-client';
import { expectNoSecretsLogged } from './support/log-leaks';
import { startMailbox } from './support/mailbox';
import { ADMIN_EMAIL, CONFIGURED_SECRETS, IDENFY, SESSION_SECRET } from './support/stack';

const idenfyKeys = {
  IDENFY_API_KEY: IDENFY.apiKey,
  IDENFY_API_SECRET: IDENFY.apiSecret,
  IDENFY_WEBHOOK_SECRET: IDENFY.webhookSecret,
};
const smtp = { SMTP_URL: 'smtp://mail.example.com' };

describe('dev conveniences only when nothing real is configured', () => {
  it('a mail server or real iDenfy keys turn dev mode off by default, whatever NODE_ENV says', () => {
    expect(loadConfig({ ...smtp, ...idenfyKeys })).toMatchObject({
      devMode: false,
      idenfy: { devMode: false },
      http: { host: '0.0.0.0' },
    });
    // Mail but no iDenfy keys: the simulator does not quietly stand in for iDenfy.
    expect(() => loadConfig(smtp)).toThrow(/^IDENFY_API_KEY: /);
    // iDenfy keys but no mail: codes are not quietly returned in responses.
    expect(() => loadConfig(idenfyKeys)).toThrow(/^SMTP_URL: /);
  });

  it.each([
    ['ONBOARDING_DEV_MODE', smtp],
    ['ONBOARDING_DEV_MODE', idenfyKeys],
    ['IDENFY_DEV_MODE', smtp],
    ['KYC_DEMO_MODE', smtp],
    ['KYC_DEMO_MODE', { ...idenfyKeys, ...smtp }],
  ])('%s=true is refused while %o is configured', (variable, real) => {
    expect(() => loadConfig({ ...idenfyKeys, ...real, [variable]: 'true' })).toThrow(
      new RegExp(`^${variable}: is refused while real services are configured`),
    );
  });

  it('payments: real keys count as real; their stand-ins run only where nothing is real', () => {
    const stripe = { STRIPE_SECRET_KEY: 'sk_live_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' };
    const clickpesa = {
      CLICKPESA_CLIENT_ID: 'c',
      CLICKPESA_API_KEY: 'k',
      CLICKPESA_CHECKSUM_KEY: 's',
      CLICKPESA_API_URL: 'https://api.clickpesa.com/third-parties',
    };
    for (const real of [stripe, clickpesa]) {
      // Dev mode is off, so the sign-in codes need a mail server: a real key alone cannot start in dev mode.
      expect(() => loadConfig(real)).toThrow(/^SMTP_URL: /);
      expect(loadConfig({ ...real, ...smtp, ...idenfyKeys }).devMode).toBe(false);
      expect(() => loadConfig({ ...real, ONBOARDING_DEV_MODE: 'true' })).toThrow(
        /^ONBOARDING_DEV_MODE: is refused/,
      );
    }
    // Mail configured and no payment keys: no stand-in takes payments in a real deployment.
    expect(loadConfig({ ...smtp, ...idenfyKeys }).payments).toMatchObject({
      stripe: { mode: 'off' },
      clickpesa: { mode: 'off' },
    });
    // Stripe's test mode is a sandbox: dev mode stays on with test keys (README: trying Stripe for real).
    expect(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' }).devMode).toBe(
      true,
    );
    // Keys pointed at a stand-in of your own are not real.
    const standIn = { ...stripe, STRIPE_API_URL: 'http://127.0.0.1:9999' };
    expect(loadConfig(standIn)).toMatchObject({ devMode: true, payments: { stripe: { mode: 'live' } } });
    expect(loadConfig({}).payments).toMatchObject({
      stripe: { mode: 'stand-in' },
      clickpesa: { mode: 'stand-in' },
    });
  });

  it('dev mode listens on loopback unless HOST says otherwise; a stand-in iDenfy is not "real"', () => {
    expect(loadConfig({}).http.host).toBe('127.0.0.1');
    expect(loadConfig({ ONBOARDING_DEV_MODE: 'true' }).http.host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).http.host).toBe('0.0.0.0');
    expect(loadConfig({ ...idenfyKeys, IDENFY_DEV_MODE: 'true', ONBOARDING_DEV_MODE: 'true' }).devMode).toBe(
      true,
    );
  });
});

describe('as a process', () => {
  let database: TestDatabase<Database>;
  beforeAll(async () => {
    database = await createTestDatabase<Database>();
  });
  afterAll(async () => database?.destroy());

  it('with SMTP_URL and iDenfy keys but no NODE_ENV: codes are mailed only, and no dev banner', async () => {
    const mailbox = await startMailbox();
    const idenfy = await startIdenfySimulator({ ...IDENFY, port: 0 });
    const server = await startServerProcess({
      DATABASE_URL: database.url,
      NODE_ENV: '',
      HOST: '',
      LOG_LEVEL: 'debug',
      SMTP_URL: mailbox.url,
      IDENFY_API_URL: idenfy.url,
      ADMIN_EMAILS: ADMIN_EMAIL,
      SESSION_SECRET,
      ...idenfyKeys,
    });
    try {
      const stranger = new HttpClient(server.url);
      const challenge = await stranger.post('/login/challenge', { email: ADMIN_EMAIL });
      expect(challenge.status).toBe(200);
      expect(challenge.json).not.toHaveProperty('dev_code');
      expect(challenge.json.channel).toBe('email');
      expect(mailbox.codesFor(ADMIN_EMAIL)).toHaveLength(1);
      expect(server.output()).not.toContain('DEV MODE');
      expect(server.output()).toMatch(/listening on http:\/\/0\.0\.0\.0:/);
    } finally {
      await server.stop();
      await idenfy.close();
      await mailbox.close();
    }
    await expectNoSecretsLogged(server.output().split('\n'), database.db, CONFIGURED_SECRETS);
  });

  it('dev mode prints a loud banner and listens on loopback only', async () => {
    const server = await startServerProcess({
      DATABASE_URL: database.url,
      NODE_ENV: '',
      HOST: '',
      LOG_LEVEL: 'info',
      ONBOARDING_DEV_MODE: 'true',
    });
    try {
      expect(server.output()).toContain('!! DEV MODE: NOT FOR REAL USERS');
      expect(server.output()).toContain('anyone who reaches this port can sign in as anyone');
      expect(server.output()).toContain('Stripe is a local stand-in');
      expect(server.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:/);
      const port = Number(new URL(server.url).port);
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i?.family === 'IPv4' && !i.internal)?.address;
      if (external !== undefined) expect(await connects(external, port)).toBe(false);
      expect(await connects('127.0.0.1', port)).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it.each(['ONBOARDING_DEV_MODE', 'IDENFY_DEV_MODE', 'KYC_DEMO_MODE'])(
    '%s=true makes a production process refuse to start',
    async (variable) => {
      const start = startServerProcess({
        DATABASE_URL: database.url,
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        SMTP_URL: 'smtp://127.0.0.1:1',
        ...idenfyKeys,
        [variable]: 'true',
      });
      await expect(start).rejects.toThrow(
        new RegExp(`configuration error: ${variable}: is refused when NODE_ENV=production`),
      );
    },
  );
});

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
