/**
 * Every secret a test has seen go over HTTP in this file (cookies, sign-in codes, challenge ids, iDenfy
 * tokens): the log checks assert none of them was ever written to a log line.
 */
export const seenSecrets = new Set<string>();

export function rememberSecrets(setCookies: readonly string[], json: unknown): void {
  for (const line of setCookies) {
    const value = /^[^=]+=([^;]*)/.exec(line)?.[1];
    if (value === undefined || value.length < 8) continue;
    const decoded = decodeURIComponent(value);
    seenSecrets.add(decoded);
    // A signed cookie is "<value>.<signature>": the value alone must not leak either.
    const signedValue = decoded.slice(0, decoded.lastIndexOf('.'));
    if (signedValue.length >= 8) seenSecrets.add(signedValue);
  }
  if (typeof json !== 'object' || json === null) return;
  const body = json as { dev_code?: unknown; challenge_id?: unknown; kyc?: { auth_token?: unknown } };
  for (const value of [body.dev_code, body.challenge_id, body.kyc?.auth_token]) {
    if (typeof value === 'string' && value !== '') seenSecrets.add(value);
  }
}
