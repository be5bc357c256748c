import type { NamespaceNode, RootObjectNode } from '../ir';
import { kebabCase, pascalCase } from '../names';
import { type Column, columnsOf, namesOf } from './columns';
import { header } from './header';
import { lifecycleFields } from './lifecycles';
import { quote, tsLiteral } from './literal';

/** repositories/<kebab>.ts for every rootobject. */
export function emitRepositories(ns: NamespaceNode): Map<string, string> {
  return new Map(
    ns.rootobjects.map((root) => [`repositories/${kebabCase(root.name)}.ts`, emitRepository(root)]),
  );
}

function emitRepository(root: RootObjectNode): string {
  const n = namesOf(root);
  const columns = columnsOf(root);
  const lifecycles = lifecycleFields(root);
  const t = quote(root.table);
  const enumTypes = [
    ...new Set(
      columns.flatMap((c) => (c.filter && c.field?.type.kind === 'enum' ? [c.field.type.name] : [])),
    ),
  ];
  const lifecycleEnums = lifecycles.map((l) => l.enumName);
  const typeImports = [
    ...new Set(['Database', n.row, n.insert, n.patch, n.update, ...enumTypes, ...lifecycleEnums]),
  ].sort();
  const filters = columns.filter((c) => c.filter);
  const runtime = [
    'countRows',
    'type Eq',
    'guard',
    'isUuid',
    'type ListOptions',
    'listRows',
    'NotFoundError',
    'type Page',
    'type TableSpec',
    'toDbValues',
    'toJsonForm',
    'ValidationError',
  ];
  if (filters.some((c) => ['int', 'float', 'bigint', 'time'].includes(c.kind)))
    runtime.push('type RangeFilter');
  if (filters.some((c) => c.kind === 'text')) runtime.push('type TextFilter');
  if (lifecycles.length > 0) runtime.push('LifecycleError', 'rejectKeys');
  const specColumns = tsLiteral(Object.fromEntries(columns.map((c) => [c.name, columnSpec(c)])), '  ');
  const out = [
    header(root.file),
    `import { type Kysely, sql } from 'kysely';`,
    ...(lifecycles.length > 0
      ? [
          `import { ${lifecycles.flatMap((l) => [`canTransition${l.pascal}`, `type ${l.pascal}Next`]).join(', ')} } from '../lifecycles';`,
        ]
      : []),
    `import { constraintFields } from '../metadata';`,
    `import { ${runtime.sort((a, b) => bare(a).localeCompare(bare(b))).join(', ')} } from '../runtime';`,
    `import type { ${typeImports.join(', ')} } from '../types';`,
    `import { validate${n.insert}, validate${n.update} } from '../validate';`,
    '',
    `/** How the shared runtime sees table ${root.table}. */`,
    `export const ${n.spec}: TableSpec = {`,
    `  table: ${t},`,
    `  columns: ${specColumns},`,
    '  constraints: constraintFields,',
    '};',
    '',
    `/** \`list\`/\`count\` filters: a value, \`null\` (IS NULL), \`{ in }\`${filters.some((c) => c.kind === 'text') ? ', `{ contains }` (text)' : ''}${filters.some((c) => ['int', 'float', 'bigint', 'time'].includes(c.kind)) ? ', `{ gt, gte, lt, lte }`' : ''}. */`,
    `export interface ${n.where} {`,
    ...filters.map((c) => `  ${c.name}?: ${filterType(c)} | undefined;`),
    '}',
    '',
    `export type ${n.orderBy} = ${columns
      .filter((c) => c.order)
      .map((c) => quote(c.name))
      .join(' | ')};`,
    '',
    `async function create(db: Kysely<Database>, input: ${n.insert}): Promise<${n.row}> {`,
    `  const checked = validate${n.insert}(toJsonForm(${n.spec}, input));`,
    `  if (!checked.success) throw new ValidationError(${t}, checked.errors);`,
    `  const values = toDbValues(${n.spec}, input) as ${n.insert};`,
    `  return guard(${n.spec}, () => db.insertInto(${t}).values(values).returningAll().executeTakeFirstOrThrow());`,
    '}',
    '',
    `async function get(db: Kysely<Database>, id: string): Promise<${n.row} | undefined> {`,
    '  if (!isUuid(id)) return undefined;',
    `  return db.selectFrom(${t}).selectAll().where('id', '=', id).executeTakeFirst();`,
    '}',
    '',
    `async function getOrThrow(db: Kysely<Database>, id: string): Promise<${n.row}> {`,
    '  const row = await get(db, id);',
    `  if (row === undefined) throw new NotFoundError(${t}, id);`,
    '  return row;',
    '}',
    '',
    ...columns.filter((c) => c.unique).flatMap((c) => findBy(root, c)),
    `async function update(db: Kysely<Database>, id: string, patch: ${n.patch}): Promise<${n.row} | undefined> {`,
    `  const checked = validate${n.update}(toJsonForm(${n.spec}, patch));`,
    `  if (!checked.success) throw new ValidationError(${t}, checked.errors);`,
    '  if (!isUuid(id)) return undefined;',
    `  const values = toDbValues(${n.spec}, patch) as ${n.update};`,
    `  return guard(${n.spec}, () =>`,
    `    db.updateTable(${t}).set({ ...values, updated_at: sql<Date>\`now()\` }).where('id', '=', id).returningAll().executeTakeFirst(),`,
    '  );',
    '}',
    '',
    'async function remove(db: Kysely<Database>, id: string): Promise<boolean> {',
    '  if (!isUuid(id)) return false;',
    `  const result = await guard(${n.spec}, () => db.deleteFrom(${t}).where('id', '=', id).executeTakeFirst());`,
    '  return result.numDeletedRows > 0n;',
    '}',
    '',
    `async function list(db: Kysely<Database>, options?: ListOptions<${n.where}, ${n.orderBy}>): Promise<Page<${n.row}>> {`,
    `  return listRows<${n.row}>(db, ${n.spec}, options);`,
    '}',
    '',
    `async function count(db: Kysely<Database>, where?: ${n.where}): Promise<number> {`,
    `  return countRows(db, ${n.spec}, where);`,
    '}',
    '',
    ...lifecycles.flatMap((l) => transition(root, l.field.name, l.enumName, l.pascal)),
    `/**`,
    ` * CRUD for table ${root.table}. Every method takes the executor first: the database or a transaction.`,
    ` * @example const row = await ${n.repository}.get(db, id);`,
    ` */`,
    `export const ${n.repository} = {`,
    '  create,',
    '  get,',
    '  getOrThrow,',
    ...columns.filter((c) => c.unique).map((c) => `  findBy${pascalCase(c.name)},`),
    '  update,',
    '  delete: remove,',
    '  list,',
    '  count,',
    ...lifecycles.map((l) => `  transition${pascalCase(l.field.name)},`),
    '};',
    '',
  ];
  return out.join('\n');
}

