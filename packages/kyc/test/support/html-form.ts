export interface BrowserForm {
  method: string;
  action: string;
  fields: Record<string, string>;
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function decodeEntities(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/**
 * Finds the form with `data-outcome="<outcome>"` and the fields a browser would submit with it:
 * its inputs, and each select's first option (a browser's default choice) unless `choose` overrides.
 */
export function findForm(page: string, outcome: string, choose: Record<string, string> = {}): BrowserForm {
  const forms = page.match(/<form\b[^>]*>[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((candidate) => attribute(candidate, 'data-outcome') === outcome);
  if (!form) throw new Error(`no form for ${outcome}`);
  const open = form.slice(0, form.indexOf('>') + 1);
  const fields: Record<string, string> = {};
  for (const input of form.match(/<input\b[^>]*>/g) ?? []) {
    const name = attribute(input, 'name');
    if (name) fields[name] = decodeEntities(attribute(input, 'value') ?? '');
  }
  for (const select of form.match(/<select\b[^>]*>[\s\S]*?<\/select>/g) ?? []) {
    const name = attribute(select, 'name');
    const first = /<option\b[^>]*>/.exec(select)?.[0];
    if (name && first) fields[name] = decodeEntities(attribute(first, 'value') ?? '');
  }
  return {
    method: (attribute(open, 'method') ?? 'get').toUpperCase(),
    action: decodeEntities(attribute(open, 'action') ?? ''),
    fields: { ...fields, ...choose },
  };
}
