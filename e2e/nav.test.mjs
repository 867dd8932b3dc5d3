// The administrator's menu: one line at 1280 px, a few short lines at 390 px with nothing
// scrolling sideways (there is no JavaScript to open a menu), and Administration's page of
// grouped links, with the section's own row of links on each of its pages. Checked with axe.
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

/** The distinct tops of the main menu's items: one per line it takes. */
async function menuLines(page) {
  const tops = await page.$$eval('nav.nav li', (items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
  return new Set(tops).size;
}

test('the admin menu fits one line at 1280 px and wraps tidily at 390 px', { timeout: 120_000 }, async () => {
  await withPage(browser, 'nav-admin', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    assert.equal(await menuLines(page), 1, 'one line at 1280 px');
    assert.ok(await page.locator('nav.nav li').count() <= 6, 'a short menu');

    await clickAndWait(page, page.locator('nav.nav a[href="/admin"]'));
    assert.equal(pathOf(page), '/admin');
    assert.equal(await page.locator('nav.nav a[href="/admin"]').getAttribute('aria-current'), 'page');
    assert.equal(await page.locator('main h2').count(), 6, 'six groups of pages');
    await checkA11y(page, 'administration');

    // A page of the section: Administration stays marked, and the section's row marks it.
    await clickAndWait(page, page.locator('main a[href="/sites"]'));
    assert.equal(await page.locator('nav.nav a[href="/admin"]').getAttribute('aria-current'), 'true');
    assert.equal(await page.locator('nav.subnav a[href="/sites"]').getAttribute('aria-current'), 'page');
    await checkA11y(page, 'sites, within administration');

    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, `${app.url}/admin`);
    const lines = await menuLines(page);
    assert.ok(lines >= 1 && lines <= 3, `the menu takes ${lines} lines at 390 px`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 390, `nothing scrolls sideways (${wide} px)`);
    const heights = await page.$$eval('nav.nav a', (as) => as.map((a) => a.getBoundingClientRect().height));
    assert.ok(heights.every((h) => h >= 24), 'every link keeps its target size');
    await checkA11y(page, 'administration at 390 px');
  });
});
