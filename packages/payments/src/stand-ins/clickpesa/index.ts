export { CLICKPESA_API_PREFIX, createClickPesaStandInApp } from './app';
export { ClickPesaStandInCore } from './core';
export { type ClickPesaStandIn, type StartClickPesaStandInOptions, startClickPesaStandIn } from './server';
export type {
  ClickPesaEndpoint,
  ClickPesaPaymentStatus,
  ClickPesaPayOptions,
  ClickPesaStandInEvent,
  ClickPesaStandInOptions,
  ClickPesaStandInOrder,
  ClickPesaStandInPayment,
  ClickPesaStandInStats,
} from './types';
