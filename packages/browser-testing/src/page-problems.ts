import type { Page } from 'playwright-core';

/**
 * Collects what a person would not see but a broken page shows in its console: script errors, CSP
 * refusals (a blocked stylesheet leaves the page unstyled), failed requests and 4xx/5xx subresources.
 * Tests assert the list is empty after visiting their pages.
 */
export function watchPage(page: Page): { problems(): string[] } {
  const problems: string[] = [];
  // An error page the test navigated to on purpose (a 404, say) is the page, not a broken part of one.
  const errorDocuments = new Set<string>();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().startsWith('Failed to load resource') && errorDocuments.has(message.location().url))
      return;
    problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation that a test interrupts on purpose is not a broken page.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() < 400) return;
    if (response.request().resourceType() === 'document') errorDocuments.add(response.url());
    else problems.push(`${response.status()} for ${response.url()}`);
  });
  return { problems: () => [...problems] };
}

/** Which of these secret values appear anywhere in the page's HTML (markup, attributes, hidden fields). */
export async function leakedSecrets(page: Page, secrets: readonly string[]): Promise<string[]> {
  const html = await page.content();
  return secrets.filter((secret) => secret !== '' && html.includes(secret));
}

/** Form fields a screen reader could not name: inputs and selects with no `<label>` (hidden inputs aside). */
export async function unlabelledFields(page: Page): Promise<string[]> {
  return page.locator('input:not([type=hidden]), select, textarea').evaluateAll((fields) =>
    fields
      .filter((field) => {
        const labels = (field as unknown as { labels: { length: number } | null }).labels;
        return (labels === null || labels.length === 0) && !field.getAttribute('aria-label');
      })
      .map((field) => field.getAttribute('name') ?? field.tagName),
  );
}
