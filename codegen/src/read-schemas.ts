import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ExistingMigrations } from './emit/migrations';
import { isSchemaFile, type SchemaSource } from './parse';

export interface NamespaceFolder {
  readonly name: string;
  /** Paths as shown in headers and problems (`schemas/onboarding/kyc.yaml`), in file-name order. */
  readonly sources: readonly SchemaSource[];
  /** Shown path -> absolute path, to report problems where the files really are. */
  readonly absolute: ReadonlyMap<string, string>;
  readonly existing: ExistingMigrations;
  readonly snapshotFile: string;
}

/** Every `<schemasDir>/<namespace>/` holding schema files, with the migrations already under `<outDir>/<namespace>/`. */
export function readNamespaceFolders(schemasDir: string, outDir: string): NamespaceFolder[] {
  const label = basename(schemasDir);
  const folders: NamespaceFolder[] = [];
  for (const name of readdirSync(schemasDir).sort()) {
    const dir = join(schemasDir, name);
    if (!statSync(dir).isDirectory()) continue;
    const absolute = new Map<string, string>();
    const sources = readdirSync(dir)
      .filter(isSchemaFile)
      .sort()
      .map((f) => {
        const file = `${label}/${name}/${f}`;
        absolute.set(file, join(dir, f));
        return { file, text: readFileSync(join(dir, f), 'utf8') };
      });
    if (sources.length === 0) continue;
    const snapshotFile = join(outDir, name, 'migrations', 'snapshot.json');
    absolute.set(snapshotFile, snapshotFile);
    absolute.set(`${label}/${name}`, dir);
    folders.push({
      name,
      sources,
      absolute,
      existing: readExisting(join(outDir, name, 'migrations')),
      snapshotFile,
    });
  }
  return folders;
}

function readExisting(dir: string): ExistingMigrations {
  if (!existsSync(dir)) return { files: new Map() };
  const files = new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const),
  );
  const snapshot = join(dir, 'snapshot.json');
  return existsSync(snapshot) ? { files, snapshot: readFileSync(snapshot, 'utf8') } : { files };
}
