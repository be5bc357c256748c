/** Test support other packages may use: `@hero-onboarding/server/testing`. */
export { freePort, startServerProcess } from './server-process';
