import type { ScalarName } from './nodes';

const I32 = { min: -(2n ** 31n), max: 2n ** 31n - 1n };
const I64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/** What the Postgres column can hold: u32 is an `integer` with a `>= 0` check, u64 a `bigint` with one. */
export function integerRange(name: ScalarName): { min: bigint; max: bigint } {
  switch (name) {
    case 'i32':
      return I32;
    case 'u32':
      return { min: 0n, max: I32.max };
    case 'i64':
      return I64;
    case 'u64':
      return { min: 0n, max: I64.max };
    default:
      throw new Error(`${name} is not an integer type`);
  }
}
