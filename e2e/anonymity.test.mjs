// The anonymity threshold in a real browser, as an admin: from the settings page to its own
// page, a refused value with its error summary, and a saved one that the report then uses.
// Every page is checked with axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_ACCOUNTS,
  startSkillgym,
  launchBrowser,
  withPage,
  visit,
  signIn,
  clickAndWait,
  checkA11y,
  assertErrorSummary,
  pathOf,
} from './lib.mjs';

let app;
let browser;

before(async () => {
  app = await startSkillgym();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('an admin changes the anonymity threshold and reports use it', { timeout: 300_000 }, async () => {
  await withPage(browser, 'anonymity', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    await visit(page, `${app.url}/settings`);
    assert.match(await page.locator('main').innerText(), /No figure in a report is about fewer than 5 people/);
    await clickAndWait(page, page.locator('main a[href="/settings/anonymity"]'));
    assert.equal(pathOf(page), '/settings/anonymity');
    await checkA11y(page, 'anonymity threshold page');

    await page.fill('#threshold', '2');
    await clickAndWait(page, page.locator('main button[type="submit"]'));
    await assertErrorSummary(page);
    assert.match(await page.locator('main').innerText(), /must be from 3 to 50 people/);
    await checkA11y(page, 'anonymity threshold page with an error');

    await page.fill('#threshold', '8');
    await clickAndWait(page, page.locator('main button[type="submit"]'));
    assert.equal(pathOf(page), '/settings/anonymity');
    assert.match(await page.locator('main').innerText(), /The anonymity threshold has been saved/);
    assert.equal(await page.inputValue('#threshold'), '8');
    await checkA11y(page, 'anonymity threshold saved');

    await visit(page, `${app.url}/campaigns/1/report`);
    assert.match(await page.locator('main').innerText(), /fewer than 8 people/);
    await checkA11y(page, 'report with the new threshold');
  });
});
