import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./smoke_kyc.sh', import.meta.url));

it('scripts/smoke_kyc.sh starts its own server and prints GREEN after all its steps', async () => {
  const { stdout } = await promisify(execFile)('bash', [SCRIPT], { timeout: 120_000 });
  const lines = stdout.trim().split('\n');
  expect(lines.at(-1)).toMatch(/^GREEN: smoke_kyc passed all 10 steps/);
  const steps = lines.slice(0, -1);
  expect(steps).toHaveLength(10);
  for (const line of steps) expect(line).toMatch(/ ok( \(.*\))?$/);
  expect(stdout).toContain('payment intent before KYC is blocked');
  expect(stdout).toContain('the balance was credited once');
}, 150_000);
