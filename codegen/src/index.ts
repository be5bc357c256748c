export { generate, generateNamespace, type GenerateOptions, type GenerateResult, type NamespaceInput, type NamespaceResult } from './generate';
export { formatProblem, type Problem } from './problem';
