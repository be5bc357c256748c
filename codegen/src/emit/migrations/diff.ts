import type { CheckModel, ColumnModel, SchemaModel, TableModel } from './model';
import { stableJson } from './snapshot';
import {
  alterTable,
  checkConstraintSql,
  columnDefinition,
  constraintName,
  createIndexSql,
  createTableSql,
  foreignKeySql,
  ident,
  uniqueSql,
} from './sql';

/** A change the generator will not turn into SQL on its own. */
export interface Refusal {
  readonly table: string;
  readonly column?: string;
  readonly message: string;
  /** `--allow-destructive` lets the SQL through; a new required column without default never passes. */
  readonly destructive: boolean;
}

export interface MigrationPlan {
  readonly statements: readonly string[];
  /** Short names of the changes, for the migration's file name. */
  readonly slugs: readonly string[];
  readonly refusals: readonly Refusal[];
}

const ALLOW = 'rerun with --allow-destructive to emit it';

/**
 * The SQL that turns `before` into `after`. Destructive steps become refusals unless `allowDestructive`.
 * @example diffSchemas({ tables: [] }, model, false).statements // CREATE TABLE ... for a first migration
 */
export function diffSchemas(
  before: SchemaModel,
  after: SchemaModel,
  allowDestructive: boolean,
): MigrationPlan {
  const statements: string[] = [];
  const slugs: string[] = [];
  const refusals: Refusal[] = [];
  const old = new Map(before.tables.map((t) => [t.name, t]));
  const kept = new Set(after.tables.map((t) => t.name));
  const destructive = (
    table: string,
    column: string | undefined,
    message: string,
    sql: string[],
    slug: string,
  ) => {
    if (allowDestructive) {
      statements.push(...sql);
      slugs.push(slug);
    } else
      refusals.push({
        table,
        ...(column === undefined ? {} : { column }),
        message: `${message}; ${ALLOW}`,
        destructive: true,
      });
  };

  const created = after.tables.filter((t) => !old.has(t.name));
  const { order, deferred } = creationOrder(created);
  for (const table of order) {
    statements.push(...createTableSql(table, deferred.get(table.name) ?? new Set()));
    slugs.push(`add_${table.name}`);
  }
  for (const table of order) {
    for (const column of deferred.get(table.name) ?? []) {
      const c = table.columns.find((x) => x.name === column);
      if (c !== undefined) statements.push(alterTable(table.name, `ADD ${foreignKeySql(table.name, c)}`));
    }
  }

  for (const table of after.tables) {
    const previous = old.get(table.name);
    if (previous === undefined) continue;
    const plan = diffTable(previous, table);
    statements.push(...plan.safe);
    slugs.push(...plan.slugs);
    for (const d of plan.destructive) destructive(table.name, d.column, d.message, d.sql, d.slug);
    refusals.push(...plan.refusals);
    statements.push(...plan.after);
  }

  const dropped = before.tables.filter((t) => !kept.has(t.name));
  if (dropped.length > 0) {
    for (const t of dropped) {
      const message = `rootobject ${t.rootobject} was removed: dropping table ${t.name} deletes all of its rows`;
      destructive(t.name, undefined, message, [], `drop_${t.name}`);
    }
    if (allowDestructive) statements.push(`DROP TABLE ${dropped.map((t) => ident(t.name)).join(', ')};`);
  }
  return { statements, slugs, refusals };
}

interface TablePlan {
  safe: string[];
  after: string[];
  slugs: string[];
  destructive: { column: string; message: string; sql: string[]; slug: string }[];
  refusals: Refusal[];
}

