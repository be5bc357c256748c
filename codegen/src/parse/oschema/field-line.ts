import type { Position } from '../../problem';
import type { FieldInput } from '../model';
import { applyAnnotation } from './annotations';
import type { Token } from './tokens';

type Fail = (col: number, message: string) => undefined;

/**
 * One field: `name?: type @annotation @annotation(value)`. `text` is the whole line, for raw annotation values.
 * @example readField(tokens, 'status: KycStatus @index @default(pending)', at, fail)
 */
export function readField(
  tokens: readonly Token[],
  text: string,
  at: (col: number) => Position,
  fail: Fail,
): FieldInput | undefined {
  const [name, ...rest] = tokens;
  if (name?.kind !== 'name') return fail(name?.col ?? 1, 'expected a field: `name: type` or `name?: type`');
  let i = 0;
  let key = name.text;
  if (rest[i]?.text === '?') {
    key += '?';
    i++;
  }
  const colon = rest[i];
  if (colon?.text !== ':') return fail(colon?.col ?? name.end, `field ${key} needs a type: \`${key}: str\``);
  i++;
  const type = readType(rest, i, fail);
  if (type === undefined) return undefined;
  const field: { -readonly [K in keyof FieldInput]?: FieldInput[K] } = {
    key: { value: key, at: at(name.col) },
    type: { value: type.text, at: at(type.col) },
  };
  i = type.next;
  const seen = new Set<string>();
  while (i < rest.length) {
    const sign = rest[i];
    const label = rest[i + 1];
    if (sign?.text !== '@' || label?.kind !== 'name')
      return fail(sign?.col ?? 1, `unexpected '${sign?.text}' after the type; annotations start with @`);
    if (seen.has(label.text)) return fail(sign.col, `@${label.text} is written twice`);
    seen.add(label.text);
    i += 2;
    let arg: { raw: string; tokens: Token[]; col: number } | undefined;
    if (rest[i]?.text === '(') {
      const close = rest.findIndex((t, j) => j > i && t.text === ')');
      const open = rest[i];
      if (close < 0 || open === undefined)
        return fail(open?.col ?? sign.col, `@${label.text}( is never closed`);
      const inner = rest.slice(i + 1, close);
      arg = {
        raw: text.slice(open.end - 1, (rest[close]?.col ?? open.end) - 1).trim(),
        tokens: inner,
        col: inner[0]?.col ?? open.end,
      };
      i = close + 1;
    }
    if (!applyAnnotation(field, label.text, arg, at(sign.col), at, fail)) return undefined;
  }
  return field as FieldInput;
}

/** `str`, `User`, `[str]`, `[[str]]` (the IR refuses nested lists with its own message); `sid` reads as `str`. */
function readType(
  tokens: readonly Token[],
  start: number,
  fail: Fail,
): { text: string; col: number; next: number } | undefined {
  let depth = 0;
  let i = start;
  while (tokens[i]?.text === '[') {
    depth++;
    i++;
  }
  const name = tokens[i];
  if (name?.kind !== 'name') return fail(name?.col ?? tokens[start - 1]?.end ?? 1, 'expected a type after :');
  i++;
  for (let d = 0; d < depth; d++, i++) {
    if (tokens[i]?.text !== ']') return fail(tokens[i]?.col ?? name.end, 'a list type needs its closing ]');
  }
  // oschema's SmartID as the type of any other field: an id whose target the schema does not say, kept as text.
  const type = name.text === 'sid' ? 'str' : name.text;
  return {
    text: `${'['.repeat(depth)}${type}${']'.repeat(depth)}`,
    col: tokens[start]?.col ?? name.col,
    next: i,
  };
}
