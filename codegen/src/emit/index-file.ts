import type { NamespaceNode } from '../ir';
import { kebabCase } from '../names';
import { header, sourceLabel } from './header';

/** index.ts: re-exports every module and `migrationsDir`. */
export function emitIndex(ns: NamespaceNode): string {
  return [
    header(sourceLabel(ns.files)),
    "import { fileURLToPath } from 'node:url';",
    '',
    "export * from './lifecycles';",
    "export * from './metadata';",
    ...ns.rootobjects.map((r) => `export * from './repositories/${kebabCase(r.name)}';`).sort(),
    "export * from './runtime';",
    "export * from './types';",
    "export * from './validate';",
    '',
    "/** Absolute path of this namespace's SQL migrations, applied in name order. */",
    "export const migrationsDir: string = fileURLToPath(new URL('./migrations', import.meta.url));",
    '',
  ].join('\n');
}
