import { parse as parseYamlValue } from 'yaml';
import type { Position } from '../../problem';
import type { DefaultInput, FieldInput, Located } from '../model';
import { closest } from '../suggest';
import type { Token } from './tokens';

const FLAGS = ['index', 'unique', 'pii'] as const;
const VALUED = ['default', 'min', 'max', 'format', 'on_delete', 'renamed_from'] as const;
const KNOWN = [...FLAGS, ...VALUED].map((a) => `@${a}`);

type Fail = (col: number, message: string) => undefined;
type Writable = { -readonly [K in keyof FieldInput]?: FieldInput[K] };

/**
 * Applies one `@name` or `@name(value)` to the field being read; false (after reporting) when it is wrong.
 * @example applyAnnotation(field, 'default', { raw: 'pending', tokens, col: 30 }, at(20), at, fail)
 */
export function applyAnnotation(
  field: Writable,
  name: string,
  arg: { raw: string; tokens: Token[]; col: number } | undefined,
  signAt: Position,
  at: (col: number) => Position,
  fail: Fail,
): boolean {
  if ((FLAGS as readonly string[]).includes(name)) {
    if (arg !== undefined) return fail(arg.col, `@${name} takes no value`) ?? false;
    field[name as (typeof FLAGS)[number]] = { value: true, at: signAt };
    return true;
  }
  if (!(VALUED as readonly string[]).includes(name)) {
    const near = closest(`@${name}`, KNOWN);
    return (
      fail(
        signAt.col,
        `unknown annotation '@${name}'${near === undefined ? '' : ` (did you mean '${near}'?)`}; known: ${KNOWN.join(', ')}`,
      ) ?? false
    );
  }
  if (arg === undefined || arg.raw === '')
    return fail(signAt.col, `@${name} needs a value, e.g. @${name}(${example(name)})`) ?? false;
  const argAt = at(arg.col);
  const single = arg.tokens.length === 1 ? arg.tokens[0] : undefined;
  const word = (): Located<string> | undefined =>
    single?.kind === 'name' || single?.kind === 'string' ? { value: single.value, at: argAt } : undefined;
  switch (name) {
    case 'default':
      field.default = defaultOf(arg.raw, single, argAt);
      return true;
    case 'min':
    case 'max': {
      const n = single?.kind === 'number' ? Number(single.text) : Number.NaN;
      if (!Number.isFinite(n)) return fail(arg.col, `@${name} needs a number`) ?? false;
      field[name] = { value: n, at: argAt };
      return true;
    }
    default: {
      const value = word();
      if (value === undefined)
        return fail(arg.col, `@${name} needs a name, e.g. @${name}(${example(name)})`) ?? false;
      if (name === 'format') field.format = value;
      else if (name === 'on_delete') field.onDelete = value;
      else field.renamedFrom = value;
      return true;
    }
  }
}

// `@default(pending)`, `@default(0)`, `@default("two words")`, `@default([])`: read as a YAML flow value.
function defaultOf(raw: string, single: Token | undefined, at: Position): DefaultInput {
  if (single?.kind === 'string') return { value: single.value, at };
  let value: unknown;
  try {
    value = parseYamlValue(raw);
  } catch {
    value = raw;
  }
  return { value, at, source: raw };
}

function example(name: string): string {
  return (
    {
      default: 'pending',
      min: '1',
      max: '100',
      format: 'email',
      on_delete: 'cascade',
      renamed_from: 'old_name',
    }[name] ?? 'x'
  );
}
