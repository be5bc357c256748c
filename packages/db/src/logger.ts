/** The logging this package needs; the server's logger satisfies it structurally. */
export interface DatabaseLogger {
  info(message: string): void;
  warn(message: string): void;
}

export const consoleLogger: DatabaseLogger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
};

export const silentLogger: DatabaseLogger = { info: () => {}, warn: () => {} };
