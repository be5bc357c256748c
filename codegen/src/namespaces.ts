import type { NamespaceNode } from './ir';
import type { SchemaFileInput } from './parse';
import { type Problem, problem } from './problem';
import type { NamespaceFolder } from './read-schemas';

/** A namespace names a folder, a package export and its rows in schema_migrations. */
export const NAMESPACE_NAME = /^[a-z][a-z0-9_]*$/;

/** Every type name declared in any namespace -> the first namespace declaring it. */
export function declaredTypes(
  namespaces: readonly { name: string; inputs: readonly SchemaFileInput[] }[],
): Map<string, string> {
  const owners = new Map<string, string>();
  for (const ns of namespaces) {
    for (const file of ns.inputs) {
      for (const d of [...file.enums, ...file.valueTypes, ...file.rootobjects]) {
        if (!owners.has(d.name.value)) owners.set(d.name.value, ns.name);
      }
    }
  }
  return owners;
}

/**
 * What only shows with every namespace in view: a folder name that cannot be a namespace, and two namespaces
 * wanting the same table (they share one database; constraint and index names derive from table names too).
 */
export function checkAcrossNamespaces(
  folders: readonly NamespaceFolder[],
  nodes: readonly NamespaceNode[],
): Problem[] {
  const problems: Problem[] = [];
  for (const folder of folders) {
    if (NAMESPACE_NAME.test(folder.name)) continue;
    const dir = folder.sources[0]?.file.replace(/\/[^/]*$/, '') ?? folder.name;
    problems.push(
      problem(
        { file: dir, line: 1, col: 1 },
        `bad namespace folder name '${folder.name}': use lower-case letters, digits and _ (it names a package export and a migration sequence)`,
      ),
    );
  }
  const owners = new Map<string, { ns: string; root: string }>();
  for (const ns of nodes) {
    for (const root of ns.rootobjects) {
      const owner = owners.get(root.table);
      if (owner === undefined) owners.set(root.table, { ns: ns.name, root: root.name });
      else
        problems.push(
          problem(
            root.at,
            `table ${root.table} is already used by rootobject ${owner.root} of namespace ${owner.ns}; namespaces share one database, so set \`table:\` to another name (e.g. ${ns.name}_${root.table})`,
          ),
        );
    }
  }
  return problems;
}
