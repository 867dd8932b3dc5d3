// The learning catalogue in a real browser: a learner finds what they can do in 15 minutes in
// Welsh, opens one and rates it; books a session of a course and makes a calendar address; a
// trainer's form with mistakes shows an error summary. Each page passes axe, on a desktop and
// a phone.
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

test('a learner finds something to do in 15 minutes and rates it', { timeout: 180_000 }, async () => {
  await withPage(browser, 'catalogue-learner', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await clickAndWait(page, page.locator('nav.nav a[href="/learning"]'));
    assert.equal(pathOf(page), '/learning');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `catalogue at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('#minutes').selectOption('15');
    await page.locator('#language').selectOption('cy');
    await clickAndWait(page, page.locator('main form[role="search"] button[type="submit"]'));
    assert.match(page.url(), /minutes=15/);
    const lengths = await page.$$eval('main section.activity p.hint', (ps) => ps.map((p) => p.textContent));
    assert.ok(lengths.length > 0, 'something takes 15 minutes or less in Welsh');
    for (const text of lengths) {
      const minutes = Number(/(\d+) minute/.exec(text)[1]);
      assert.ok(minutes <= 15, `${text} takes 15 minutes or less`);
      assert.match(text, /Cymraeg/);
    }
    await checkA11y(page, 'catalogue search results');
    await clickAndWait(page, page.locator('main section.activity h3 a').first());
    assert.match(pathOf(page), /^\/learning\/\d+$/);
    await checkA11y(page, 'an activity');
    // Rating with nothing chosen: an error summary.
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.ok(await page.locator('.error-summary').isVisible());
    await checkA11y(page, 'an activity with an error');
    await page.locator('#usefulness-4').check();
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.match(await page.locator('main').innerText(), /You rated it 4 out of 5/);
  });
});

test('a trainer adds an activity and each mistake is explained', { timeout: 180_000 }, async () => {
  await withPage(browser, 'catalogue-trainer', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.trainer);
    await visit(page, `${app.url}/learning/new`);
    await checkA11y(page, 'new activity form');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.ok(await page.locator('.error-summary').isVisible());
    await checkA11y(page, 'new activity form with errors');
    await page.locator('#title_en').fill('Borrowing e-audiobooks');
    await page.locator('#kind').selectOption('guide');
    await page.locator('#provider').fill('Afon Valley Libraries digital team');
    await page.locator('#minutes').fill('10');
    await page.locator('#competence_1').selectOption('ERESOURCES-1');
    await page.locator('#level_1').selectOption('2');
    await page.locator('#code').fill('ACT-E-AUDIOBOOKS');
    await clickAndWait(page, page.locator('main form button[type="submit"]'));
    assert.match(pathOf(page), /^\/learning\/\d+$/);
    assert.match(await page.locator('h1').innerText(), /Borrowing e-audiobooks/);
    await visit(page, `${app.url}/learning/import`);
    await checkA11y(page, 'catalogue import');
  });
});

test('a learner books a session and makes a calendar address', { timeout: 180_000 }, async () => {
  await withPage(browser, 'catalogue-session', async (page) => {
    await signIn(page, app.url, DEMO_ACCOUNTS.learner);
    await visit(page, `${app.url}/learning?kind=course`);
    await clickAndWait(page, page.locator('main section.activity h3 a').first());
    assert.ok(await page.locator('#sessions').count(), 'the demo course has sessions');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await checkA11y(page, `an activity with sessions at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const book = page.locator('main form[action$="/book"] button[type="submit"]').first();
    await clickAndWait(page, book);
    assert.match(page.url(), /session=(booked|waiting)/);
    await checkA11y(page, 'an activity after booking');
    await clickAndWait(page, page.locator('main a[href="/me/calendar"]').first());
    await checkA11y(page, 'the calendar page');
    await clickAndWait(page, page.locator('main form[action="/me/calendar"] button[type="submit"]'));
    const address = await page.locator('main code').innerText();
    assert.match(address, /\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    await checkA11y(page, 'the calendar page with its address');
  });
});
