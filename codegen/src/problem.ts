/** A position in a schema file: 1-based line and column. */
export interface Position {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** One thing wrong with the input, reported as `file:line:col message`. */
export interface Problem extends Position {
  readonly message: string;
}

export function problem(at: Position, message: string): Problem {
  return { file: at.file, line: at.line, col: at.col, message };
}

export function formatProblem(p: Problem, displayFile: (file: string) => string = (f) => f): string {
  return `${displayFile(p.file)}:${p.line}:${p.col} ${p.message}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col,
  );
}
