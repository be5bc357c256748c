export { buildNamespace, type BuildResult, MAX_IDENTIFIER } from './build';
export * from './nodes';
export { integerRange } from './ranges';
