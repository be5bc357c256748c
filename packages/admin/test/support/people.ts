/**
 * People using the server as its API clients would (JSON over HTTP, a cookie jar of one), so the admin
 * view has real users and sessions to show. Dev mode returns the sign-in code in the challenge answer.
 */
export async function signInPerson(
  serverUrl: string,
  email: string,
): Promise<{ userId: string; session: string }> {
  const post = (path: string, body: unknown) =>
    fetch(new URL(path, serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  const challenge = await post('/login/challenge', { email });
  const issued = (await challenge.json()) as { dev_code?: string; challenge_id?: string };
  if (challenge.status !== 200 || issued.dev_code === undefined)
    throw new Error(`challenge for ${email} answered ${challenge.status}`);
  const verified = await post('/login/verify', {
    email,
    code: issued.dev_code,
    challenge_id: issued.challenge_id,
  });
  if (verified.status !== 200) throw new Error(`verify for ${email} answered ${verified.status}`);
  const { user } = (await verified.json()) as { user: { id: string } };
  const cookie = verified.headers.getSetCookie().find((line) => line.startsWith('hero_session='));
  if (cookie === undefined) throw new Error('no session cookie');
  return { userId: user.id, session: cookie.split(';')[0]?.slice('hero_session='.length) ?? '' };
}

/** Starts KYC for a signed-in person; returns the simulator's base URL (from the verification page's address). */
export async function startKyc(serverUrl: string, session: string): Promise<string> {
  const res = await fetch(new URL('/kyc/start', serverUrl), {
    headers: { cookie: `hero_session=${session}`, accept: 'application/json' },
    redirect: 'manual',
  });
  const location = res.headers.get('location');
  if (res.status !== 302 || location === null) throw new Error(`kyc/start answered ${res.status}`);
  return new URL(location).origin;
}

/** Has the simulator deliver a signed result for this user's session, as iDenfy would. */
export async function finishKyc(
  simulatorUrl: string,
  userId: string,
  overall: string,
  final = true,
): Promise<void> {
  const listed = (await (await fetch(`${simulatorUrl}/sim/sessions`)).json()) as {
    sessions: { scanRef: string; clientId: string }[];
  };
  const session = listed.sessions.filter((s) => s.clientId.startsWith(userId)).at(-1);
  if (session === undefined) throw new Error('the simulator has no session for this user');
  const res = await fetch(`${simulatorUrl}/sim/sessions/${session.scanRef}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ overall, final }),
  });
  if (res.status !== 200) throw new Error(`simulator complete answered ${res.status}`);
}

/** A person who signed in and reached the given KYC outcome (`undefined`: started, nothing back yet). */
export async function personWithKyc(
  serverUrl: string,
  email: string,
  outcome?: { overall: string; final?: boolean },
) {
  const person = await signInPerson(serverUrl, email);
  const simulatorUrl = await startKyc(serverUrl, person.session);
  if (outcome !== undefined)
    await finishKyc(simulatorUrl, person.userId, outcome.overall, outcome.final ?? true);
  return person;
}

/**
 * A paid top-up: `/payment/intent` as an API client, then the Stripe stand-in's control API pays the
 * checkout and delivers the signed webhook that credits the balance.
 */
export async function paidTopUp(serverUrl: string, session: string, amountCents: number, currency = 'USD') {
  const res = await fetch(new URL('/payment/intent', serverUrl), {
    method: 'POST',
    headers: {
      cookie: `hero_session=${session}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({ amount: amountCents, currency, provider: 'stripe' }),
  });
  const body = (await res.json()) as { checkout_url?: string };
  if (res.status !== 201 || body.checkout_url === undefined)
    throw new Error(`payment/intent answered ${res.status}`);
  const checkout = new URL(body.checkout_url);
  const sessionId = checkout.pathname.split('/').at(-1);
  const paid = await fetch(`${checkout.origin}/_stand-in/sessions/${sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (paid.status !== 200) throw new Error(`the Stripe stand-in answered ${paid.status}`);
}
