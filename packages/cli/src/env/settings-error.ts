/** A setting that stops a command before anything starts: which variable, what is wrong, who needs it, in which mode. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    readonly variable: string,
    readonly problem: string,
    readonly neededBy: string,
    readonly mode: string,
  ) {
    super(`${variable}: ${problem} (needed by the ${neededBy} in ${mode})`);
  }
}
