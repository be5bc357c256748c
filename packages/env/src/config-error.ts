/** A missing or malformed setting. Names the variable and the problem, never the value (it may be a secret). */
export class ConfigError extends Error {
  override readonly name: string = 'ConfigError';
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}
