import type { createApp } from '../../src/app';

type App = Pick<ReturnType<typeof createApp>, 'request'>;

/**
 * One person in front of `app.request()` (no server, no network): a cookie jar, and requests shaped as
 * a browser sends them (`Accept: text/html`, forms) or as an API client does (JSON). Redirects are not
 * followed: tests assert them.
 */
export class AppClient {
  readonly #cookies = new Map<string, string>();

  constructor(readonly app: App) {}

  async request(method: string, path: string, init: { body?: string; headers?: Record<string, string> }) {
    const headers: Record<string, string> = { ...init.headers };
    if (this.#cookies.size > 0) headers.cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.request(path, {
      method,
      headers,
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      location: response.headers.get('location'),
    };
  }

  /** A browser opening a page. */
  page(path: string) {
    return this.request('GET', path, { headers: { accept: 'text/html' } });
  }

  /** A browser submitting a form. */
  submit(path: string, fields: Record<string, string>) {
    return this.request('POST', path, {
      body: new URLSearchParams(fields).toString(),
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** An API client. */
  async api(method: string, path: string, json?: unknown) {
    const res = await this.request(method, path, {
      headers: {
        accept: 'application/json',
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    return { ...res, json: res.text === '' ? undefined : JSON.parse(res.text) };
  }

  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  setCookie(name: string, value: string) {
    this.#cookies.set(name, value);
  }
}

/** The newest sign-in code the dev-mode sender wrote to the stack's log. */
export function lastLoggedCode(lines: readonly string[]): string {
  const code = lines
    .flatMap((line) => [...line.matchAll(/DEV MODE sign-in code: (\d{6})/g)].map((m) => m[1]))
    .at(-1);
  if (code === undefined) throw new Error('no sign-in code was logged');
  return code;
}
