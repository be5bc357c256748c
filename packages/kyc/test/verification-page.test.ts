import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeClientId } from '../src/client-id';
import { IdenfyProvider } from '../src/idenfy/client';
import type { KycSessionRequest, KycWebhook } from '../src/provider';
import { type IdenfySimulator, startIdenfySimulator } from '../src/simulator';
import { type BrowserForm, findForm } from './support/html-form';
import { startReceiver, type WebhookReceiver } from './support/receiver';

const KEYS = { apiKey: 'page-key', apiSecret: 'page-secret', webhookSecret: 'page-webhook-secret' };
const RETURN = {
  successUrl: 'http://app.test/kyc/return?result=success',
  errorUrl: 'http://app.test/kyc/return?result=error',
  unverifiedUrl: 'http://app.test/kyc/return?result=unverified',
};

describe('the simulator’s verification page, driven like a browser', () => {
  let sim: IdenfySimulator;
  let receiver: WebhookReceiver;
  let kyc: IdenfyProvider;
  let clock = Date.now();

  beforeEach(async () => {
    sim = await startIdenfySimulator(KEYS);
    receiver = await startReceiver();
    kyc = new IdenfyProvider({ ...KEYS, baseUrl: sim.url });
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  async function openPage(request: Partial<KycSessionRequest> = RETURN) {
    clock += 1;
    const token = await kyc.createSession({
      clientId: makeClientId('page-user', clock),
      callbackUrl: receiver.url,
      ...request,
    });
    const response = await fetch(token.redirectUrl);
    return { token, response, html: await response.text() };
  }

  function submit(form: BrowserForm): Promise<Response> {
    expect(form.method).toBe('POST');
    return fetch(new URL(form.action, sim.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form.fields).toString(),
      redirect: 'manual',
    });
  }

  function signedWebhooks(count: number): Promise<KycWebhook[]> {
    return receiver.waitFor(count).then((all) =>
      all.map((received) => {
        expect(received.contentType).toBe('application/json');
        expect(kyc.verifyWebhook(received.body, received.signature)).toBe(true);
        const parsed = kyc.parseWebhook(received.body);
        if (!parsed.success) throw new Error(parsed.error.message);
        return parsed.data;
      }),
    );
  }

  it('serves an HTML page with one form per outcome', async () => {
    const { response, html, token } = await openPage();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    for (const outcome of ['APPROVED', 'DENIED', 'SUSPECTED', 'REVIEWING', 'EXPIRED']) {
      expect(findForm(html, outcome).fields).toMatchObject({ authToken: token.authToken, overall: outcome });
    }
  });

  it('APPROVED: delivers a signed final webhook, then sends the browser to successUrl', async () => {
    const { html, token } = await openPage();
    const response = await submit(findForm(html, 'APPROVED'));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(RETURN.successUrl);
    const [webhook] = await signedWebhooks(1);
    expect(webhook).toMatchObject({
      scanRef: token.scanRef,
      userId: 'page-user',
      overall: 'APPROVED',
      final: true,
    });
    expect(sim.stats().deliveries).toEqual([
      { scanRef: token.scanRef, overall: 'APPROVED', final: true, status: 200 },
    ]);
  });

  it('DENIED goes to errorUrl, SUSPECTED to successUrl', async () => {
    const denied = await openPage();
    expect((await submit(findForm(denied.html, 'DENIED'))).headers.get('location')).toBe(RETURN.errorUrl);
    const suspected = await openPage();
    expect((await submit(findForm(suspected.html, 'SUSPECTED'))).headers.get('location')).toBe(
      RETURN.successUrl,
    );
    const webhooks = await signedWebhooks(2);
    expect(webhooks.map((w) => [w.overall, w.final])).toEqual([
      ['DENIED', true],
      ['SUSPECTED', true],
    ]);
  });

  it('REVIEWING then a chosen final result: two webhooks, preliminary first', async () => {
    const { html } = await openPage();
    const response = await submit(findForm(html, 'REVIEWING', { finalResult: 'DENIED' }));
    expect(response.headers.get('location')).toBe(RETURN.errorUrl);
    const webhooks = await signedWebhooks(2);
    expect(webhooks.map((w) => [w.overall, w.final])).toEqual([
      ['REVIEWING', false],
      ['DENIED', true],
    ]);
  });

  it('REVIEWING without a choice uses the page’s default final result, APPROVED', async () => {
    const { html } = await openPage();
    await submit(findForm(html, 'REVIEWING'));
    const webhooks = await signedWebhooks(2);
    expect(webhooks.map((w) => w.overall)).toEqual(['REVIEWING', 'APPROVED']);
  });

  it('EXPIRED: an EXPIRED webhook, then unverifiedUrl', async () => {
    const { html, token } = await openPage();
    expect((await submit(findForm(html, 'EXPIRED'))).headers.get('location')).toBe(RETURN.unverifiedUrl);
    const [webhook] = await signedWebhooks(1);
    expect(webhook?.overall).toBe('EXPIRED');
    expect((await kyc.fetchStatus(token.scanRef)).status).toBe('EXPIRED');
  });

  it('shows a result page when the session has no return URL', async () => {
    const { html } = await openPage({});
    const response = await submit(findForm(html, 'APPROVED'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Result sent: APPROVED');
    await signedWebhooks(1);
  });

  it('refuses a second submission of the same page, sending nothing more', async () => {
    const { html } = await openPage();
    const form = findForm(html, 'APPROVED');
    await submit(form);
    const again = await submit(findForm(html, 'DENIED'));
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('text/html');
    expect(sim.stats().deliveries).toHaveLength(1);
    expect((await fetch(`${sim.url}/api/v2/redirect?authToken=${form.fields.authToken}`)).status).toBe(409);
  });

  it('shows an error page for an unknown token', async () => {
    const response = await fetch(`${sim.url}/api/v2/redirect?authToken=nope`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('not found');
    expect((await fetch(`${sim.url}/api/v2/redirect`)).status).toBe(404);
  });

  it('shows an error page for an expired token, and refuses its forms', async () => {
    const { html, token } = await openPage();
    await sim.expire(token.scanRef, { notify: false });
    const page = await fetch(token.redirectUrl);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('expired');
    expect((await submit(findForm(html, 'APPROVED'))).status).toBe(410);
    expect(sim.stats().deliveries).toEqual([]);
  });

  it.each([
    ['APPROVED', { overall: 'ACTIVE' }],
    ['REVIEWING', { finalResult: 'REVIEWING' }],
  ])('refuses a %s form altered to %j', async (outcome, change) => {
    const { html } = await openPage();
    const response = await submit(findForm(html, outcome, change));
    expect(response.status).toBe(400);
    expect(sim.stats().deliveries).toEqual([]);
  });
});
