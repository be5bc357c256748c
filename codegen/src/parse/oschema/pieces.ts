import type { Position } from '../../problem';
import type { Located } from '../model';
import type { Token } from './tokens';

/** Splits a struct line's tokens at top-level commas (`a: str, b: i32`), not inside `( )`, `[ ]` or `{ }`. */
export function splitTopLevel(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if ('([{'.includes(t.text) && t.kind === 'punct') depth++;
    if (')]}'.includes(t.text) && t.kind === 'punct') depth--;
    if (t.text === ',' && depth === 0) out.push([]);
    else out[out.length - 1]?.push(t);
  }
  return out.filter((segment) => segment.length > 0);
}

/** `[rootobject]` on a line of its own, above a struct: its position, or undefined after reporting. */
export function readMarker(
  tokens: readonly Token[],
  at: (col: number) => Position,
  fail: (col: number, message: string) => undefined,
): Position | undefined {
  const [, word, close, extra] = tokens;
  if (word?.text !== 'rootobject' || close?.text !== ']')
    return fail(
      word?.col ?? 1,
      `unknown marker '[${word?.text ?? ''}${close?.text === ']' ? ']' : ''}': the only one is [rootobject]`,
    );
  if (extra !== undefined)
    return fail(extra.col, '[rootobject] stands on its own line, above the declaration');
  return at(tokens[0]?.col ?? 1);
}

/** `"a" | "b" | "c"` from `start`; a line may also begin with `|` to continue the previous one. */
export function readEnumValues(
  tokens: readonly Token[],
  start: number,
  values: Located<string>[],
  at: (col: number) => Position,
  fail: (col: number, message: string) => undefined,
): void {
  let expectValue = tokens[start]?.text !== '|';
  for (const t of tokens.slice(start)) {
    if (expectValue) {
      if (t.kind !== 'string' && t.kind !== 'name') {
        fail(t.col, `expected an enum value ("a") but found '${t.text}'`);
        return;
      }
      values.push({ value: t.value, at: at(t.col) });
      expectValue = false;
    } else if (t.text === '|') expectValue = true;
    else {
      fail(t.col, `expected | between enum values but found '${t.text}'`);
      return;
    }
  }
  if (expectValue) fail(tokens[tokens.length - 1]?.col ?? 1, 'an enum value must follow |');
}
