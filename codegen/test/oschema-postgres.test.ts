import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oschemaFixture, runCli, tempWorkspace, typeCheck } from './support/workspace';

// The design's domains written in .oschema (with overlays): generated alone, as namespace `design`.
const ws = tempWorkspace({
  importable: true,
  onboarding: false,
  namespaces: { design: oschemaFixture('design') },
});
let t: TestDatabase<Record<string, never>>;

beforeAll(async () => {
  const result = runCli(['--schemas', ws.schemas, '--out', ws.out]);
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('design: ');
  t = await createTestDatabase({
    migrationsDir: false,
    namespaces: [{ namespace: 'design', dir: join(ws.out, 'design', 'migrations') }],
  });
});
afterAll(async () => {
  await t?.destroy();
  ws.dispose();
});

const USAGE = `import type { Kysely } from 'kysely';
import { type Address, type Database, type KycSessionStatusNext, kycSessionRepository, type NewProfile, profileRepository } from './generated/design';

export async function use(db: Kysely<Database>, userId: string) {
  const home: Address = { street: '1 Main St', city: 'Nairobi', country: 'KE' };
  const input: NewProfile = { user_id: userId, home, contacts: [{ channel: 'sms', value: '+254700000000' }], languages: ['sw'] };
  const profile = await profileRepository.create(db, input);
  const city: string = profile.home.city;
  // @ts-expect-error an Address needs a city
  await profileRepository.update(db, profile.id, { home: { street: 'x', country: 'KE' } });
  // @ts-expect-error fax is not a ContactChannel
  await profileRepository.update(db, profile.id, { contacts: [{ channel: 'fax', value: '1' }] });
  const next: KycSessionStatusNext<'in_progress'> = 'completed';
  // @ts-expect-error completed is final
  await kycSessionRepository.transitionStatus(db, profile.id, 'completed', 'pending');
  return [city, next];
}
`;

describe('the design domains written in .oschema', () => {
  it('generate type-checked CRUD: value types are interfaces, lifecycles are typed', () => {
    const checked = typeCheck(ws.dir, { 'usage.ts': USAGE });
    expect(checked.output).toBe('');
    expect(checked.status).toBe(0);
  });

  it('migrate on PostgreSQL and run: references, lifecycles, value types and lists as jsonb, nested validation', async () => {
    const generated = await import(pathToFileURL(join(ws.out, 'design', 'index.ts')).href);
    const { userRepository, kycSessionRepository, profileRepository, ValidationError } = generated;
    const db = t.db as never;
    const user = await userRepository.create(db, { email: 'amina@example.com' });
    expect(user).toMatchObject({ role: 'user', kyc_status: 'pending', display_name: null });
    const session = await kycSessionRepository.create(db, {
      user_id: user.id,
      client_id: `${user.id}-1`,
      last_run_at: new Date(),
      provider_tags: ['DOC_MISMATCH'],
    });
    expect(session).toMatchObject({
      status: 'pending',
      recreation_count: 0,
      provider_tags: ['DOC_MISMATCH'],
    });
    expect(
      (await kycSessionRepository.transitionStatus(db, session.id, 'pending', 'in_progress'))?.status,
    ).toBe('in_progress');
    expect(
      await kycSessionRepository.transitionStatus(db, session.id, 'pending', 'in_progress'),
    ).toBeUndefined();

    const home = { street: '1 Main St', city: 'Nairobi', country: 'KE' };
    const contacts = [{ channel: 'sms', value: '+254700000000', verified_at: '2026-01-02T03:04:05.000Z' }];
    const profile = await profileRepository.create(db, {
      user_id: user.id,
      home,
      contacts,
      languages: ['sw', 'en'],
    });
    expect(profile).toMatchObject({
      home,
      contacts,
      previous_addresses: [],
      languages: ['sw', 'en'],
      credit_limit_cents: '0',
      newsletter: false,
    });
    const moved = await profileRepository.update(db, profile.id, {
      home: { ...home, city: 'Mombasa', postal_code: '80100' },
      previous_addresses: [home],
      blocked_users: [user.id],
    });
    expect(moved).toMatchObject({
      home: { city: 'Mombasa', postal_code: '80100' },
      previous_addresses: [home],
      blocked_users: [user.id],
    });
    expect((await profileRepository.findByUserId(db, user.id))?.id).toBe(profile.id);

    const refused = await profileRepository
      .create(db, {
        user_id: user.id,
        home: { street: 'x', country: 'KEN' },
        contacts: [{ channel: 'fax', value: '1' }],
        languages: [],
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as { errors: unknown[] }).errors).toEqual(
      expect.arrayContaining([
        { field: 'home.city', message: 'is required' },
        { field: 'home.country', message: expect.stringContaining('2') },
        { field: 'contacts.0.channel', message: 'must be one of: email, sms, post' },
      ]),
    );
    // Deleting the user is refused while the profile references it (on_delete restrict), allowed after.
    await expect(userRepository.delete(db, user.id)).rejects.toThrow();
    expect(await profileRepository.delete(db, profile.id)).toBe(true);
    expect(await userRepository.delete(db, user.id)).toBe(true);
    expect(await kycSessionRepository.get(db, session.id)).toBeUndefined();
  });
});
