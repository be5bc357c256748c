/** The key under which the global setup provides the test server's admin URL to test files. */
export const ADMIN_URL_KEY = 'heroOnboardingTestDatabaseUrl';

declare module 'vitest' {
  export interface ProvidedContext {
    heroOnboardingTestDatabaseUrl: string;
  }
}
