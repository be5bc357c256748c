import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createMemoryLogger } from '../src/logger';
import { startProviders } from '../src/providers';
import { sessionsOf, userRow } from './support/kyc';
import { startTestStack } from './support/stack';

describe('KYC_DEMO_MODE', () => {
  it('completes KYC without any provider call, loudly, on each use', async () => {
    const stack = await startTestStack({ env: { KYC_DEMO_MODE: 'true' } });
    try {
      const { client, user } = await stack.signIn('demo@example.com');
      const start = await client.get('/kyc/start');
      expect(start.status).toBe(302);
      expect(start.headers.get('location')).toBe('/');
      expect((await userRow(stack, user.id)).kyc_status).toBe('completed');
      expect((await sessionsOf(stack, user.id))[0]).toMatchObject({
        status: 'completed',
        provider_status: 'DEMO',
      });
      expect(stack.simulator.stats().tokensMinted).toBe(0);
      const warnings = stack.logger.lines.filter(
        (l) => l.includes('"level":"warn"') && l.includes('KYC DEMO MODE'),
      );
      expect(warnings).toHaveLength(1);
    } finally {
      await stack.close();
    }
  });

  it('is announced at start, together with the simulator', async () => {
    const logger = createMemoryLogger();
    const providers = await startProviders(loadConfig({ KYC_DEMO_MODE: 'true' }), logger);
    try {
      const warnings = logger.lines.filter((l) => l.includes('"level":"warn"')).join('\n');
      expect(warnings).toContain('KYC_DEMO_MODE is ON');
      expect(warnings).toContain('built-in iDenfy simulator');
    } finally {
      await providers.close();
    }
  });
});
