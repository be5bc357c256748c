import type { NamespaceNode } from '../../ir';
import type { Position } from '../../problem';
import { header, sourceLabel } from '../header';
import { diffSchemas, type Refusal } from './diff';
import { carryHistory } from './history';
import { schemaModel } from './model';
import { planRenames } from './renames';
import { migrationHash, readSnapshot, writeSnapshot } from './snapshot';

export interface ExistingMigrations {
  /** `0001_init.sql` -> content, as found in the output folder. */
  readonly files: ReadonlyMap<string, string>;
  readonly snapshot?: string;
}

export interface MigrationOutput {
  /** Paths relative to the namespace folder: every existing migration, unchanged, plus a new one if needed. */
  readonly files: Map<string, string>;
  readonly problems: readonly { readonly at: Position; readonly message: string }[];
  /** The new migration's file name, when the schema changed. */
  readonly created?: string;
}

const NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

/**
 * Diffs the namespace against migrations/snapshot.json and adds the next numbered migration when they differ.
 * Existing migration files are returned as they are: they are never rewritten.
 */
export function planMigrations(
  ns: NamespaceNode,
  existing: ExistingMigrations,
  options: { allowDestructive: boolean; snapshotFile: string },
): MigrationOutput {
  const files = new Map<string, string>();
  const at: Position = { file: options.snapshotFile, line: 1, col: 1 };
  const fail = (message: string): MigrationOutput => ({ files, problems: [{ at, message }] });
  for (const [name, content] of existing.files) files.set(`migrations/${name}`, content);
  const names = [...existing.files.keys()].filter((n) => NAME.test(n)).sort();
  const newest = names[names.length - 1];
  let before = { tables: [] as ReturnType<typeof schemaModel>['tables'] };
  if (existing.snapshot !== undefined) {
    const snapshot = readSnapshot(existing.snapshot);
    if (typeof snapshot === 'string') return fail(snapshot);
    const tampered = checkRecorded(snapshot.migrations, existing.files);
    if (tampered !== undefined) return fail(tampered);
    if (newest === undefined || `${snapshot.migration}.sql` !== newest) {
      return fail(
        `snapshot.json describes ${snapshot.migration}.sql but the newest migration is ${newest ?? '(none)'}; restore the matching snapshot.json from git`,
      );
    }
    before = { tables: [...snapshot.model.tables] };
  } else if (newest !== undefined) {
    return fail(`migrations exist (newest ${newest}) but snapshot.json is missing; restore it from git`);
  }
  const renames = planRenames(ns, before, newest?.replace(/\.sql$/, ''));
  if (renames.problems.length > 0) return { files, problems: renames.problems };
  const after = carryHistory(schemaModel(ns), renames.before);
  const diff = diffSchemas(renames.before, after, options.allowDestructive);
  const plan = {
    ...diff,
    statements: [...renames.statements, ...diff.statements],
    slugs: [...renames.slugs, ...diff.slugs],
  };
  if (plan.refusals.length > 0) {
    return {
      files,
      problems: plan.refusals.map((r) => ({
        at: refusalPosition(ns, r) ?? snapshotPosition(existing.snapshot, r.table, at),
        message: r.message,
      })),
    };
  }
  const hashes = Object.fromEntries(names.map((n) => [n, migrationHash(existing.files.get(n) ?? '')]));
  if (plan.statements.length === 0) {
    if (newest !== undefined) {
      files.set(
        'migrations/snapshot.json',
        writeSnapshot({ migration: newest.replace(/\.sql$/, ''), model: renames.before, migrations: hashes }),
      );
    }
    return { files, problems: [] };
  }
  const number = String(newest === undefined ? 1 : Number(newest.slice(0, 4)) + 1).padStart(4, '0');
  const name = `${number}_${newest === undefined ? 'init' : slug(plan.slugs)}`;
  const body = [
    header(sourceLabel(ns.files), '--').trimEnd(),
    '-- Applied in one transaction by the migrator; no BEGIN/COMMIT here.',
    '',
    plan.statements.join('\n\n'),
    '',
  ].join('\n');
  files.set(`migrations/${name}.sql`, body);
  files.set(
    'migrations/snapshot.json',
    writeSnapshot({
      migration: name,
      model: after,
      migrations: { ...hashes, [`${name}.sql`]: migrationHash(body) },
    }),
  );
  return { files, problems: [], created: `${name}.sql` };
}

function slug(parts: readonly string[]): string {
  const unique = [...new Set(parts)];
  let out = unique[0] ?? 'change';
  for (const part of unique.slice(1)) {
    if (`${out}_${part}`.length > 60) return `${out}_and_more`;
    out = `${out}_${part}`;
  }
  return out;
}

function refusalPosition(ns: NamespaceNode, r: Refusal): Position | undefined {
  const root = ns.rootobjects.find((x) => x.table === r.table);
  if (root === undefined) return undefined;
  return root.fields.find((f) => f.name === r.column)?.at ?? root.at;
}

// A dropped table has no schema position left; point at its entry in snapshot.json instead.
function snapshotPosition(snapshot: string | undefined, table: string, fallback: Position): Position {
  const lines = (snapshot ?? '').split('\n');
  const index = lines.findIndex((l) => l.trimStart().startsWith(`${JSON.stringify(table)}: {`));
  if (index < 0) return fallback;
  const line = lines[index] ?? '';
  return { file: fallback.file, line: index + 1, col: line.length - line.trimStart().length + 1 };
}

/** Compares the migration files on disk with those snapshot.json says it was built from. */
function checkRecorded(
  recorded: Readonly<Record<string, string>> | undefined,
  files: ReadonlyMap<string, string>,
): string | undefined {
  if (recorded === undefined) return undefined; // an older snapshot: it gains the hashes on this run
  for (const [name, hash] of Object.entries(recorded)) {
    const text = files.get(name);
    if (text === undefined)
      return `migrations/${name} is missing; restore it from git (a database built without it would lack its changes)`;
    if (migrationHash(text) !== hash)
      return `migrations/${name} was edited after it was generated; restore it from git and change the schema instead`;
  }
  const extra = [...files.keys()].filter((n) => NAME.test(n) && !(n in recorded));
  if (extra.length > 0)
    return `migrations/${extra[0]} was not written by the generator (snapshot.json does not list it); remove it or restore snapshot.json from git`;
  return undefined;
}
