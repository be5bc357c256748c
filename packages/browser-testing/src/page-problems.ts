import type { Page } from 'playwright-core';

/**
 * Collects what a person would not see but a broken page shows in its console: script errors, CSP
 * refusals (a blocked stylesheet leaves the page unstyled), failed requests and 4xx/5xx subresources.
 * Tests assert the list is empty after visiting their pages.
 */
export function watchPage(page: Page): { problems(): string[] } {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation that a test interrupts on purpose is not a broken page.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document' && response.status() >= 400)
      problems.push(`${response.status()} for ${response.url()}`);
  });
  return { problems: () => [...problems] };
}

/** Which of these secret values appear anywhere in the page's HTML (markup, attributes, hidden fields). */
export async function leakedSecrets(page: Page, secrets: readonly string[]): Promise<string[]> {
  const html = await page.content();
  return secrets.filter((secret) => secret !== '' && html.includes(secret));
}
