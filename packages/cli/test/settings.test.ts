import { describe, expect, it } from 'vitest';
import { admin } from '../src/commands/admin';
import { migrate } from '../src/commands/one-shot';
import { serve } from '../src/commands/serve';
import { sim } from '../src/commands/sim';
import { SettingsError } from '../src/env/validate';
import { cliEnv, runCli } from './support/run-cli';

const LONG_SECRET = 'a-session-secret-that-is-long-enough-123';

async function refusal(run: () => Promise<unknown>): Promise<SettingsError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('settings are checked before anything starts', () => {
  it('names the variable, who needs it and the mode, never the value', async () => {
    const cases: {
      env: Record<string, string>;
      run?: 'serve' | 'admin' | 'migrate' | 'sim';
      variable: string;
      neededBy: string;
      mode: string;
      secret?: string;
    }[] = [
      {
        env: { NODE_ENV: 'production' },
        variable: 'SESSION_SECRET',
        neededBy: 'server',
        mode: 'production mode',
      },
      {
        env: { SESSION_SECRET: 'short-but-secret-xyz' },
        variable: 'SESSION_SECRET',
        neededBy: 'server',
        mode: 'development mode',
        secret: 'short-but-secret-xyz',
      },
      {
        env: { PORT: 'eighty' },
        variable: 'PORT',
        neededBy: 'server',
        mode: 'development mode',
        secret: 'eighty',
      },
      {
        env: { SMTP_URL: 'ftp://mailer:hunter2@mail.example' },
        variable: 'SMTP_URL',
        neededBy: 'server',
        mode: 'development mode',
        secret: 'hunter2',
      },
      {
        env: { DATABASE_URL: 'mysql://root:pw-in-url@db' },
        variable: 'DATABASE_URL',
        neededBy: 'server',
        mode: 'development mode',
        secret: 'pw-in-url',
      },
      {
        env: { IDENFY_DEV_MODE: 'false' },
        variable: 'IDENFY_API_KEY',
        neededBy: 'server',
        mode: 'development mode',
      },
      // Outside dev mode the admin view needs a real token: no generated one.
      {
        env: {
          SMTP_URL: 'smtp://127.0.0.1:2525',
          IDENFY_API_KEY: 'key',
          IDENFY_API_SECRET: 'secret',
          IDENFY_WEBHOOK_SECRET: 'hook',
        },
        variable: 'ADMIN_API_TOKEN',
        neededBy: 'admin view',
        mode: 'a setup with real services (SMTP_URL, IDENFY_API_KEY), so not dev mode',
      },
      {
        env: { ADMIN_SESSION_SECRET: 'too-short-admin-secret' },
        variable: 'ADMIN_SESSION_SECRET',
        neededBy: 'admin view',
        mode: 'development mode',
        secret: 'too-short-admin-secret',
      },
      {
        env: { PORT: '18150', ADMIN_PORT: '18150' },
        variable: 'ADMIN_PORT',
        neededBy: 'admin view',
        mode: 'development mode',
      },
      {
        env: {},
        run: 'admin',
        variable: 'ADMIN_API_TOKEN',
        neededBy: 'admin view',
        mode: 'development mode',
      },
      {
        env: {
          NODE_ENV: 'production',
          ADMIN_API_TOKEN: 'tok-secret-123',
          ADMIN_SESSION_SECRET: LONG_SECRET,
          ADMIN_SERVER_URL: 'http://10.1.2.3:8080',
        },
        run: 'admin',
        variable: 'ADMIN_SERVER_URL',
        neededBy: 'admin view',
        mode: 'production mode',
        secret: 'tok-secret-123',
      },
      {
        env: { DATABASE_POOL_MAX: '0' },
        run: 'migrate',
        variable: 'DATABASE_POOL_MAX',
        neededBy: 'database',
        mode: 'development mode',
      },
      {
        env: { NODE_ENV: 'production' },
        run: 'sim',
        variable: 'NODE_ENV',
        neededBy: 'stripe simulator',
        mode: 'production mode',
      },
      {
        env: { STRIPE_SECRET_KEY: 'sk_test_mine_only' },
        run: 'sim',
        variable: 'STRIPE_WEBHOOK_SECRET',
        neededBy: 'stripe simulator',
        mode: 'development mode',
        secret: 'sk_test_mine_only',
      },
    ];
    for (const c of cases) {
      const label = `${c.run ?? 'serve'} ${JSON.stringify(c.env)}`;
      const error = await refusal(() => {
        if (c.run === 'admin') return admin(c.env, {});
        if (c.run === 'migrate') return migrate(c.env, {});
        if (c.run === 'sim')
          return sim('stripe', c.env, { port: '0', host: '127.0.0.1', webhookUrl: undefined });
        return serve(c.env, { admin: true, overrides: {} });
      });
      expect({ variable: error.variable, neededBy: error.neededBy, mode: error.mode }, label).toEqual({
        variable: c.variable,
        neededBy: c.neededBy,
        mode: c.mode,
      });
      if (c.secret !== undefined) expect(error.message, label).not.toContain(c.secret);
    }
  });

  it('flags override variables and are checked the same way', async () => {
    const error = await refusal(() =>
      serve({ PORT: '8080' }, { admin: false, overrides: { PORT: '99999' } }),
    );
    expect(error.variable).toBe('PORT');
  });

  it('the command prints one line naming variable, component and mode, exits 1, and starts nothing', async () => {
    const result = await runCli(['serve', '--database-url', 'mysql://root:s3cr3t-pass@db/x'], cliEnv());
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'hero-onboarding: configuration error: DATABASE_URL: must be a postgres:// or postgresql:// URL (needed by the server in development mode)',
    );
    expect(result.stdout).toBe('');
  });
});
