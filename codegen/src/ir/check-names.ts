import { pascalCase } from '../names';
import type { Position } from '../problem';
import type { EnumNode, RootObjectNode, ValueTypeNode } from './nodes';

/** Exported by every generated namespace (runtime.ts, types.ts); a schema type may not take these names. */
export const RESERVED_TYPE_NAMES = [
  'AjvLikeError',
  'ColumnKind',
  'ColumnSpec',
  'CompiledValidator',
  'Database',
  'Eq',
  'FieldError',
  'ForeignKeyViolationError',
  'GeneratedRepositoryError',
  'LifecycleError',
  'ListOptions',
  'NotFoundError',
  'Page',
  'RangeFilter',
  'TableSpec',
  'TextFilter',
  'UniqueViolationError',
  'ValidationError',
  'ValidationResult',
] as const;

/** Tables the tooling owns in the same database. */
export const RESERVED_TABLES = ['schema_migrations'] as const;

/** Reports two declarations whose generated TypeScript names would clash (e.g. `User` next to an enum `UserUpdate`). */
export function checkGeneratedNames(
  enums: readonly EnumNode[],
  valueTypes: readonly ValueTypeNode[],
  rootobjects: readonly RootObjectNode[],
  report: (at: Position, message: string) => void,
): void {
  const owners = new Map<string, string>(RESERVED_TYPE_NAMES.map((n) => [n, 'the generated runtime']));
  const claim = (name: string, owner: string, at: Position) => {
    const previous = owners.get(name);
    if (previous === undefined) owners.set(name, owner);
    else
      report(
        at,
        `${owner} would generate the name ${name}, which ${previous} already uses; rename one of them`,
      );
  };
  for (const e of enums) for (const n of [e.name, `${e.name}Values`]) claim(n, `enum ${e.name}`, e.at);
  for (const v of valueTypes) claim(v.name, `value type ${v.name}`, v.at);
  for (const r of rootobjects) {
    const names = ['', 'Table', 'Update', 'Patch', 'Where', 'OrderBy'].map((suffix) => `${r.name}${suffix}`);
    names.push(`New${r.name}`);
    for (const f of r.fields) if (f.lifecycle) names.push(`${r.name}${pascalCase(f.name)}Next`);
    for (const n of names) claim(n, `rootobject ${r.name}`, r.at);
  }
}
