// A manager who leaves, in two real browsers: the admin sets their "left on" date to a day to
// come (they are shown as leaving and keep their access), then to today; the manager, signed in
// all along, gets the sign-in page at their next click, and signing in again shows the page
// that says their access has ended. Every page is checked with axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  startSkillgym,
  launchBrowser,
  withPage,
  visit,
  signIn,
  submitSignIn,
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

const isoDay = (d) => d.toISOString().slice(0, 10);

/** On the admin's page: the manager's person page, found through the list of people. */
async function openManager(page) {
  await visit(page, `${app.url}/people?q=${encodeURIComponent(DEMO_ACCOUNTS.manager)}`);
  await clickAndWait(page, page.locator('main table a[href^="/people/"]').first());
  return pathOf(page);
}

async function setLeftOn(page, personPath, day) {
  await visit(page, `${app.url}${personPath}/edit`);
  await page.fill('#left_on', day);
  await clickAndWait(page, page.locator('main button[type="submit"]'));
  assert.equal(pathOf(page), personPath, 'the change was saved');
}

test('a manager who leaves is signed out at once and told why at sign-in', { timeout: 300_000 }, async () => {
  await withPage(browser, 'leavers-manager', async (manager) => {
    await signIn(manager, app.url, DEMO_ACCOUNTS.manager);
    await withPage(browser, 'leavers-admin', async (admin) => {
      await signIn(admin, app.url, DEMO_ACCOUNTS.admin);
      const personPath = await openManager(admin);

      // Leaving tomorrow: shown as leaving, access kept until then.
      const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
      await setLeftOn(admin, personPath, isoDay(tomorrow));
      assert.match(await admin.locator('main dl').innerText(), /Leaving on/);
      await checkA11y(admin, 'person leaving');
      await visit(admin, `${app.url}/people?q=${encodeURIComponent(DEMO_ACCOUNTS.manager)}`);
      assert.match(await admin.locator('main table').innerText(), /Leaving on \d+ \w+ \d{4}/);
      await checkA11y(admin, 'people list with someone leaving');
      await visit(manager, `${app.url}/team`);

      // Left today: their next click is the sign-in page.
      await setLeftOn(admin, personPath, isoDay(new Date()));
      assert.match(await admin.locator('main').innerText(), /This person has left, so they cannot sign in/);
      await checkA11y(admin, 'person who has left');
    });
    await clickAndWait(manager, manager.locator('nav a[href="/"]'));
    assert.equal(pathOf(manager), '/sign-in', 'signed out at once');

    await submitSignIn(manager, app.url, DEMO_ACCOUNTS.manager, DEMO_PASSWORD);
    assert.equal(await manager.locator('h1').innerText(), 'Your access to skillgym has ended');
    await checkA11y(manager, 'access ended');
  });
});
