import type { Position } from '../problem';
import type { RootObjectNode } from './nodes';

const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;
const SQL_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * The `renamed_from` rules that need no database model: a well-formed old name, not the new one, not still
 * declared, and not taken over twice. Whether the old name exists is checked against snapshot.json.
 */
export function checkRenames(
  rootobjects: readonly RootObjectNode[],
  declared: ReadonlySet<string>,
  report: (at: Position, message: string) => void,
): void {
  const rootClaims = new Map<string, string>();
  for (const root of rootobjects) {
    const from = root.renamedFrom;
    if (from !== undefined) {
      const what = `rootobject ${root.name}: renamed_from '${from.name}'`;
      if (!TYPE_NAME.test(from.name)) report(from.at, `${what} is not a rootobject name (PascalCase)`);
      else if (from.name === root.name) report(from.at, `${what} is its own name; remove renamed_from`);
      else if (declared.has(from.name))
        report(
          from.at,
          `${what}, but ${from.name} is still declared; a rename moves the table, so remove one of them`,
        );
      else if (rootClaims.has(from.name))
        report(
          from.at,
          `${what}, which rootobject ${rootClaims.get(from.name)} already renames; only one can take over its table`,
        );
      else rootClaims.set(from.name, root.name);
    }
    const names = new Set(root.fields.map((f) => f.name));
    const fieldClaims = new Map<string, string>();
    for (const field of root.fields) {
      const old = field.renamedFrom;
      if (old === undefined) continue;
      const what = `${root.name}.${field.name}: renamed_from '${old.name}'`;
      if (!SQL_NAME.test(old.name)) report(old.at, `${what} is not a field name (snake_case)`);
      else if (old.name === field.name) report(old.at, `${what} is its own name; remove renamed_from`);
      else if (names.has(old.name))
        report(
          old.at,
          `${what}, but ${root.name} still declares ${old.name}; a rename moves the column, so remove one of them`,
        );
      else if (fieldClaims.has(old.name))
        report(
          old.at,
          `${what}, which ${root.name}.${fieldClaims.get(old.name)} already renames; only one field can take over column ${old.name}`,
        );
      else fieldClaims.set(old.name, field.name);
    }
  }
}
