export {
  type GenerateOptions,
  type GenerateResult,
  generate,
  generateNamespace,
  type NamespaceInput,
  type NamespaceResult,
} from './generate';
export { formatProblem, type Problem } from './problem';
