export { ConfigError } from './config-error';
export { type Env, type EnvReader, envReader, type IntBounds } from './env-reader';
