import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { TestProject } from 'vitest/node';
import { isDatabaseUnavailable } from '../src/index';
import setup from '../src/testing/global-setup';
import { ADMIN_URL_KEY } from '../src/testing/provided';

const savedUrl = process.env.DATABASE_URL;
afterEach(() => {
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
});

function fakeProject() {
  const provided = new Map<string, unknown>();
  const project = { provide: (key: string, value: unknown) => provided.set(key, value) };
  return { provided, project: project as unknown as TestProject };
}

async function query(url: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.query(sql)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

describe('test global setup', () => {
  it('provides DATABASE_URL as is and starts nothing when it is set', async () => {
    const { provided, project } = fakeProject();
    process.env.DATABASE_URL = inject(ADMIN_URL_KEY);
    const teardown = await setup(project);
    expect(teardown).toBeUndefined();
    expect(provided.get(ADMIN_URL_KEY)).toBe(inject(ADMIN_URL_KEY));
  });

  it('refuses a DATABASE_URL that does not answer, without echoing its password', async () => {
    const { project } = fakeProject();
    process.env.DATABASE_URL = 'postgres://u:hunter2@127.0.0.1:1/db';
    const error = await setup(project).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/does not answer/);
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('otherwise starts an embedded server with a throwaway data dir, and its teardown removes both', async () => {
    const { provided, project } = fakeProject();
    delete process.env.DATABASE_URL;
    const teardown = await setup(project);
    const url = provided.get(ADMIN_URL_KEY) as string;
    expect(url).not.toBe(inject(ADMIN_URL_KEY));
    expect(await query(url, 'select 1 as ok')).toEqual([{ ok: 1 }]);
    const [row] = (await query(url, "select current_setting('data_directory') as dir")) as { dir: string }[];
    expect(existsSync(row?.dir ?? '')).toBe(true);

    await teardown?.();
    expect(isDatabaseUnavailable(await query(url, 'select 1').catch((e: unknown) => e))).toBe(true);
    expect(existsSync(row?.dir ?? '')).toBe(false);
  });
});