function bare(name: string): string {
  return name.replace(/^type /, '');
}

function findBy(root: RootObjectNode, c: Column): string[] {
  const n = namesOf(root);
  const valueType =
    c.kind === 'bigint'
      ? 'string | bigint'
      : c.kind === 'uuid'
        ? 'string'
        : c.field?.type.kind === 'enum'
          ? c.field.type.name
          : tsScalar(c);
  const convert = c.kind === 'bigint' ? 'String(value)' : 'value';
  return [
    `async function findBy${pascalCase(c.name)}(db: Kysely<Database>, value: ${valueType}): Promise<${n.row} | undefined> {`,
    ...(c.kind === 'uuid' ? ['  if (!isUuid(value)) return undefined;'] : []),
    `  return db.selectFrom(${quote(root.table)}).selectAll().where(${quote(c.name)}, '=', ${convert}).executeTakeFirst();`,
    '}',
    '',
  ];
}

function transition(root: RootObjectNode, field: string, enumName: string, pascal: string): string[] {
  const n = namesOf(root);
  const t = quote(root.table);
  return [
    `/**`,
    ` * Moves ${field} from \`from\` to an allowed next state in one conditional UPDATE (also applying \`patch\`).`,
    ` * Returns the moved row, or undefined when the row was not in \`from\` (stale, raced or missing).`,
    ` */`,
    `async function transition${pascalCase(field)}<F extends ${enumName}>(`,
    '  db: Kysely<Database>,',
    '  id: string,',
    '  from: F,',
    `  to: ${pascal}Next<F>,`,
    `  patch?: Omit<${n.patch}, ${quote(field)}>,`,
    `): Promise<${n.row} | undefined> {`,
    `  if (!canTransition${pascal}(from, to)) throw new LifecycleError(${t}, ${quote(field)}, from, to);`,
    `  rejectKeys(${n.spec}, patch, [${quote(field)}]);`,
    `  const checked = validate${n.update}(toJsonForm(${n.spec}, patch ?? {}));`,
    `  if (!checked.success) throw new ValidationError(${t}, checked.errors);`,
    '  if (!isUuid(id)) return undefined;',
    `  const values = toDbValues(${n.spec}, patch ?? {}) as ${n.update};`,
    `  return guard(${n.spec}, () =>`,
    '    db',
    `      .updateTable(${t})`,
    `      .set({ ...values, ${field}: to, updated_at: sql<Date>\`now()\` })`,
    `      .where('id', '=', id)`,
    `      .where(${quote(field)}, '=', from)`,
    '      .returningAll()',
    '      .executeTakeFirst(),',
    '  );',
    '}',
    '',
  ];
}

function columnSpec(c: Column): Record<string, unknown> {
  return {
    kind: c.kind,
    nullable: c.nullable,
    filter: c.filter,
    order: c.order,
    ...(c.element ? { element: c.element } : {}),
  };
}

function tsScalar(c: Column): string {
  switch (c.kind) {
    case 'int':
    case 'float':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'time':
      return 'Date';
    default:
      return 'string';
  }
}

function filterType(c: Column): string {
  const enumName = c.field?.type.kind === 'enum' ? c.field.type.name : undefined;
  let t: string;
  if (enumName !== undefined) t = `Eq<${enumName}>`;
  else if (c.kind === 'text') t = 'TextFilter';
  else if (c.kind === 'bigint') t = 'RangeFilter<string | bigint>';
  else if (c.kind === 'int' || c.kind === 'float') t = 'RangeFilter<number>';
  else if (c.kind === 'time') t = 'RangeFilter<Date>';
  else t = `Eq<${tsScalar(c)}>`;
  return c.nullable ? `${t} | null` : t;
}