function diffTable(before: TableModel, after: TableModel): TablePlan {
  const plan: TablePlan = { safe: [], after: [], slugs: [], destructive: [], refusals: [] };
  const t = after.name;
  const root = after.rootobject;
  const old = new Map(before.columns.map((c) => [c.name, c]));
  const next = new Set(after.columns.map((c) => c.name));
  for (const c of before.columns) {
    if (next.has(c.name)) continue;
    plan.destructive.push({
      column: c.name,
      message: `${root}.${c.name} was removed: dropping column ${t}.${c.name} deletes its data`,
      sql: [alterTable(t, `DROP COLUMN ${ident(c.name)}`)],
      slug: `drop_${t}_${c.name}`,
    });
  }
  for (const c of after.columns) {
    const o = old.get(c.name);
    if (o === undefined) addColumn(plan, t, root, c);
    else changeColumn(plan, t, root, o, c);
  }
  return plan;
}

function addColumn(plan: TablePlan, t: string, root: string, c: ColumnModel): void {
  if (!c.nullable && c.default === null) {
    plan.refusals.push({
      table: t,
      column: c.name,
      message: `${root}.${c.name} is a new required field without a default, so the rows already in ${t} would have no value: give it a default, or make it optional (${c.name}?)`,
      destructive: false,
    });
    return;
  }
  plan.safe.push(alterTable(t, `ADD COLUMN ${columnDefinition(c)}`));
  plan.after.push(...constraints(t, c, { fk: true, unique: true, check: true, index: true }));
  plan.slugs.push(`add_${t}_${c.name}`);
}

function constraints(
  t: string,
  c: ColumnModel,
  which: { fk: boolean; unique: boolean; check: boolean; index: boolean },
): string[] {
  return [
    ...(which.fk && c.references !== null ? [alterTable(t, `ADD ${foreignKeySql(t, c)}`)] : []),
    ...(which.unique && c.unique ? [alterTable(t, `ADD ${uniqueSql(t, c)}`)] : []),
    ...(which.check && c.check !== null ? [alterTable(t, `ADD ${checkConstraintSql(t, c)}`)] : []),
    ...(which.index && c.index ? [createIndexSql(t, c)] : []),
  ];
}

