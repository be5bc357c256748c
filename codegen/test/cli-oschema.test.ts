import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GENERATED_DEPENDENCIES } from '../src/emit/package-json';
import { oschemaFixture, readTree, repoRoot, runCli, tempWorkspace } from './support/workspace';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const dispose of cleanups.splice(0)) dispose();
});
function workspace(options: Parameters<typeof tempWorkspace>[0]) {
  const ws = tempWorkspace(options);
  cleanups.push(ws.dispose);
  return ws;
}

describe('the CLI with .oschema files', () => {
  it('--to-yaml prints the file (overlay merged) as YAML that generates the same code', () => {
    const ws = workspace({ onboarding: false, namespaces: { design: oschemaFixture('design') } });
    const dir = join(ws.schemas, 'design');
    const yaml = Object.fromEntries(
      ['00_enums', '10_user', '20_kyc', '30_profile'].map((name) => {
        const result = runCli(['--to-yaml', join(dir, `${name}.oschema`)], ws.dir);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        return [name, result.stdout];
      }),
    );
    expect(yaml['20_kyc']).toContain('      user_id: { type: User, index: true, on_delete: cascade }\n');
    expect(runCli(['--schemas', ws.schemas, '--out', ws.out], ws.dir).status).toBe(0);
    const fromOschema = readTree(join(ws.out, 'design'));

    rmSync(dir, { recursive: true });
    const moved = workspace({ onboarding: false, namespaces: {} });
    mkdirSync(join(moved.schemas, 'design'), { recursive: true });
    for (const [name, text] of Object.entries(yaml))
      writeFileSync(join(moved.schemas, 'design', `${name}.yaml`), text);
    expect(runCli(['--schemas', moved.schemas, '--out', moved.out], moved.dir).stderr).toBe('');
    const fromYaml = readTree(join(moved.out, 'design'));
    // Only the source file names differ: headers and metadata name `.yaml` instead of `.oschema`.
    const body = (tree: Map<string, string>) =>
      new Map(
        [...tree].map(([path, text]) => [
          path,
          text.replaceAll('.oschema', '.yaml').replace(/"[0-9a-f]{64}"/g, '"<sha-256 of the migration>"'),
        ]),
      );
    expect(body(fromYaml)).toEqual(body(fromOschema));
  });

  it('prints one file.oschema:line:col line per mistake and writes nothing (generate and --to-yaml)', () => {
    const ws = workspace({ onboarding: false, namespaces: { audit: oschemaFixture('audit') } });
    const file = join(ws.schemas, 'audit', 'audit.oschema');
    const text = readFileSync(file, 'utf8')
      .replace('    occurred_at: otime @index', '    occurred_at: otim @index')
      .replace('    target_id: str @index', '    target_id: str @indx')
      .replace('    row_count: u64 @default(0)', '    updated_at: otime');
    writeFileSync(file, text);
    const result = runCli(['--schemas', ws.schemas, '--out', ws.out], ws.dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      "schemas/audit/audit.oschema:28:20 unknown annotation '@indx' (did you mean '@index'?); known: @index, @unique, @pii, @default, @min, @max, @format, @on_delete, @renamed_from",
    ]);
    writeFileSync(file, text.replace('@indx', '@index'));
    const second = runCli(['--schemas', ws.schemas, '--out', ws.out], ws.dir);
    expect(second.stderr.trimEnd().split('\n')).toEqual([
      "schemas/audit/audit.oschema:24:18 unknown type 'otim' (did you mean 'otime'?); types are str, bool, i32, u32, i64, u64, f64, otime, json, []T, an enum, a value type or a rootobject",
      'schemas/audit/audit.oschema:39:5 AuditExport.updated_at is generated for every rootobject (id, created_at, updated_at and sid are reserved): remove it, or rename it if it means something else (e.g. last_run_at)',
    ]);
    expect(existsSync(ws.out)).toBe(false);
    expect(existsSync(ws.docs)).toBe(false);

    const converted = runCli(['--to-yaml', file], ws.dir);
    expect(converted.status).toBe(0); // names are resolved by generate, not by the conversion
    writeFileSync(file, text.replace('@indx', '@index(x'));
    const broken = runCli(['--to-yaml', file], ws.dir);
    expect(broken).toMatchObject({ status: 1, stdout: '' });
    expect(broken.stderr).toBe('schemas/audit/audit.oschema:28:26 @index( is never closed\n');
  });

  it('--check fails when docs/schema.md or generated/package.json are stale, naming them', () => {
    const ws = workspace({ withGenerated: true });
    expect(runCli(['--check', '--schemas', ws.schemas, '--out', ws.out], ws.dir).status).toBe(0);
    writeFileSync(ws.docs, readFileSync(ws.docs, 'utf8').replace('stateDiagram-v2', 'stateDiagram'));
    rmSync(join(ws.out, 'package.json'));
    const result = runCli(['--check', '--schemas', ws.schemas, '--out', ws.out], ws.dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('missing: generated/package.json');
    expect(result.stderr).toContain('differs: docs/schema.md');
    expect(result.stderr).toContain('  + stateDiagram-v2');
  });

  it('declares the dependencies of generated code with the ranges the workspace installs', () => {
    const range = (pkg: string, dep: string) =>
      JSON.parse(readFileSync(join(repoRoot, pkg, 'package.json'), 'utf8')).dependencies[dep];
    expect(GENERATED_DEPENDENCIES).toEqual({
      kysely: range('packages/db', 'kysely'),
      'ajv-formats': range('codegen', 'ajv-formats'),
    });
  });
});

describe('a namespace whose schemas folder is gone', () => {
  it('is reported by --check and left alone by generate (databases may have applied its migrations)', () => {
    const ws = tempWorkspace({ namespaces: { audit: oschemaFixture('audit') } });
    cleanups.push(ws.dispose);
    expect(runCli(['--schemas', ws.schemas, '--out', ws.out], ws.dir).status).toBe(0);
    rmSync(join(ws.schemas, 'audit'), { recursive: true });
    const check = runCli(['--check', '--schemas', ws.schemas, '--out', ws.out], ws.dir);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('extra: generated/audit (no schemas folder audit any more;');
    expect(check.stderr).toContain('differs: generated/package.json');
    const write = runCli(['--schemas', ws.schemas, '--out', ws.out], ws.dir);
    expect(write.status).toBe(0);
    expect(write.stderr).toContain('left alone: generated/audit');
    expect(existsSync(join(ws.out, 'audit', 'migrations', '0001_init.sql'))).toBe(true);
    expect(JSON.parse(readFileSync(join(ws.out, 'package.json'), 'utf8')).exports).toEqual({
      './onboarding': './onboarding/index.ts',
    });
  });
});
