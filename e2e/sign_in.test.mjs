// Sign-in, sign-out and language switch, each page checked with axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_ACCOUNTS,
  startSkillgym,
  launchBrowser,
  withPage,
  visit,
  signIn,
  submitSignIn,
  clickAndWait,
  checkA11y,
  htmlLang,
  pathOf,
  assertErrorSummary,
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

const T = { timeout: 120_000 };

test('/healthz answers 200', T, async () => {
  const res = await fetch(`${app.url}/healthz`);
  assert.equal(res.status, 200);
});

test('the sign-in page passes axe', T, async () => {
  await withPage(browser, 'sign-in-page', async (page) => {
    await visit(page, `${app.url}/sign-in`);
    assert.equal(await page.locator('input[name="email"]').count(), 1, 'one email field');
    assert.equal(await page.locator('input[name="password"]').count(), 1, 'one password field');
    await checkA11y(page, 'sign-in page');
  });
});

test('a wrong password shows an error summary that links to the field', T, async () => {
  await withPage(browser, 'sign-in-wrong-password', async (page) => {
    await submitSignIn(page, app.url, DEMO_ACCOUNTS.admin, 'not-the-password');
    assert.equal(pathOf(page), '/sign-in', 'stays on the sign-in page');
    await assertErrorSummary(page);
    assert.equal(
      await page.locator('form[action="/sign-out"]').count(),
      0,
      'a wrong password must not sign in',
    );
    await checkA11y(page, 'sign-in page with an error');
  });
});

for (const [role, email] of Object.entries(DEMO_ACCOUNTS)) {
  test(`${role} (${email}) signs in to a home page that passes axe`, T, async () => {
    await withPage(browser, `sign-in-${role}`, async (page) => {
      await signIn(page, app.url, email);
      assert.ok(await page.locator('nav').count() > 0, 'the home page has a <nav>');
      assert.ok(await page.locator('nav a[href]').count() > 0, 'the <nav> has links');
      assert.equal(await page.locator('form[action="/sign-out"]').count() > 0, true, 'a sign-out form');
      await checkA11y(page, `${role} home page`);
    });
  });
}

test('signing out returns to a signed-out page', T, async () => {
  await withPage(browser, 'sign-out', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    const signOut = page.locator('form[action="/sign-out"]').first();
    assert.equal(
      (await signOut.getAttribute('method'))?.toLowerCase(),
      'post',
      'sign-out is a POST form',
    );
    const res = await clickAndWait(page, signOut.locator('button').first());
    assert.ok(res && res.status() < 400, `signing out answered ${res?.status()}`);
    assert.equal(await page.locator('form[action="/sign-out"]').count(), 0, 'no sign-out form once signed out');
    await checkA11y(page, 'page after signing out');

    // The session is really gone: the home page sends us to sign in.
    await page.goto(`${app.url}/`, { waitUntil: 'load' });
    assert.equal(await page.locator('form[action="/sign-out"]').count(), 0, 'still signed out on /');
    await visit(page, `${app.url}/sign-in`);
    assert.equal(await page.locator('input[name="password"]').count(), 1, 'the sign-in form is shown');
  });
});

test('switching to Welsh when signed in sets <html lang="cy">', T, async () => {
  await withPage(browser, 'language-signed-in', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    assert.equal(await htmlLang(page), 'en', 'starts in English');
    await switchLanguage(page);
    assert.equal(await htmlLang(page), 'cy', 'switched to Welsh');
    await checkA11y(page, 'signed-in page in Welsh');

    // It sticks on the next page, and switches back.
    await visit(page, `${app.url}/`);
    assert.equal(await htmlLang(page), 'cy', 'Welsh is remembered');
    await switchLanguage(page);
    assert.equal(await htmlLang(page), 'en', 'switched back to English');
  });
});

test('switching to Welsh on the sign-in page sets <html lang="cy">', T, async () => {
  await withPage(browser, 'language-signed-out', async (page) => {
    await visit(page, `${app.url}/sign-in`);
    assert.equal(await htmlLang(page), 'en', 'starts in English');
    await switchLanguage(page);
    assert.equal(await htmlLang(page), 'cy', 'switched to Welsh');
    await checkA11y(page, 'sign-in page in Welsh');
  });
});

async function switchLanguage(page) {
  const form = page.locator('form[action="/language"]').first();
  assert.equal(await form.count(), 1, 'a language form (form[action="/language"])');
  assert.equal((await form.getAttribute('method'))?.toLowerCase(), 'post', 'the language form is a POST form');
  const res = await clickAndWait(page, form.locator('button').first());
  assert.ok(res && res.status() < 400, `switching language answered ${res?.status()}`);
}
