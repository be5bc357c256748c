/** A control-API input error: 400 with a message naming the field. */
export class ControlInputError extends Error {
  override readonly name = 'ControlInputError';
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
  }
}

export function bad(message: string): ControlInputError {
  return new ControlInputError(message);
}

export function asObject(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw bad('the body must be a JSON object');
  return value as Record<string, unknown>;
}

export function wholeNumber(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw bad(`${field} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw bad(`${field} must be a boolean`);
  return value;
}

export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === null) return undefined;
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw bad(`${field} must be one of ${allowed.join(', ')}`);
  return found;
}

/** A JSON control body: empty means `{}`. */
export async function controlBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return asObject(JSON.parse(text));
  } catch (error) {
    if (error instanceof ControlInputError) throw error;
    throw bad('the body is not valid JSON');
  }
}

export function optionalUrl(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw bad(`${name} must be an absolute http(s) URL`);
  }
  return value;
}
