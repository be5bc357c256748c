export { createStripeStandInApp } from './app';
export { StripeStandInCore } from './core';
export { type StartStripeStandInOptions, type StripeStandIn, startStripeStandIn } from './server';
export type {
  DeliverOptions,
  PayLaterOptions,
  PayOptions,
  RedeliverOptions,
  StripeEndpoint,
  StripeStandInEvent,
  StripeStandInOptions,
  StripeStandInSession,
  StripeStandInStats,
} from './types';
