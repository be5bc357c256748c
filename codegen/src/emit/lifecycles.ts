import type { FieldNode, NamespaceNode, RootObjectNode } from '../ir';
import { pascalCase } from '../names';
import { header, sourceLabel } from './header';
import { tsLiteral } from './literal';

export interface LifecycleField {
  readonly root: RootObjectNode;
  readonly field: FieldNode;
  readonly enumName: string;
  /** `kycSessionStatus`: prefix of the transition map and guard names. */
  readonly base: string;
  /** `KycSessionStatus`. */
  readonly pascal: string;
}

export function lifecycleFields(root: RootObjectNode): LifecycleField[] {
  return root.fields.flatMap((field) => {
    if (field.lifecycle === undefined || field.type.kind !== 'enum') return [];
    const pascal = `${root.name}${pascalCase(field.name)}`;
    return [
      { root, field, enumName: field.type.name, pascal, base: pascal[0]?.toLowerCase() + pascal.slice(1) },
    ];
  });
}

/** lifecycles.ts: per lifecycle field, the transition map, its `Next` type and a guard. */
export function emitLifecycles(ns: NamespaceNode): string {
  const fields = ns.rootobjects.flatMap(lifecycleFields);
  const enums = [...new Set(fields.map((f) => f.enumName))].sort();
  const lines = [header(sourceLabel(ns.files))];
  if (enums.length > 0) lines.push(`import type { ${enums.join(', ')} } from './types';`, '');
  for (const f of fields) {
    const map = Object.fromEntries((f.field.lifecycle?.transitions ?? []).map((t) => [t.from, t.to]));
    lines.push(
      `/** Allowed moves of ${f.root.name}.${f.field.name}; a state missing on the left is final. */`,
      `export const ${f.base}Transitions = ${tsLiteral(map)} as const satisfies Record<${f.enumName}, readonly ${f.enumName}[]>;`,
      '',
      `/** The states ${f.root.name}.${f.field.name} may move to from \`F\`. */`,
      `export type ${f.pascal}Next<F extends ${f.enumName}> = (typeof ${f.base}Transitions)[F][number];`,
      '',
      `export function canTransition${f.pascal}(from: ${f.enumName}, to: ${f.enumName}): boolean {`,
      `  const next: Readonly<Record<string, readonly string[]>> = ${f.base}Transitions;`,
      '  return Object.hasOwn(next, from) && (next[from] ?? []).includes(to);',
      '}',
      '',
    );
  }
  if (fields.length === 0) lines.push('export {};', '');
  return lines.join('\n');
}
