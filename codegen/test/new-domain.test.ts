import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempWorkspace } from './support/workspace';

// A domain this repository has never seen, written by the test: it must generate, type-check and run.
const SUPPORT = `doc: Customer support.
enums:
  TicketStatus: [open, answered, closed]
  TicketPriority: [low, normal, high]
rootobjects:
  Ticket:
    doc: A question from a user.
    fields:
      user_id: { type: User, on_delete: cascade }
      subject: { type: str, min: 3, max: 120 }
      body: { type: str, pii: true }
      priority: { type: TicketPriority, default: normal, index: true }
      status:
        type: TicketStatus
        default: open
        index: true
        lifecycle:
          open: [answered, closed]
          answered: [open, closed]
      reference: { type: str, unique: true }
      tags?: "[]str"
      answered_at?: otime
      effort_minutes?: { type: u32, max: 600 }
`;

const USAGE = `import type { Kysely } from 'kysely';
import { type Database, ticketRepository, type TicketStatusNext, type NewTicket } from './generated/onboarding';

export async function use(db: Kysely<Database>, userId: string) {
  const input: NewTicket = { user_id: userId, subject: 'Help', body: 'text', reference: 'T-1' };
  const ticket = await ticketRepository.create(db, input);
  const next: TicketStatusNext<'open'> = 'answered';
  await ticketRepository.transitionStatus(db, ticket.id, 'open', next);
  // @ts-expect-error closed is final
  await ticketRepository.transitionStatus(db, ticket.id, 'closed', 'open');
  // @ts-expect-error priority must be a TicketPriority
  await ticketRepository.update(db, ticket.id, { priority: 'urgent' });
  const page = await ticketRepository.list(db, { where: { status: { in: ['open'] }, priority: 'high' }, orderBy: 'reference' });
  const tags: string[] | null | undefined = page.items[0]?.tags;
  return tags;
}
`;

const ws = tempWorkspace({ importable: true });
let t: TestDatabase<Record<string, never>>;

beforeAll(async () => {
  writeFileSync(join(ws.schemas, 'onboarding', 'support.yaml'), SUPPORT);
  const result = runCli(['--schemas', ws.schemas, '--out', ws.out]);
  expect(result.stderr).toBe('');
  t = await createTestDatabase({ migrationsDir: join(ws.out, 'onboarding', 'migrations') });
});
afterAll(async () => {
  await t?.destroy();
  ws.dispose();
});

describe('a brand-new domain file', () => {
  it('type-checks: the repository, its lifecycle and its filters are typed', () => {
    writeFileSync(join(ws.dir, 'usage.ts'), USAGE);
    writeFileSync(
      join(ws.dir, 'tsconfig.json'),
      JSON.stringify({ extends: join(repoRoot, 'tsconfig.base.json'), include: ['usage.ts', 'generated'] }),
    );
    const tsc = spawnSync(
      join(repoRoot, 'node_modules', '.bin', 'tsc'),
      ['-p', join(ws.dir, 'tsconfig.json')],
      { encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('works against PostgreSQL: create, lists, lifecycle, typed errors, pii metadata', async () => {
    const generated = await import(pathToFileURL(join(ws.out, 'onboarding', 'index.ts')).href);
    const { userRepository, ticketRepository, metadata, UniqueViolationError, ValidationError } = generated;
    const db = t.db as never;
    const user = await userRepository.create(db, { email: 'help@example.com' });
    const ticket = await ticketRepository.create(db, {
      user_id: user.id,
      subject: 'Cannot pay',
      body: 'My card fails',
      reference: 'T-1',
      tags: ['billing', 'card'],
    });
    expect(ticket).toMatchObject({
      status: 'open',
      priority: 'normal',
      tags: ['billing', 'card'],
      answered_at: null,
    });
    expect((await ticketRepository.findByReference(db, 'T-1'))?.id).toBe(ticket.id);
    const answered = await ticketRepository.transitionStatus(db, ticket.id, 'open', 'answered', {
      answered_at: new Date(),
    });
    expect(answered?.status).toBe('answered');
    expect(await ticketRepository.transitionStatus(db, ticket.id, 'open', 'answered')).toBeUndefined();
    expect(
      (await ticketRepository.list(db, { where: { status: 'answered', user_id: user.id } })).items,
    ).toHaveLength(1);
    expect(await ticketRepository.count(db, { priority: 'high' })).toBe(0);
    await expect(
      ticketRepository.create(db, { user_id: user.id, subject: 'Again', body: 'x', reference: 'T-1' }),
    ).rejects.toBeInstanceOf(UniqueViolationError);
    await expect(
      ticketRepository.create(db, {
        user_id: user.id,
        subject: 'No',
        body: 'x',
        reference: 'T-2',
        effort_minutes: 601,
      }),
    ).rejects.toMatchObject({ errors: [{ field: 'subject' }, { field: 'effort_minutes' }] });
    await expect(ticketRepository.update(db, ticket.id, { priority: 'urgent' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(metadata.Ticket.piiFields).toEqual(['body']);
    expect(await userRepository.delete(db, user.id)).toBe(true);
    expect(await ticketRepository.get(db, ticket.id)).toBeUndefined();
  });
});
