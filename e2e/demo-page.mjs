/* global document -- used inside addInitScript, which runs in the browser */
// Opening a page of the demo site and logging in, shared by the end-to-end journeys. A page collects its
// "problems" (console errors, page errors, CSP violations, missing assets) for the test to assert empty.

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} url  absolute URL of the page
 */
export async function openPage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    // The browser logs every 4xx as "Failed to load resource"; the response handler below judges those.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => { problems.push(`page error: ${error.message}`); });
  page.on('response', (response) => {
    // A refused demo action (4xx from the API) is part of the journey; a missing page or asset is not.
    if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/v1/')) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const response = await page.goto(url);
  return { page, problems, response };
}

/** Logs in through the demo login form as the demo user with this first name. */
export async function logIn(page, firstName) {
  const option = page.locator('#demo-user option', { hasText: firstName });
  await page.selectOption('#demo-user', await option.getAttribute('value'));
  await page.click('#demo-login button[type=submit]');
  await page.getByText(`Du er logget ind som ${firstName}.`).waitFor();
}
