import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import type { TestProject } from 'vitest/node';
import { isDatabaseUnavailable, repoRoot } from '../src/index';
import setup from '../src/testing/global-setup';
import { ADMIN_URL_KEY } from '../src/testing/provided';
import { removeTempDirs, tempDir } from './helpers';

afterAll(removeTempDirs);

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

  it('stops the server and removes its data when the process exits without teardown (Ctrl-C)', async () => {
    const script = path.join(await tempDir(), 'interrupted.mts');
    await writeFile(
      script,
      `import setup from ${JSON.stringify(path.join(repoRoot, 'packages/db/src/testing/global-setup.ts'))};
import pg from ${JSON.stringify(createRequire(import.meta.url).resolve('pg'))};
delete process.env.DATABASE_URL;
let url = '';
await setup({ provide: (_key, value) => { url = value; } });
const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows } = await client.query("select current_setting('data_directory') as dir");
await client.end();
console.log(JSON.stringify({ url, dir: rows[0].dir }));
process.exit(130);
`,
    );
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const error = (await promisify(execFile)(tsx, [script], { cwd: repoRoot }).catch((e: unknown) => e)) as {
      code: number;
      stdout: string;
    };
    expect(error.code).toBe(130);
    const { url, dir } = JSON.parse(error.stdout) as { url: string; dir: string };
    expect(existsSync(dir)).toBe(false);
    expect(isDatabaseUnavailable(await query(url, 'select 1').catch((e: unknown) => e))).toBe(true);
  });
});
