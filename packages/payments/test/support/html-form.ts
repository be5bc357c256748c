export interface PageForm {
  readonly method: string;
  readonly action: string;
  readonly fields: Record<string, string>;
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const decode = (value: string) =>
  value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

/** The form marked `data-choice="<choice>"` and the fields a browser would submit with it. */
export function formFor(page: string, choice: string): PageForm {
  const form = (page.match(/<form\b[^>]*>[\s\S]*?<\/form>/g) ?? []).find(
    (f) => attribute(f, 'data-choice') === choice,
  );
  if (!form) throw new Error(`no form for ${choice}`);
  const open = form.slice(0, form.indexOf('>') + 1);
  const fields: Record<string, string> = {};
  for (const input of form.match(/<input\b[^>]*>/g) ?? []) {
    const name = attribute(input, 'name');
    if (name) fields[name] = decode(attribute(input, 'value') ?? '');
  }
  return {
    method: (attribute(open, 'method') ?? 'get').toUpperCase(),
    action: decode(attribute(open, 'action') ?? ''),
    fields,
  };
}

/** Submits a form as a browser without JavaScript would, without following the redirect. */
export async function submit(baseUrl: string, form: PageForm): Promise<Response> {
  return fetch(new URL(form.action, baseUrl), {
    method: form.method,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form.fields).toString(),
    redirect: 'manual',
  });
}
