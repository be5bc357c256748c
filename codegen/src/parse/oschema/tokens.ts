/** One token of an .oschema line; `col` is 1-based, `end` is the column just after it. */
export interface Token {
  readonly kind: 'name' | 'string' | 'number' | 'punct';
  readonly text: string;
  /** For strings: the value without quotes, escapes applied. */
  readonly value: string;
  readonly col: number;
  readonly end: number;
}

/** A line split into tokens and its trailing `# comment` (trimmed), or the column of a bad character. */
export interface Line {
  readonly tokens: readonly Token[];
  readonly comment?: string;
  /** 1-based column where the comment's `#` is. */
  readonly commentCol?: number;
}

const PUNCT = '?:[]@(),{}=|';
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;

/**
 * Splits one line: names, numbers, double-quoted strings and `?:[]@(),{}=|`; `#` starts a comment.
 * @example tokenize('  email: str @unique  # sign-in address') // tokens email : str @ unique, comment
 */
export function tokenize(text: string): Line | { readonly col: number; readonly message: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '#') {
      return { tokens, comment: text.slice(i + 1).trim(), commentCol: i + 1 };
    }
    const start = i;
    const push = (kind: Token['kind'], raw: string, value = raw) => {
      tokens.push({ kind, text: raw, value, col: start + 1, end: start + raw.length + 1 });
      i = start + raw.length;
    };
    if (PUNCT.includes(ch)) {
      push('punct', ch);
      continue;
    }
    const matched = match(STRING, text, i);
    if (matched !== undefined) {
      const value = unquote(matched);
      if (value === undefined) return { col: start + 1, message: `bad escape in string ${matched}` };
      push('string', matched, value);
      continue;
    }
    if (ch === '"') return { col: start + 1, message: 'unterminated string: close it with "' };
    const number = match(NUMBER, text, i);
    if (number !== undefined) {
      push('number', number);
      continue;
    }
    const name = match(NAME, text, i);
    if (name !== undefined) {
      push('name', name);
      continue;
    }
    return { col: start + 1, message: `unexpected character '${ch}'` };
  }
  return { tokens };
}

function match(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

function unquote(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}
