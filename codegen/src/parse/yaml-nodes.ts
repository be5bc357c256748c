import {
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { type Position, type Problem, problem } from '../problem';

/** Positions and typed reads over one parsed YAML document; every failed read records a problem. */
export class NodeReader {
  readonly problems: Problem[] = [];

  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  at(node: { range?: readonly [number, number, number] | null | undefined } | null | undefined): Position {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  report(at: Position, message: string): void {
    this.problems.push(problem(at, message));
  }

  /** The pairs of a mapping whose keys are plain strings; anything else is reported. */
  entries(
    node: unknown,
    what: string,
    fallback: Position,
  ): { key: string; keyAt: Position; value: unknown; pair: Pair }[] {
    if (!isMap(node)) {
      this.report(this.atOf(node, fallback), `${what} must be a mapping`);
      return [];
    }
    const out: { key: string; keyAt: Position; value: unknown; pair: Pair }[] = [];
    for (const pair of (node as YAMLMap).items) {
      const key = pair.key;
      if (!isScalar(key) || typeof key.value !== 'string') {
        this.report(this.atOf(key, fallback), `${what}: keys must be plain names`);
        continue;
      }
      out.push({ key: key.value, keyAt: this.at(key), value: pair.value, pair });
    }
    return out;
  }

  /** Like `entries`, and reports a key written twice. */
  uniqueEntries(node: unknown, what: string, fallback: Position): ReturnType<NodeReader['entries']> {
    const seen = new Set<string>();
    return this.entries(node, what, fallback).filter((entry) => {
      if (!seen.has(entry.key)) return seen.add(entry.key);
      this.report(entry.keyAt, `${what}: '${entry.key}' is written twice`);
      return false;
    });
  }

  string(node: unknown, what: string, fallback: Position): string | undefined {
    if (isScalar(node) && typeof node.value === 'string' && node.value.length > 0) return node.value;
    this.report(this.atOf(node, fallback), `${what} must be a non-empty string`);
    return undefined;
  }

  boolean(node: unknown, what: string, fallback: Position): boolean | undefined {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.report(this.atOf(node, fallback), `${what} must be true or false`);
    return undefined;
  }

  number(node: unknown, what: string, fallback: Position): number | undefined {
    if (isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value)) return node.value;
    this.report(this.atOf(node, fallback), `${what} must be a number`);
    return undefined;
  }

  list(node: unknown, what: string, fallback: Position): unknown[] | undefined {
    if (isSeq(node)) return node.items;
    this.report(this.atOf(node, fallback), `${what} must be a list`);
    return undefined;
  }

  /** Where a value node is, or `fallback` (its key) when the value is empty. */
  atOf(node: unknown, fallback: Position): Position {
    return isNodeWithRange(node) ? this.at(node) : fallback;
  }
}

function isNodeWithRange(node: unknown): node is Node {
  return (
    typeof node === 'object' && node !== null && 'range' in node && Array.isArray((node as Scalar).range)
  );
}
