export { type BuildResult, buildNamespace, MAX_IDENTIFIER } from './build';
export * from './nodes';
export { integerRange } from './ranges';