function changeColumn(plan: TablePlan, t: string, root: string, o: ColumnModel, c: ColumnModel): void {
  const where = `${root}.${c.name}`;
  const retyped = o.type !== c.type;
  const checkChanged = retyped || !sameJson(o.check, c.check);
  const fkChanged = retyped || !sameJson(o.references, c.references);
  const drop = (name: string) => alterTable(t, `DROP CONSTRAINT ${ident(name)}`);
  if (checkChanged && o.check !== null) plan.safe.push(drop(constraintName.check(t, c.name)));
  if (fkChanged && o.references !== null) plan.safe.push(drop(constraintName.foreignKey(t, c.name)));
  if (o.unique && !c.unique) plan.safe.push(drop(constraintName.unique(t, c.name)));
  if (o.index && !c.index) plan.safe.push(`DROP INDEX ${ident(constraintName.index(t, c.name))};`);
  if (retyped) {
    plan.destructive.push({
      column: c.name,
      message: `${where} changes type (${o.type} -> ${c.type}): converting ${t}.${c.name} can fail or lose data`,
      sql: [alterTable(t, `ALTER COLUMN ${ident(c.name)} TYPE ${c.type} USING ${ident(c.name)}::${c.type}`)],
      slug: `retype_${t}_${c.name}`,
    });
  }
  if (o.nullable && !c.nullable) {
    plan.destructive.push({
      column: c.name,
      message: `${where} becomes required: SET NOT NULL fails while any row of ${t} has no ${c.name}`,
      sql: [alterTable(t, `ALTER COLUMN ${ident(c.name)} SET NOT NULL`)],
      slug: `require_${t}_${c.name}`,
    });
  } else if (!o.nullable && c.nullable) {
    plan.safe.push(alterTable(t, `ALTER COLUMN ${ident(c.name)} DROP NOT NULL`));
    plan.slugs.push(`optional_${t}_${c.name}`);
  }
  if (o.default !== c.default) {
    plan.safe.push(
      alterTable(
        t,
        `ALTER COLUMN ${ident(c.name)} ${c.default === null ? 'DROP DEFAULT' : `SET DEFAULT ${c.default}`}`,
      ),
    );
    plan.slugs.push(`default_${t}_${c.name}`);
  }
  if (checkChanged && c.check !== null) {
    const narrowing = retyped ? undefined : narrows(o.check, c.check);
    if (narrowing !== undefined) {
      plan.destructive.push({
        column: c.name,
        message: `${where} ${narrowing}: existing rows of ${t} may violate ${constraintName.check(t, c.name)}`,
        sql: constraints(t, c, { fk: false, unique: false, check: true, index: false }),
        slug: `check_${t}_${c.name}`,
      });
    } else {
      plan.after.push(...constraints(t, c, { fk: false, unique: false, check: true, index: false }));
      if (!retyped)
        plan.slugs.push(o.check?.kind === 'in' ? `extend_${t}_${c.name}` : `check_${t}_${c.name}`);
    }
  }
  if (fkChanged && c.references !== null) {
    const retarget = o.references !== null && o.references.table !== c.references.table;
    if (retarget && !retyped) {
      plan.destructive.push({
        column: c.name,
        message: `${where} now references ${c.references.table} instead of ${o.references?.table}: existing ids would dangle`,
        sql: constraints(t, c, { fk: true, unique: false, check: false, index: false }),
        slug: `fk_${t}_${c.name}`,
      });
    } else {
      plan.after.push(...constraints(t, c, { fk: true, unique: false, check: false, index: false }));
      plan.slugs.push(`fk_${t}_${c.name}`);
    }
  }
  if (!o.unique && c.unique) {
    plan.after.push(...constraints(t, c, { fk: false, unique: true, check: false, index: false }));
    plan.slugs.push(`unique_${t}_${c.name}`);
  }
  if (!o.index && c.index) {
    plan.after.push(createIndexSql(t, c));
    plan.slugs.push(`index_${t}_${c.name}`);
  }
  if (o.unique && !c.unique) plan.slugs.push(`drop_unique_${t}_${c.name}`);
  if (o.index && !c.index) plan.slugs.push(`drop_index_${t}_${c.name}`);
}

/** Why a new check may reject rows the old one accepted, or undefined when it only widens. */
function narrows(before: CheckModel | null, after: CheckModel): string | undefined {
  if (after.kind === 'in') {
    if (before?.kind !== 'in') return 'gains an enum check';
    const removed = before.values.filter((v) => !after.values.includes(v));
    return removed.length === 0 ? undefined : `loses enum value(s) ${removed.join(', ')}`;
  }
  if (before === null || before.kind !== 'range') return 'gains bounds (min/max)';
  const tighter =
    (after.min !== null && (before.min === null || Number(after.min) > Number(before.min))) ||
    (after.max !== null && (before.max === null || Number(after.max) < Number(before.max)));
  return tighter ? 'gets tighter bounds (min/max)' : undefined;
}

// Snapshot objects come back with sorted keys, so compare key-order-insensitively.
function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

/** New tables in an order where each exists before the tables that reference it; cycles get their FKs afterwards. */
function creationOrder(tables: readonly TableModel[]): {
  order: TableModel[];
  deferred: Map<string, Set<string>>;
} {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: TableModel[] = [];
  const deferred = new Map<string, Set<string>>();
  const visit = (table: TableModel) => {
    state.set(table.name, 'visiting');
    for (const c of table.columns) {
      const target = c.references === null ? undefined : byName.get(c.references.table);
      if (target === undefined || target.name === table.name) continue;
      const s = state.get(target.name);
      if (s === 'visiting') {
        const set = deferred.get(table.name) ?? new Set<string>();
        set.add(c.name);
        deferred.set(table.name, set);
      } else if (s === undefined) visit(target);
    }
    state.set(table.name, 'done');
    order.push(table);
  };
  for (const table of tables) if (!state.has(table.name)) visit(table);
  return { order, deferred };
}
