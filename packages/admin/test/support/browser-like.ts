import type { createAdminApp } from '../../src/app';

type App = ReturnType<typeof createAdminApp>;

/**
 * Drives the admin app through `app.request()` as a browser would: a cookie jar, `Origin` on posts,
 * form bodies, redirects not followed (tests assert them).
 */
export class BrowserLike {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly app: App,
    readonly origin: string,
  ) {}

  async get(path: string) {
    return this.#send(path, { method: 'GET' });
  }

  async post(
    path: string,
    form: Record<string, string>,
    headers: Record<string, string> = { origin: this.origin },
  ) {
    return this.#send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
  }

  async #send(path: string, init: { method: string; headers?: Record<string, string>; body?: string }) {
    const headers: Record<string, string> = { accept: 'text/html', ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.request(new URL(path, this.origin).toString(), { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = value === '' || attributes.some((a) => /max-age=0\b/i.test(a.trim()));
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, headers: response.headers, html: await response.text() };
  }

  /** The CSRF token in the page's forms. */
  static csrfToken(html: string): string {
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token === undefined) throw new Error('no CSRF token on the page');
    return token;
  }
}
