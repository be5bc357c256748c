import { type CompleteOptions, SIM_OUTCOMES, type SimFaults, type SimOutcome, SimulatorError } from './types';

export interface CompletePlan {
  overall: SimOutcome;
  final: boolean;
  repeat: number;
  delayMs: number;
  auto: Exclude<SimOutcome, 'EXPIRED'> | undefined;
}

function bad(message: string): SimulatorError {
  return new SimulatorError(400, 'BAD_VALUE', message);
}

export function asObject(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw bad('the body must be a JSON object');
  return value as Record<string, unknown>;
}

function wholeNumber(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw bad(`${field} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function outcome(value: unknown, field = 'overall'): SimOutcome {
  if (typeof value !== 'string' || !(SIM_OUTCOMES as readonly string[]).includes(value)) {
    throw bad(`${field} must be one of ${SIM_OUTCOMES.join(', ')}`);
  }
  return value as SimOutcome;
}

/** Checks `complete` options, from JSON or from a typed caller alike. */
export function completePlan(options: CompleteOptions | unknown): CompletePlan {
  const fields = asObject(options);
  const overall = outcome(fields.overall);
  if (fields.final !== undefined && typeof fields.final !== 'boolean') throw bad('final must be a boolean');
  const final = (fields.final as boolean | undefined) ?? overall !== 'REVIEWING';
  if (overall === 'REVIEWING' && final) throw bad('REVIEWING is never final');
  const withAuto = fields.withAuto ?? false;
  let auto: CompletePlan['auto'];
  if (withAuto === true) auto = 'REVIEWING';
  else if (withAuto !== false) {
    const named = outcome(withAuto, 'withAuto');
    if (named === 'EXPIRED') throw bad('withAuto cannot be EXPIRED');
    auto = named;
  }
  return {
    overall,
    final,
    repeat: wholeNumber(fields.repeat, 'repeat', 1, 20) ?? 1,
    delayMs: wholeNumber(fields.delayMs, 'delayMs', 0, 60_000) ?? 0,
    auto,
  };
}

export function notifyOption(options: unknown): boolean {
  const { notify } = asObject(options);
  if (notify !== undefined && typeof notify !== 'boolean') throw bad('notify must be a boolean');
  return notify ?? true;
}

/** Checks a fault set; unknown keys are refused so a typo does not silently inject nothing. */
export function faults(value: unknown): SimFaults {
  const fields = asObject(value);
  const known = ['nextTokenStatus', 'nextTokenMalformed', 'tokenDelayMs', 'nextStatusCallStatus'];
  const unknown = Object.keys(fields).find((key) => !known.includes(key));
  if (unknown !== undefined) throw bad(`unknown fault '${unknown}'`);
  const result: SimFaults = {};
  const { nextTokenStatus, nextTokenMalformed, nextStatusCallStatus } = fields;
  if (nextTokenStatus !== undefined) {
    if (
      nextTokenStatus !== 401 &&
      nextTokenStatus !== 409 &&
      nextTokenStatus !== 429 &&
      nextTokenStatus !== 500
    ) {
      throw bad('nextTokenStatus must be 401, 409, 429 or 500');
    }
    result.nextTokenStatus = nextTokenStatus;
  }
  if (nextStatusCallStatus !== undefined) {
    if (nextStatusCallStatus !== 401 && nextStatusCallStatus !== 429 && nextStatusCallStatus !== 500) {
      throw bad('nextStatusCallStatus must be 401, 429 or 500');
    }
    result.nextStatusCallStatus = nextStatusCallStatus;
  }
  if (nextTokenMalformed !== undefined) {
    if (typeof nextTokenMalformed !== 'boolean') throw bad('nextTokenMalformed must be a boolean');
    result.nextTokenMalformed = nextTokenMalformed;
  }
  const tokenDelayMs = wholeNumber(fields.tokenDelayMs, 'tokenDelayMs', 0, 600_000);
  if (tokenDelayMs !== undefined) result.tokenDelayMs = tokenDelayMs;
  return result;
}
