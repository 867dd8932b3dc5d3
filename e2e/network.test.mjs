// The network demo in a real browser: the coordinator's network page and figures, and a
// member's networks page and comparison, each in English and Welsh, on a desktop and a phone,
// checked with axe; the member turns sharing its figures off, and the coordinator no longer
// sees them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSkillgym,
  launchBrowser,
  withPage,
  visit,
  signIn,
  clickAndWait,
  checkA11y,
  pathOf,
  answerSection,
} from './lib.mjs';

let app;
let browser;

before(async () => {
  app = await startSkillgym({ extraArgs: ['--network'] });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

/** Switches the session's language with the button in the header. */
async function useLanguage(page, lang) {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) {
    await clickAndWait(page, page.locator(`header form[action="/language"] button[lang="${lang}"]`));
  }
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
}

/** Checks the page at the current address in both languages and at both widths. */
async function checkEverywhere(page, label) {
  for (const lang of ['en', 'cy']) {
    await useLanguage(page, lang);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `${label} (${lang}, ${width} px)`);
    }
  }
  await useLanguage(page, 'en');
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a coordinator sees the network figures and a member where it stands', { timeout: 300_000 }, async () => {
  let figures;
  await withPage(browser, 'network-coordinator', async (page) => {
    await signIn(page, app.url, 'coordinator@network.example');
    await clickAndWait(page, page.locator('nav a[href="/network"]'));
    assert.equal(pathOf(page), '/network');
    const main = await page.locator('main').innerText();
    assert.match(main, /Welsh public libraries/);
    assert.match(main, /Bro Library Service/);
    await checkEverywhere(page, 'network page');
    await clickAndWait(page, page.locator('main a[href^="/network/campaigns/"]').first());
    figures = pathOf(page);
    const table = await page.locator('main table').innerText();
    // Afon and Bro share their figures; Anglesey and the Valleys do not.
    assert.match(table, /Afon Valley Libraries/);
    assert.match(table, /Bro Library Service/);
    assert.doesNotMatch(table, /Anglesey|Valleys Libraries/);
    assert.match(table, /\d\.\d\d/);
    await checkEverywhere(page, 'network figures');
  });

  await withPage(browser, 'network-member', async (page) => {
    await signIn(page, app.url, 'admin@bro.example');
    await visit(page, `${app.url}/admin`);
    await clickAndWait(page, page.locator('main a[href="/networks"]'));
    await checkEverywhere(page, 'networks page');
    await clickAndWait(page, page.locator('main a[href$="/network"]').first());
    assert.match(pathOf(page), /^\/campaigns\/\d+\/network$/);
    const main = await page.locator('main').innerText();
    assert.match(main, /quarter|median/);
    assert.doesNotMatch(main, /Anglesey|Valleys Libraries|Afon Valley/);
    await checkEverywhere(page, 'comparison with the network');

    // Bro stops sharing its figures.
    await visit(page, `${app.url}/networks`);
    await page.locator('main input[name="shares"][value="no"]').check();
    await clickAndWait(page, page.locator('main form[action$="/sharing"] button[type="submit"]'));
    assert.equal(pathOf(page), '/networks');
    assert.ok(await page.locator('main input[name="shares"][value="no"]').isChecked());
  });

  await withPage(browser, 'network-coordinator-again', async (page) => {
    await signIn(page, app.url, 'coordinator@network.example');
    await visit(page, `${app.url}${figures}`);
    const table = await page.locator('main table').innerText();
    assert.doesNotMatch(table, /Bro Library Service/);
    assert.match(table, /Afon Valley Libraries/);
  });
});

test('someone on no staff list answers through the network campaign\'s public link', { timeout: 300_000 }, async () => {
  let address;
  await withPage(browser, 'public-link-coordinator', async (page) => {
    await signIn(page, app.url, 'coordinator@network.example');
    await visit(page, `${app.url}/network`);
    await clickAndWait(page, page.locator('main a[href^="/network/campaigns/"]').first());
    // The demo opened the link to anyone; the page gives the address to hand out.
    address = (await page.locator('#public-link ~ p code').first().innerText()).trim();
    assert.match(address, /\/take\/[A-Za-z0-9_-]+$/);
    assert.ok(await page.locator('main input[name="mode"][value="anonymous"]').isChecked());
  });

  await withPage(browser, 'public-link-respondent', async (page) => {
    await visit(page, address);
    const main = await page.locator('main').innerText();
    assert.match(main, /Which library service do you work or volunteer with\?/);
    assert.match(main, /Anglesey/);
    await checkEverywhere(page, 'public link');
    // Nothing chosen: an error summary that passes axe.
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.ok(await page.locator('.error-summary').isVisible());
    await checkA11y(page, 'public link with an error');
    await page.locator('main input[name="organisation"]').first().check();
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.match(pathOf(page), /^\/audits\/\d+$/);
    assert.match(await page.locator('main').innerText(), /public link/);
    await checkA11y(page, 'public respondent start page');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    let guard = 0;
    while (/\/section\/\d+$/.test(pathOf(page)) && guard < 40) {
      await answerSection(page);
      guard += 1;
    }
    assert.match(pathOf(page), /\/check$/);
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.match(pathOf(page), /\/results$/);
    await checkA11y(page, 'public respondent results');
    // The link brings the same browser back to its answers; nothing else is open to it.
    await visit(page, address);
    assert.match(pathOf(page), /^\/audits\/\d+$/);
    await visit(page, `${app.url}/audits`);
    assert.equal(pathOf(page), '/sign-in');
  });
});
