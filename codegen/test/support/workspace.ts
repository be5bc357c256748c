import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const cli = join(repoRoot, 'codegen', 'src', 'cli.ts');

/**
 * A temp folder with a copy of the repository's schemas (and optionally generated/), removed by `dispose`.
 * `importable` puts it under codegen/test/fixtures/out (inside the repo, so generated code resolves kysely;
 * excluded from tsc and vitest) for tests that import what they generate.
 */
export function tempWorkspace(
  options: {
    withGenerated?: boolean;
    importable?: boolean;
    /** Copy the repository's schemas/ (default true). */
    onboarding?: boolean;
    /** More namespaces: name -> a folder of schema files to copy into schemas/<name>. */
    namespaces?: Record<string, string>;
  } = {},
) {
  const base = options.importable ? join(repoRoot, 'codegen', 'test', 'fixtures', 'out') : tmpdir();
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'codegen-test-'));
  if (options.onboarding ?? true)
    cpSync(join(repoRoot, 'schemas'), join(dir, 'schemas'), { recursive: true });
  for (const [name, from] of Object.entries(options.namespaces ?? {}))
    cpSync(from, join(dir, 'schemas', name), { recursive: true });
  if (options.withGenerated) {
    cpSync(join(repoRoot, 'generated', 'onboarding'), join(dir, 'generated', 'onboarding'), {
      recursive: true,
    });
    cpSync(join(repoRoot, 'generated', 'package.json'), join(dir, 'generated', 'package.json'));
    cpSync(join(repoRoot, 'docs', 'schema.md'), join(dir, 'docs', 'schema.md'));
  }
  return {
    dir,
    schemas: join(dir, 'schemas'),
    out: join(dir, 'generated'),
    docs: join(dir, 'docs', 'schema.md'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fixture folder of .oschema namespaces: `codegen/test/fixtures/oschema/<name>`. */
export const oschemaFixture = (name: string) =>
  join(repoRoot, 'codegen', 'test', 'fixtures', 'oschema', name);

/** Type-checks `files` (name -> TypeScript) inside the workspace together with its generated code. */
export function typeCheck(
  dir: string,
  files: Record<string, string>,
): { status: number | null; output: string } {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(repoRoot, 'tsconfig.base.json'),
      include: [...Object.keys(files), 'generated'],
    }),
  );
  const tsc = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsc'), ['-p', join(dir, 'tsconfig.json')], {
    encoding: 'utf8',
  });
  return { status: tsc.status, output: tsc.stdout + tsc.stderr };
}

/** Runs `npm run generate` as a child process; `cwd` decides how paths in messages are shown. */
export function runCli(args: string[], cwd = repoRoot) {
  const result = spawnSync(tsx, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` (relative path -> content). */
export function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current).sort()) {
      const full = join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}
