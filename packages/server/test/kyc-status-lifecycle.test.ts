import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import { type Database, userRepository } from '@hero-onboarding/generated/onboarding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveKycStatus } from '../src/users/kyc-status';

let t: TestDatabase<Database>;
beforeAll(async () => {
  t = await createTestDatabase<Database>();
});
afterAll(async () => t?.destroy());

const move = (
  id: string,
  to: Parameters<typeof moveKycStatus>[2],
  patch?: Parameters<typeof moveKycStatus>[3],
) => t.db.transaction().execute((trx) => moveKycStatus(trx, id, to, patch));
const statusOf = async (id: string) => (await userRepository.getOrThrow(t.db, id)).kyc_status;

describe('User.kyc_status moves only along its lifecycle', () => {
  it('allowed moves happen, others change nothing', async () => {
    const { id } = await userRepository.create(t.db, { email: 'lifecycle@example.com' });
    expect(await move(id, 'failed')).toBeUndefined(); // pending cannot fail: nothing was tried
    expect(await statusOf(id)).toBe('pending');
    expect((await move(id, 'in_progress'))?.kyc_status).toBe('in_progress');
    expect(await move(id, 'in_progress')).toBeUndefined();
    const verifiedAt = new Date('2030-01-02T03:04:05Z');
    expect(await move(id, 'completed', { kyc_verified_at: verifiedAt })).toMatchObject({
      kyc_status: 'completed',
      kyc_verified_at: verifiedAt,
    });
    expect(await move(id, 'failed')).toBeUndefined(); // a late DENIED cannot undo a completion
    expect(await move(id, 'expired')).toBeUndefined();
    expect(await statusOf(id)).toBe('completed');
    expect(await move(id, 'pending', { kyc_verified_at: null })).toMatchObject({
      kyc_status: 'pending',
      kyc_verified_at: null,
    });
  });

  it('a missing user moves nothing', async () => {
    expect(await move('00000000-0000-4000-8000-000000000000', 'in_progress')).toBeUndefined();
  });
});

describe('one guarded place writes it', () => {
  const src = fileURLToPath(new URL('../src', import.meta.url));
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const writes =
    /transitionKycStatus|updateTable\(\s*'users'\s*\)|userRepository\.update\(|insertInto\(\s*'users'\s*\)/g;

  it('no server file but users/kyc-status.ts writes kyc_status', () => {
    expect(files.length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const file of files) {
      if (file === path.join('users', 'kyc-status.ts')) continue;
      const text = readFileSync(path.join(src, file), 'utf8');
      for (const match of text.matchAll(writes)) {
        if (text.slice(match.index, match.index + 400).includes('kyc_status')) offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });
});
