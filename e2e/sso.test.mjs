// Single sign-on against a real OpenID Connect provider (oidc-provider on loopback):
// the admin sets it up on /settings, people sign in through the provider's development
// login pages, an unknown person is refused, and a callback URL works only once.
// Every skillgym page visited is checked with axe-core (the provider's own development
// pages are not ours, and are not checked).
//
// Tokens a real provider will not issue (for another audience, already expired) are tested
// in crates/web/tests/single_sign_on.rs with a stand-in provider that signs crafted tokens.
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
  assertErrorSummary,
} from './lib.mjs';
import { startProvider } from './oidc-provider.mjs';

const CLIENT_ID = 'skillgym';
const CLIENT_SECRET = 'e2e-client-secret-that-is-long-enough-for-hs256';

let app;
let provider;
let browser;

before(async () => {
  app = await startSkillgym();
  provider = await startProvider({
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${app.url}/sign-in/sso/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    accounts: {
      learner: { email: DEMO_ACCOUNTS.learner, email_verified: true, name: 'Learner' },
      stranger: { email: 'stranger@elsewhere.example', email_verified: true, name: 'Stranger' },
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await provider?.stop();
  await app?.stop();
});

const T = { timeout: 120_000 };

/** Saves the settings form as the admin (the page must be open). */
async function fillSettings(page, { issuer, clientId, secret, passwords }) {
  await page.locator('#issuer_url').fill(issuer);
  await page.locator('#client_id').fill(clientId);
  await page.locator('#client_secret').fill(secret);
  await page.locator(`#password_sign_in-${passwords}`).check();
  return clickAndWait(page, page.locator('main form button[type="submit"]'));
}

/**
 * From skillgym's sign-in page, goes through the provider's development login and consent
 * pages as `login`; resolves with the callback URL the provider sent the browser to.
 */
async function signInThroughProvider(page, login) {
  await visit(page, `${app.url}/sign-in`);
  let callback;
  const watch = (request) => {
    if (request.url().startsWith(`${app.url}/sign-in/sso/callback`)) callback = request.url();
  };
  page.on('request', watch);
  await clickAndWait(page, page.locator('a[href="/sign-in/sso"]'));
  assert.ok(page.url().startsWith(provider.issuer), `at the provider: ${page.url()}`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await clickAndWait(page, page.locator('button[type="submit"]'));
  if (page.url().startsWith(provider.issuer)) {
    // The consent page.
    await clickAndWait(page, page.locator('button[type="submit"]'));
  }
  page.off('request', watch);
  assert.ok(callback, 'the provider sent the browser back to skillgym');
  return callback;
}

test('the admin sets up single sign-on on /settings', T, async () => {
  await withPage(browser, 'sso-settings', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    // Settings is under Administration: the menu, then the page's own link.
    await clickAndWait(page, page.locator('nav a[href="/admin"]'));
    await clickAndWait(page, page.locator('main a[href="/settings"]'));
    assert.equal(pathOf(page), '/settings');
    await checkA11y(page, 'settings page');

    // An issuer that is not HTTPS (and not on loopback) is refused with an error summary.
    await fillSettings(page, {
      issuer: 'http://idp.example.gov.uk',
      clientId: CLIENT_ID,
      secret: CLIENT_SECRET,
      passwords: 'on',
    });
    await assertErrorSummary(page);
    assert.equal(await page.locator('#client_secret').inputValue(), '', 'the secret is not echoed');
    await checkA11y(page, 'settings page with errors');

    await fillSettings(page, {
      issuer: provider.issuer,
      clientId: CLIENT_ID,
      secret: CLIENT_SECRET,
      passwords: 'on',
    });
    assert.equal(pathOf(page), '/settings');
    assert.match(await page.locator('main').innerText(), /Your settings have been saved/);
    assert.equal(await page.locator('#client_secret').inputValue(), '', 'the saved secret is never shown');
    assert.ok(!(await page.content()).includes(CLIENT_SECRET), 'the secret is nowhere on the page');
    await checkA11y(page, 'settings page after saving');
  });
});

test('the sign-in page offers the organisation account and passwords', T, async () => {
  await withPage(browser, 'sso-sign-in-page', async (page) => {
    await visit(page, `${app.url}/sign-in`);
    assert.equal(await page.locator('a[href="/sign-in/sso"]').count(), 1, 'a single sign-on button');
    assert.equal(await page.locator('input[name="password"]').count(), 1, 'the password form');
    await checkA11y(page, 'sign-in page with single sign-on');
  });
});

test('a learner signs in with their organisation account, and the callback works once', T, async () => {
  await withPage(browser, 'sso-learner', async (page) => {
    const callback = await signInThroughProvider(page, 'learner');
    assert.equal(pathOf(page), '/', `landed on skillgym's home page (${page.url()})`);
    assert.equal(await page.locator('form[action="/sign-out"]').count() > 0, true, 'signed in');
    await checkA11y(page, 'home page after single sign-on');

    // The same callback URL again (same state): refused.
    const replay = await page.goto(callback, { waitUntil: 'load' });
    assert.equal(replay.status(), 400, 'a replayed callback is refused');
    assert.match(await page.locator('main').innerText(), /has expired or has already been used/);
    await checkA11y(page, 'refusal page (replayed callback)');
  });
});

test('someone who is not in skillgym is refused with a clear page', T, async () => {
  await withPage(browser, 'sso-stranger', async (page) => {
    await signInThroughProvider(page, 'stranger');
    assert.equal(pathOf(page), '/sign-in/sso/callback');
    assert.match(await page.locator('h1').innerText(), /You could not be signed in/);
    assert.match(await page.locator('main').innerText(), /does not match anyone in skillgym/);
    assert.equal(await page.locator('form[action="/sign-out"]').count(), 0, 'not signed in');
    await checkA11y(page, 'refusal page (unknown person)');
  });
});

test('with passwords off, the sign-in page offers only the organisation account', T, async () => {
  await withPage(browser, 'sso-passwords-off', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    await visit(page, `${app.url}/settings`);
    await fillSettings(page, {
      issuer: provider.issuer,
      clientId: CLIENT_ID,
      secret: '',
      passwords: 'off',
    });
    assert.match(await page.locator('main').innerText(), /Your settings have been saved/);
  });
  await withPage(browser, 'sso-passwords-off-sign-in', async (page) => {
    await visit(page, `${app.url}/sign-in`);
    assert.equal(await page.locator('input[name="password"]').count(), 0, 'no password form');
    assert.equal(await page.locator('a[href="/sign-in/sso"]').count(), 1, 'the single sign-on button');
    await checkA11y(page, 'sign-in page with passwords off');
    await signInThroughProvider(page, 'learner');
    assert.equal(pathOf(page), '/', 'the learner still signs in');
  });
});
