/** Test support other packages may use: `@hero-onboarding/server/testing`. */
export { freePort, type ServerProcess, startServerProcess } from './server-process';
