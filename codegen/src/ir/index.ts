export { type BuildResult, buildNamespace, MAX_IDENTIFIER } from './build';
export { RESERVED_TABLES, RESERVED_TYPE_NAMES } from './check-names';
export * from './nodes';
export { integerRange } from './ranges';
