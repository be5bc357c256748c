import { faults as checkedFaults } from './control-input';
import type { SimFaults } from './types';

/** The injected faults. `next*` faults are consumed by the call they break. */
export class FaultBox {
  #faults: SimFaults = {};

  /** Replaces the whole set (so `{}` clears it), after checking it. */
  set(value: SimFaults): void {
    this.#faults = checkedFaults(value);
  }

  takeTokenFaults(): Pick<SimFaults, 'nextTokenStatus' | 'nextTokenMalformed'> {
    const { nextTokenStatus, nextTokenMalformed, ...rest } = this.#faults;
    this.#faults = rest;
    return { ...(nextTokenStatus && { nextTokenStatus }), ...(nextTokenMalformed && { nextTokenMalformed }) };
  }

  takeStatusFault(): SimFaults['nextStatusCallStatus'] {
    const { nextStatusCallStatus, ...rest } = this.#faults;
    this.#faults = rest;
    return nextStatusCallStatus;
  }

  tokenDelayMs(): number {
    return this.#faults.tokenDelayMs ?? 0;
  }
}
