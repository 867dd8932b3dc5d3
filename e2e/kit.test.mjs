// The kit register in a real browser: a trainer reaches it from the Learning page, opens the
// flags page (a summary first, short on a phone), chooses a library, follows flagged kit to its
// page, is refused an unknown staff number with an error summary, and logs a session of use;
// an administrator imports a kit file with a mistake, reads where it is, then imports the
// corrected file. Each page passes axe, on a desktop and a phone.
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

test('a trainer finds kit to look at, records training and logs use', { timeout: 180_000 }, async () => {
  await withPage(browser, 'kit-trainer', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.trainer);
    await visit(page, `${app.url}/learning`);
    await clickAndWait(page, page.locator('main a[href="/kit"]'));
    assert.equal(pathOf(page), '/kit');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `the kit register at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await clickAndWait(page, page.locator('main a[href="/kit/flags"]'));
    assert.equal(pathOf(page), '/kit/flags');
    // On a phone: a filter and a summary, a few screens at most, not every library in full.
    await page.setViewportSize({ width: 390, height: 844 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < 4000, `the flags page is ${height} px tall at 390 px`);
    assert.equal(await page.locator('main section.activity').count(), 0);
    await checkA11y(page, 'kit flags at 390 px');
    await page.locator('#site').selectOption({ label: 'Central Library' });
    await clickAndWait(page, page.locator('main form.filters button[type="submit"]'));
    const laser = page.locator('main section.activity', { hasText: 'Laser cutter' });
    assert.match(await laser.innerText(), /Nobody here trained/);
    assert.match(await laser.innerText(), /Unused/);
    assert.match(await laser.locator('a[href^="/help?kit="]').getAttribute('href'), /^\/help\?kit=\d+$/);
    await checkA11y(page, 'a library\'s flagged kit at 390 px');
    await page.setViewportSize({ width: 1280, height: 900 });
    await checkA11y(page, 'a library\'s flagged kit at 1280 px');
    await clickAndWait(page, laser.locator('h3 a'));
    assert.match(pathOf(page), /^\/kit\/\d+$/);
    await checkA11y(page, 'a kit item');
    // An unknown staff number: an error summary, nothing recorded.
    await page.locator('#employee_number').fill('NOBODY-1');
    await clickAndWait(page, page.locator('main form[action$="/trained"] button[type="submit"]').last());
    assert.ok(await page.locator('.error-summary').isVisible());
    assert.match(await page.locator('.error-summary').innerText(), /nobody with this staff number/);
    await checkA11y(page, 'a kit item with an error');
    // A session of use, logged today.
    await page.locator('#sessions').fill('1');
    await page.locator('#people_helped').fill('6');
    await page.locator('#note').fill('Keyring workshop');
    await clickAndWait(page, page.locator('main form[action$="/use"] button[type="submit"]'));
    const main = await page.locator('main').innerText();
    assert.match(main, /Use logged/);
    assert.match(main, /Keyring workshop/);
    assert.doesNotMatch(main, /It has not been used/);
    await page.setViewportSize({ width: 390, height: 844 });
    await checkA11y(page, 'a kit item after logging use at 390 px');
  });
});

const HEADER = 'code,name,description,site,competences\n';

test('an administrator imports a kit file, corrects a mistake and imports it again', { timeout: 180_000 }, async () => {
  await withPage(browser, 'kit-admin', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.admin);
    await visit(page, `${app.url}/kit`);
    await clickAndWait(page, page.locator('main a[href="/kit/import"]'));
    await checkA11y(page, 'kit import');
    const upload = async (text) => {
      await page.locator('#kit_file').setInputFiles({
        name: 'kit.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      });
      await clickAndWait(page, page.locator('main form button[type="submit"]'));
    };
    await upload(`${HEADER}HQ-CRICUT,Vinyl cutter,For signs and stickers,NOWHERE,PROBLEMS-3\n`);
    assert.ok(await page.locator('.error-summary').isVisible());
    const problems = await page.locator('#import-problems').innerText();
    assert.match(problems, /line 2/);
    assert.match(problems, /site/);
    await checkA11y(page, 'kit import with a mistake');
    await upload(`${HEADER}HQ-CRICUT,Vinyl cutter,For signs and stickers,HQ,PROBLEMS-3\n`);
    assert.equal(pathOf(page), '/kit');
    assert.match(await page.locator('main').innerText(), /1 added and 0 changed/);
    assert.ok(await page.locator('main a', { hasText: 'Vinyl cutter' }).count());
    await checkA11y(page, 'kit after the import');
    await visit(page, `${app.url}/settings/kit`);
    await checkA11y(page, 'the kit setting');
  });
});
