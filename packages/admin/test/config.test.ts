import { ConfigError } from '@hero-onboarding/env';
import { describe, expect, it } from 'vitest';
import { loadAdminConfig } from '../src/config';

const BASE = { ADMIN_API_TOKEN: 'config-test-token-secret-value' };

function failure(env: Record<string, string>): ConfigError {
  try {
    loadAdminConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('admin configuration', () => {
  it('defaults: port 8081 on loopback, the server on PORT, a generated cookie secret outside production', () => {
    const config = loadAdminConfig({ ...BASE, PORT: '9090' });
    expect(config).toMatchObject({
      port: 8081,
      host: '127.0.0.1',
      serverUrl: 'http://127.0.0.1:9090',
      publicUrl: 'http://localhost:8081',
      sessionSecretGenerated: true,
    });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadAdminConfig(BASE).sessionSecret).not.toBe(config.sessionSecret);
  });

  it('names the missing or malformed variable, never its value', () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'ADMIN_API_TOKEN'],
      [{ ...BASE, ADMIN_PORT: 'eighty' }, 'ADMIN_PORT'],
      [{ ...BASE, ADMIN_SERVER_URL: 'ftp://secret-host' }, 'ADMIN_SERVER_URL'],
      [{ ...BASE, ADMIN_SESSION_SECRET: 'short-secret-value' }, 'ADMIN_SESSION_SECRET'],
      [{ ...BASE, NODE_ENV: 'production' }, 'ADMIN_SESSION_SECRET'],
      [
        {
          ...BASE,
          NODE_ENV: 'production',
          ADMIN_SESSION_SECRET: 'x'.repeat(40),
          ADMIN_SERVER_URL: 'http://onboarding.internal.example:8080',
        },
        'ADMIN_SERVER_URL',
      ],
    ];
    for (const [env, variable] of cases) {
      const error = failure(env);
      expect(error.variable, JSON.stringify(env)).toBe(variable);
      for (const [name, value] of Object.entries(env))
        if (name !== 'NODE_ENV') expect(error.message).not.toContain(value);
    }
  });

  it('lets production talk to the server over https or loopback', () => {
    const prod = { ...BASE, NODE_ENV: 'production', ADMIN_SESSION_SECRET: 'y'.repeat(40) };
    expect(loadAdminConfig({ ...prod, ADMIN_SERVER_URL: 'https://api.example.com' }).serverUrl).toBe(
      'https://api.example.com',
    );
    expect(
      loadAdminConfig({ ...prod, ADMIN_SERVER_URL: 'http://127.0.0.1:8080' }).sessionSecretGenerated,
    ).toBe(false);
  });
});
