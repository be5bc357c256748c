export { createSimulatorApp } from './app';
export { SimulatorCore } from './core';
export { type IdenfySimulator, type StartIdenfySimulatorOptions, startIdenfySimulator } from './server';
export {
  type CompleteOptions,
  type ExpireOptions,
  type IdenfySimulatorOptions,
  SIM_OUTCOMES,
  type SimDelivery,
  type SimFaults,
  type SimOutcome,
  type SimSession,
  type SimStats,
  SimulatorError,
  type SimulatorErrorCode,
} from './types';
