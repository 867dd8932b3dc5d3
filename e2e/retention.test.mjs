// The retention period in a real browser, as an admin: from the settings page to its own page,
// a refused value with its error summary, someone marked as having left a year ago, and a
// shorter period that asks to confirm erasing them before it is saved. Every page is checked
// with axe.
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

test('an admin changes the retention period, confirming who it erases', { timeout: 300_000 }, async () => {
  await withPage(browser, 'retention', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    await visit(page, `${app.url}/settings`);
    await clickAndWait(page, page.locator('main a[href="/settings/retention"]'));
    assert.equal(pathOf(page), '/settings/retention');
    assert.match(await page.locator('main').innerText(), /erased 24 months after the day they left/);
    await checkA11y(page, 'retention page');

    await page.fill('#months', 'two years');
    await clickAndWait(page, page.locator('main button[type="submit"]'));
    await assertErrorSummary(page);
    await checkA11y(page, 'retention page with an error');

    // Someone left a year ago: a six-month period would erase them at once.
    await visit(page, `${app.url}/people`);
    const href = await page.locator('main table a[href^="/people/"]').last().getAttribute('href');
    await visit(page, `${app.url}${href}/edit`);
    const now = new Date();
    const yearAgo = `${now.getUTCFullYear() - 1}-${String(now.getUTCMonth() + 1).padStart(2, '0')}-01`;
    await page.fill('#left_on', yearAgo);
    await clickAndWait(page, page.locator('main button[type="submit"]'));

    await visit(page, `${app.url}/settings/retention`);
    assert.match(await page.locator('main').innerText(), /holds the data of 1 person who has left/);
    await page.fill('#months', '6');
    await clickAndWait(page, page.locator('main button[type="submit"]'));
    assert.match(await page.locator('main').innerText(), /1 person who left before .* will be erased within the hour/);
    await checkA11y(page, 'retention confirmation');
    await clickAndWait(page, page.locator('main button[type="submit"]'));
    await assertErrorSummary(page);
    await checkA11y(page, 'retention confirmation not ticked');
    await page.check('#confirm');
    await clickAndWait(page, page.locator('main button[type="submit"]'));
    assert.equal(pathOf(page), '/settings/retention');
    assert.match(await page.locator('main').innerText(), /The retention period has been saved/);
    assert.equal(await page.inputValue('#months'), '6');
    await checkA11y(page, 'retention saved');
  });
});
