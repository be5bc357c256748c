import type { FieldNode, FieldType, NamespaceNode, RootObjectNode } from '../../ir';

/**
 * A Mermaid `erDiagram` of one namespace: every table with its columns and keys, every value type (kept as
 * jsonb inside its holder), references as solid lines and value types as dotted ones.
 */
export function erDiagram(ns: NamespaceNode): string[] {
  const lines = ['erDiagram'];
  for (const root of ns.rootobjects) lines.push(...entity(root.table, columns(root)));
  for (const v of ns.valueTypes)
    lines.push(
      ...entity(
        v.name,
        v.fields.map((f) => attribute(f, [])),
      ),
    );
  const tables = new Map(ns.rootobjects.map((r) => [r.name, r.table]));
  for (const root of ns.rootobjects) lines.push(...links(root.table, root.fields, tables));
  for (const v of ns.valueTypes) lines.push(...links(v.name, v.fields, tables, true));
  return lines;
}

function columns(root: RootObjectNode): string[] {
  return [
    '    uuid id PK',
    ...root.fields.map((f) =>
      attribute(f, [...(f.type.kind === 'ref' ? ['FK'] : []), ...(f.unique ? ['UK'] : [])]),
    ),
    '    otime created_at',
    '    otime updated_at',
  ];
}

function entity(name: string, attributes: string[]): string[] {
  return [`  ${name} {`, ...attributes, '  }'];
}

function attribute(f: FieldNode, keys: string[]): string {
  const notes = [
    ...(f.optional ? ['optional'] : []),
    ...(f.default === undefined ? [] : [`default ${defaultText(f.default)}`]),
    // References are always indexed (columns.ts); a unique field's constraint is its index.
    ...((f.index || f.type.kind === 'ref') && !f.unique ? ['index'] : []),
    ...(f.pii ? ['pii'] : []),
    ...(f.lifecycle === undefined ? [] : ['lifecycle']),
    ...(f.type.kind === 'value' || (f.type.kind === 'array' && f.type.of.kind === 'value') ? ['jsonb'] : []),
    ...(f.onDelete !== undefined && f.onDelete !== 'restrict'
      ? [`on delete ${f.onDelete.replace('_', ' ')}`]
      : []),
  ];
  const note = notes.length === 0 ? '' : ` "${notes.join(', ').replaceAll('"', "'")}"`;
  return `    ${typeText(f.type)} ${f.name}${keys.length === 0 ? '' : ` ${keys.join(', ')}`}${note}`;
}

/** References (solid, child to parent) and value types (dotted, holder to value). */
function links(
  from: string,
  fields: readonly FieldNode[],
  tables: ReadonlyMap<string, string>,
  insideValue = false,
): string[] {
  return fields.flatMap((f) => {
    const list = f.type.kind === 'array';
    const target = f.type.kind === 'array' ? f.type.of : f.type;
    if (target.kind === 'ref' && !list && !insideValue) {
      const child = f.unique ? '|o' : '}o';
      return [`  ${from} ${child}--${f.optional ? 'o|' : '||'} ${tables.get(target.name)} : "${f.name}"`];
    }
    if (target.kind === 'value') {
      const many = list ? 'o{' : f.optional ? 'o|' : '||';
      return [`  ${from} ||..${many} ${target.name} : "${f.name}"`];
    }
    return [];
  });
}

function typeText(type: FieldType): string {
  if (type.kind === 'array') return `${typeText(type.of)}[]`;
  return type.kind === 'ref' ? 'uuid' : type.name;
}

function defaultText(value: NonNullable<FieldNode['default']>): string {
  switch (value.kind) {
    case 'now':
      return 'now';
    case 'json':
      return JSON.stringify(value.value);
    default:
      return String(value.value);
  }
}
