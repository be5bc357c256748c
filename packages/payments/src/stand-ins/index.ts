/**
 * Local stand-ins for the payment providers, for tests and dev mode only: nothing in a production code path
 * starts one by itself (the server decides, and refuses in production).
 */
export * from './clickpesa';
export type { StandInDelivery } from './common/delivery';
export type { StandInFaults } from './common/faults';
export * from './stripe';
